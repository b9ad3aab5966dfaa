"""Voices (:mod:`summarizer.voices`) in the greedy choice: each a say when the budget allows, and no
voice's quotations more than half of the summary's words unless it is the only one.

:class:`VoiceBalance` plans the voices to give a say and weighs each candidate group;
:func:`give_voices` keeps the planned ones, :func:`rebalance` takes a voice's quotations back when
the summary ends shorter than expected.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from summarizer.model import Reason
from summarizer.quotes import QuoteUnit
from summarizer.voices import VoiceMap

if TYPE_CHECKING:
    from summarizer.select.choosers import BaseChooser


#: Voices (:mod:`summarizer.voices`): no voice's quotations take more than this share of the
#: summary's words, unless it is the only voice the article gives a say (the issue's rule).
VOICE_SHARE = 0.5
#: At most this share of the budget is held for giving each voice a say, so a long list of
#: voices does not push the article's news out.  0.5 and 1.0 tried: 0.5 on both halves.
VOICE_ROOM = 0.5
#: Room is held only for a voice whose best sentence is worth at least this share of the best
#: sentence's value: a passing "the firm declined to comment" does not push out the news.  Tried
#: on BBC dev (halves by id, ROUGE-2 A/B): 0 → 0.684/0.687, 0.3 → 0.696/0.713,
#: 0.4 → 0.701/0.719, 0.5 → 0.705/0.720; without any room held 0.706/0.717.
VOICE_MIN_VALUE = 0.5
#: A voice reported as disputing or opposing (:attr:`summarizer.voices.VoiceMap.disputing`:
#: "Ellison criticised the bill", "the firm denied it") answers another side: room is held for
#: it down to this share of the best sentence's value, so a summary does not give one side of a
#: dispute the article reports and drop the other.
VOICE_MIN_VALUE_DISPUTING = 0.25


class VoiceBalance:
    """Every voice a say, none more than its share (:data:`VOICE_SHARE`, :data:`VOICE_ROOM`)."""

    def __init__(self, voices: VoiceMap, counts: Sequence[int], content: Sequence[int]) -> None:
        self.voices = voices
        self.counts = counts
        self.several = len(voices.voices) > 1
        # Every sentence's voice, looked up once: heard() runs for each candidate of the greedy loop.
        self._voice_of = tuple(None if s is None else s.name for s in voices.speakers)
        # The sum of whole numbers is exact, so this is the mean NumPy's np.mean gave.
        self.mean_words = sum(counts[i] for i in content) / len(content) if content else 0.0
        #: The voices of the kept sentences, kept up to date by the chooser (see :class:`VoiceTally`).
        self.tally = VoiceTally(voices)

    def heard(self, kept: Collection[int]) -> set[str]:
        voice_of = self._voice_of
        heard = {voice_of[i] for i in kept}
        heard.discard(None)  # the writer's own voice
        return heard  # type: ignore[return-value]

    def plan(
        self,
        candidates: Sequence[int],
        value: Sequence[float],
        group_of: Callable[[int], list[int]],
        chooser: BaseChooser,
        word_limit: int | None,
        target: int,
    ) -> list[tuple[str, int]]:
        """The voices to give a say, each with its best sentence, best first, as far as the room allows."""
        if not self.several:
            return []
        # Each voice's say is its sentence of most value for the room it takes with what it needs.
        best: dict[str, int] = {}
        worth: dict[int, float] = {}
        for i in candidates:
            voice = self._voice_of[i]
            if voice is None:
                continue
            worth[i] = float(value[i]) / max(1, self._cost(group_of(i), chooser, word_limit))
            if voice not in best or worth[i] > worth[best[voice]]:
                best[voice] = i
        heard = self.heard(chooser.kept_set)
        room = VOICE_ROOM * (word_limit if word_limit is not None else target)
        top = max((float(value[i]) for i in candidates), default=0.0)
        floor, disputing_floor = VOICE_MIN_VALUE * top, VOICE_MIN_VALUE_DISPUTING * top
        disputing = self.voices.disputing
        planned: list[tuple[str, int]] = []
        members: set[int] = set()  # what the planned voices bring, counted once
        for voice, i in sorted(best.items(), key=lambda item: (-value[item[1]], item[1])):
            if voice in heard or value[i] < (disputing_floor if voice in disputing else floor):
                continue
            group = set(group_of(i)) | members
            if self._cost(sorted(group), chooser, word_limit) > room:
                continue
            planned.append((voice, i))
            members = group
        return planned

    def _cost(self, group: Sequence[int], chooser: BaseChooser, word_limit: int | None) -> int:
        fresh = [j for j in group if j not in chooser.kept_set]
        return sum(self.counts[j] for j in fresh) if word_limit is not None else len(fresh)

    def room_left(
        self,
        group: Sequence[int],
        planned: Sequence[tuple[str, int]],
        group_of: Callable[[int], list[int]],
        chooser: BaseChooser,
        word_limit: int | None,
        target: int,
    ) -> bool:
        """Whether ``group`` leaves room for the planned voices it does not give a say itself.

        A group that gives a voice not heard yet its say is one of the voices' own: it needs no room left.
        """
        # The kept sentences' voices come from the tally: a pass over them per step would make
        # a long text's choice quadratic.
        heard = self.tally.heard
        if any((v := self._voice_of[j]) is not None and v not in heard for j in group):
            return True
        waiting = {j for voice, i in planned if voice not in heard for j in group_of(i)}
        return chooser.fits(sorted(set(group) | waiting), self.counts, word_limit, target)

    def over_share(self, kept: Sequence[int], counts: Sequence[int], optional: Mapping[int, int]) -> str | None:
        """The voice whose quotations take more than its share of the words of ``kept``, if any
        (``optional``: words a sentence's count holds that the summary may not give, a credit in
        brackets, a completed name, the lead's dateline, left out of the total)."""
        if not self.several:
            return None
        total = sum(counts[j] - optional.get(j, 0) for j in kept)
        quoted: dict[str, int] = {}
        for j in kept:
            voice = self._voice_of[j]
            if voice is not None and self.voices.quoted_words[j]:
                quoted[voice] = quoted.get(voice, 0) + self.voices.quoted_words[j]
        over = [v for v, words in quoted.items() if words > VOICE_SHARE * total]
        return over[0] if over else None

    def reasons(
        self, capped: dict[int, tuple[str, tuple[int, ...]]], chooser: BaseChooser
    ) -> dict[int, Reason]:
        """The reasons of the sentences set aside for their voice's share, true of the final summary."""
        out = {}
        for i, (voice, group) in capped.items():
            fresh = [j for j in group if j not in chooser.kept_set]
            total = chooser.words + sum(self.counts[j] for j in fresh)
            quoted = self.tally.quoted.get(voice, 0) + sum(
                self.voices.quoted_words[j] for j in fresh if self._voice_of[j] == voice
            )
            if quoted > VOICE_SHARE * total:
                text = (
                    f"{voice} would then have more than half of the summary's words in quotation"
                    f" ({quoted} of {total})"
                )
            else:
                text = f"set aside: with it {voice} was expected to have more than half of the summary's words in quotation"
            out[i] = Reason("voice_share", text)
        return out

    def crowding(
        self, group: Sequence[int], chooser: BaseChooser, word_limit: int | None, target: int
    ) -> str | None:
        """The voice ``group`` would give more than its share of the summary's expected words, or ``None``."""
        if not self.several:
            return None
        fresh = [j for j in group if j not in chooser.kept_set]
        words_after = chooser.words + sum(self.counts[j] for j in fresh)
        if word_limit is not None:
            expected = max(words_after, word_limit)
        else:
            expected = max(words_after, round(words_after + max(0, target - len(chooser.kept) - len(fresh)) * self.mean_words))
        for voice in {v for j in fresh if self.voices.quoted_words[j] and (v := self._voice_of[j]) is not None}:
            quoted = self.tally.quoted.get(voice, 0) + sum(
                self.voices.quoted_words[j] for j in fresh if self._voice_of[j] == voice
            )
            if quoted > VOICE_SHARE * expected:
                return voice
        return None


class VoiceTally:
    """The voices of the kept sentences, updated as the chooser keeps and drops one: how many
    kept sentences each voice speaks in (``heard``) and the words it says in quotation there
    (``quoted``), so the balance's checks cost the group they weigh, not the summary so far."""

    def __init__(self, voices: VoiceMap) -> None:
        self.voices = voices
        self.heard: dict[str, int] = {}
        self.quoted: dict[str, int] = {}

    def add(self, j: int) -> None:
        voice = self.voices.voice(j)
        if voice is not None:
            self.heard[voice] = self.heard.get(voice, 0) + 1
            self.quoted[voice] = self.quoted.get(voice, 0) + self.voices.quoted_words[j]

    def remove(self, j: int) -> None:
        voice = self.voices.voice(j)
        if voice is not None:
            self.quoted[voice] -= self.voices.quoted_words[j]
            self.heard[voice] -= 1
            if not self.heard[voice]:
                del self.heard[voice], self.quoted[voice]


def rebalance(
    balance: VoiceBalance,
    chooser: BaseChooser,
    counts: Sequence[int],
    value: Sequence[float],
    candidates: Sequence[int],
    unit_of: dict[int, QuoteUnit],
    needs: Sequence[tuple[int, ...]],
    group_of: Callable[[int], list[int]],
    lead: int | None,
    voice_kept: dict[int, str],
    capped: dict[int, tuple[str, tuple[int, ...]]],
    word_limit: int | None,
    target: int,
    optional: Mapping[int, int],
) -> None:
    """Take back a voice's quotations while they hold more than its share of the words, filling the room with others.

    The greedy choice holds each voice to its share of the words it expects the summary to have;
    when the summary ends shorter, this makes the share hold of the summary as it is.  A voice
    keeps its first say; a sentence goes only from the end of its quotation, and never one that
    another kept sentence needs.
    """
    while (voice := balance.over_share(chooser.kept, counts, optional)) is not None:
        theirs = [j for j in chooser.kept if balance.voices.voice(j) == voice]
        needed = {d for k in chooser.kept for d in needs[k]}
        removable = [
            j for j in theirs
            if balance.voices.quoted_words[j] and j != lead and j not in needed
            and not any(m > j and m in chooser.kept_set for m in (unit_of[j].members if j in unit_of else ()))
            and len([k for k in theirs if balance.voices.quoted_words[k]]) > 1
        ]
        if not removable:
            return
        j = min(removable, key=lambda k: (value[k], -k))
        dropped = [j]
        unit = unit_of.get(j)
        if unit is not None and unit.lead_in is not None and unit.quotation[0] == j:
            dropped.append(unit.lead_in)  # a lead-in never stays without its quotation
        for k in dropped:
            chooser.drop(k, counts)
            voice_kept.pop(k, None)
        capped[j] = (voice, tuple(sorted(dropped)))
        # Fill what was freed with sentences in other voices (or the writer's).
        chooser.open([i for i in candidates if i not in capped and balance.voices.voice(i) != voice])
        while not chooser.done(word_limit, target):
            best = chooser.best()
            if best is None:
                break
            group = group_of(best)
            if any(balance.voices.voice(k) == voice and balance.voices.quoted_words[k] for k in group) or not chooser.fits(
                group, counts, word_limit, target
            ):
                chooser.reject(best)
                continue
            chooser.keep(group, counts)


def give_voices(
    planned: Sequence[tuple[str, int]],
    balance: VoiceBalance,
    group_of: Callable[[int], list[int]],
    chooser: BaseChooser,
    counts: Sequence[int],
    word_limit: int | None,
    target: int,
    voice_kept: dict[int, str],
    brought: dict[int, int],
    why: dict[int, Reason],
) -> None:
    """Keep the best sentence of every planned voice not heard yet, while it fits and takes no more than its share."""
    for voice, i in planned:
        if voice in balance.tally.heard or i in chooser.kept_set:
            continue
        group = group_of(i)
        if not chooser.fits(group, counts, word_limit, target) or balance.crowding(group, chooser, word_limit, target):
            continue
        chooser.keep(group, counts)
        voice_kept[i] = voice
        why.pop(i, None)
        brought.update({j: i for j in group if j != i})
