"""Choosing sentences: plain top-k for sumy's algorithms, and the ``neutral`` selector.

Plain selection (:mod:`~summarizer.select.plain`) keeps the best-rated sentences within the
budget and nothing else, so a reader can see what an algorithm does on its own.

``neutral`` (:func:`~summarizer.select.neutral.select_neutral`) values every sentence by its
centrality (sumy's Reduction: how much it shares with the rest of the article), scaled by how well
it stands alone (very short sentences and ones that need others to read right compete by what
their group gives per place) and by plain language (a sentence over 20 words counts for 20/words
of its value), then weighed down by its bias score as it would read after trimming.  Strongly
loaded sentences are set aside and used only if nothing else fills the budget.  It never keeps
boilerplate, treats a colon lead-in and its quotation as one unit, and skips a sentence that
repeats one already kept (maximal marginal relevance), with a small bonus for the facts a sentence
adds that the kept ones do not carry yet (:mod:`summarizer.facts`).  It gives each voice of the
article (:mod:`summarizer.voices`) a say when the budget allows and lets no voice's quotations take
more than half of the summary's words unless it is the only one.  Every dropped sentence's first
reason names the deciding factor in plain words.

One job per module, in the order ``neutral`` runs them:

- :mod:`~summarizer.select.needs`: what each sentence needs to read right (its quotation from the
  start, its lead-in, the sentence its pronoun points at) and the edits that stand in for it;
- :mod:`~summarizer.select.value`: each sentence's value and its factors, the loaded ones, the
  words each counts for (with :mod:`~summarizer.select.cut`, the compression cuts found once);
- :mod:`~summarizer.select.choose`: the greedy choice, with :mod:`~summarizer.select.choosers`
  (best candidate, redundancy), :mod:`~summarizer.select.novelty` (new facts) and
  :mod:`~summarizer.select.balance` (the voices);
- :mod:`~summarizer.select.repair` and :mod:`~summarizer.select.merge`: the kept sentences' edits;
- :mod:`~summarizer.select.reasons`: every decision's reasons and the budget's note, and
  :mod:`~summarizer.select.decide`: what every decision of both selectors is made of.

The constants of each module were chosen on the development sets with ``evenhand eval summary``
(BBC, ROUGE-2 at the reference length) and ``evenhand eval neutrality`` (Lim et al.: mean crowd
bias of the kept sentences); ``docs/evaluation.md`` gives the figures.  The two pull apart: BBC's
references favour long central sentences, and Lim's crowd rates long sentences as more biased;
the plain-language term is what serves both.  Position and attribution terms are kept as knobs but
set to 0: both cost ROUGE on BBC and raised the kept bias on Lim.
"""

from summarizer.select.balance import VOICE_SHARE
from summarizer.select.merge import REWORDING
from summarizer.select.neutral import select_neutral
from summarizer.select.plain import select_plain
from summarizer.select.value import CENTRALITY, LOADED

__all__ = ["CENTRALITY", "LOADED", "REWORDING", "VOICE_SHARE", "select_neutral", "select_plain"]
