"""`evenhand summarize`: one input to stdout, many to a folder, exit codes, nothing lost, Ctrl-C."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import SUMMARIZE_ALGORITHMS, SUMMARIZE_ENGINES, SUMMARIZE_FORMATS, app
from summarizer import SCHEMA_VERSION
from tests.articles import make_article

REPO = Path(__file__).resolve().parents[2]

# Our own fixture: a wire-style story with a headline, a dateline, a quotation and a list.
FIXTURE = """Harbour dredging to start in March after two-year dispute

PORTHAVEN, May 4 – The town council voted 7-2 on Tuesday to dredge the old harbour, ending a dispute that began in 2024.

The work will cost £2.4m and take about 14 weeks, the council's engineer, Dr. Ana Ruiz, told the meeting. She said the contractor had been chosen in April.

Fishing crews have complained for years that silt blocks the harbour mouth at low tide. "We lose two hours a day," said Tom Bell, who skippers a trawler. "Some boats cannot get out at all."

Two councillors voted against the plan. Cllr. Jo Hart said the money would be better spent on the sea wall, which was damaged in February's storm. The council said repairs to the wall were in next year's budget.

The Environment Agency said it had approved the plan on condition that the dredged silt is tested before it is moved. Tests will take place in the first two weeks.

Boats will use a temporary berth at the north quay while the work goes on. The harbour master said the berth had space for 40 vessels.

Residents can see the plans at the town hall until May 20.
"""


def tree_hash(root: Path) -> dict[str, str]:
    """Every path under ``root`` with its content hash (or link target): proof nothing changed."""
    result = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            result[key] = "link:" + os.readlink(path)
        elif path.is_file():
            result[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            result[key] = "dir"
    return result


def evenhand(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
             input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evenhand", *args],
        cwd=cwd or REPO, env=env, input=input_text, capture_output=True, text=True, timeout=300, check=False,
    )


runner = CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


# ---- the scenario ---------------------------------------------------------------


def test_a_folder_two_levels_deep_with_an_empty_and_a_binary_file(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    for i in range(30):
        folder = articles / f"section{i % 3}" / f"day{i % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{i:02d}.txt").write_text(make_article(i), encoding="utf-8")
    (articles / "section0" / "empty.txt").write_bytes(b"")
    (articles / "section1" / "day0" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    before = tree_hash(articles)
    out = tmp_path / "out"

    done = evenhand("summarize", str(articles), "--out", str(out), "--format", "json", "--jobs", "2")

    assert done.returncode == 1, done.stderr
    assert tree_hash(articles) == before
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.name != "manifest.json")
    assert len(outputs) == 30
    assert "section2/day1/story29.json" in outputs
    for output in outputs:
        summary = json.loads((out / output).read_text(encoding="utf-8"))
        assert summary["schema_version"] == SCHEMA_VERSION
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    failed = {Path(f["path"]).name: f["reason"] for f in manifest["failed"]}
    assert set(failed) == {"empty.txt", "binary.txt"}
    assert len(manifest["done"]) == 30
    assert manifest["options"]["jobs"] == 2 and manifest["options"]["format"] == "json"
    for name, reason in failed.items():
        line = next(line for line in done.stderr.splitlines() if name in line)
        assert line.startswith("evenhand: failed: ") and line.endswith(reason)
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_ctrl_c_leaves_complete_files_and_a_manifest_of_what_was_done(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    # Enough work that the batch is still running when Ctrl-C comes, on a fast machine too.
    for i in range(400):
        (articles / f"story{i:03d}.txt").write_text(make_article(i, paragraphs=12), encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "evenhand", "summarize", str(articles), "--out", str(out), "-f", "json", "-j", "2"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell's background job starts with SIGINT ignored, and Python keeps it so.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while not any(out.glob("story*.json")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)

    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "evenhand: interrupted:" in stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["interrupted"] is True
    done = {Path(p).stem for p in manifest["done"]}
    written = {p.stem for p in out.glob("story*.json")}
    assert 0 < len(done) < 400
    assert done <= written and len(written - done) <= 1
    for path in out.glob("story*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # complete, parseable
    assert not [p for p in out.iterdir() if p.name.startswith(".")]

    resumed = evenhand("summarize", str(articles), "--out", str(out), "-f", "json", "--skip-existing", "-j", "2")
    assert resumed.returncode == 0, resumed.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["done"]) + len(manifest["skipped"]) == 400
    assert len(manifest["skipped"]) >= len(done)


# ---- ten algorithms, no NLTK data --------------------------------------------------------

_TEN_ALGORITHMS = """
import json, sys
from typer.testing import CliRunner
from evenhand.cli import app
results = {}
for algorithm in sys.argv[2:]:
    r = CliRunner().invoke(app, ["summarize", sys.argv[1], "-a", algorithm, "--sentences", "5", "--format", "json"])
    results[algorithm] = {"code": r.exit_code, "stdout": r.stdout, "stderr": r.stderr}
print(json.dumps(results))
"""


@pytest.mark.parametrize("source", ["fixture", "seed"])
def test_all_ten_algorithms_keep_exactly_five_with_exact_spans_and_no_nltk_data(
    source: str, article: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = request.getfixturevalue("seed_path") if source == "seed" else article
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty)}
    proc = subprocess.run(
        [sys.executable, "-c", _TEN_ALGORITHMS, str(path), *SUMMARIZE_ALGORITHMS],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)
    for algorithm in SUMMARIZE_ALGORITHMS:
        result = results[algorithm]
        assert result["code"] == 0, (algorithm, result["stderr"])
        summary = json.loads(result["stdout"])
        text = summary["document"]["text"]
        assert summary["algorithm"] == algorithm
        assert sum(s["kept"] for s in summary["sentences"]) == 5, algorithm
        assert all(text[s["start"] : s["end"]] == s["text"] for s in summary["sentences"]), algorithm
        assert [s["index"] for s in summary["sentences"]] == list(range(len(summary["sentences"])))


# ---- one input to standard output --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "diff", "terminal"])
def test_one_file_prints_in_every_format(fmt: str, article: Path) -> None:
    result = runner.invoke(app, ["summarize", str(article), "-n", "3", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    if fmt == "json":
        assert sum(s["kept"] for s in json.loads(result.stdout)["sentences"]) == 3
    if fmt == "html":
        assert result.stdout.lstrip().lower().startswith("<!doctype html")


def test_text_is_the_default_when_not_on_a_terminal(article: Path) -> None:
    result = runner.invoke(app, ["summarize", str(article), "-n", "2"])
    assert result.exit_code == 0
    assert result.stdout.count("\n") <= 4  # the summary alone, not the side-by-side view


def test_standard_input(article: Path) -> None:
    result = runner.invoke(app, ["summarize", "-", "-n", "2", "-f", "json"], input=FIXTURE)
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["source"] == "-" and sum(s["kept"] for s in summary["sentences"]) == 2


def test_standard_input_is_the_default_when_piped() -> None:
    done = evenhand("summarize", "-n", "1", "-f", "text", input_text=FIXTURE)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 1


def test_html_from_standard_input_is_extracted() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><article><p>" + FIXTURE.replace("\n\n", "</p><p>") + \
        "</p></article></body></html>"
    result = runner.invoke(app, ["summarize", "-", "-n", "2", "-f", "json"], input=page)
    assert result.exit_code == 0, result.stderr
    assert "<p>" not in json.loads(result.stdout)["document"]["text"]


# ---- usage errors (exit 2) and failures (exit 1) -----------------------------------------


@pytest.mark.parametrize(
    ("budget", "message"),
    [
        (["-n", "3", "-r", "0.5"], "--sentences and --ratio are mutually exclusive"),
        (["-n", "3", "-w", "50"], "--sentences and --words are mutually exclusive"),
        (["-r", "0.5", "-w", "50"], "--ratio and --words are mutually exclusive"),
        (["-n", "0"], "--sentences must be at least 1"),
        (["-r", "1.5"], "--ratio must be more than 0 and at most 1"),
        (["-w", "-4"], "--words must be at least 1"),
        (["-a", "bogus"], "--algorithm 'bogus': choose one of neutral, lexrank"),
        (["-f", "pdf"], "--format 'pdf': choose one of terminal"),
        (["--engine", "gpu"], "--engine 'gpu': choose one of fast, sumy"),
        (["--max-bytes", "lots"], "--max-bytes: not a size"),
        (["--language", "klingon"], "--language: no stemmer or stop words for language 'klingon'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(budget: list[str], message: str, article: Path) -> None:
    result = runner.invoke(app, ["summarize", str(article), *budget])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"evenhand: error: {message}")
    assert result.stderr.count("\n") == 1


def test_several_inputs_without_out_is_a_usage_error_naming_out(article: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(make_article(1), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(article), str(other)])
    assert result.exit_code == 2
    assert "give --out DIR" in result.stderr and "--jsonl-out" in result.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty input"), (b"\x00\x01\x02\x03", "binary file"), (b"  \n\t ", "only white space")],
)
def test_one_bad_file_is_one_line_and_exit_1(content: bytes, reason: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"evenhand: error: {path}: ")
    assert reason in result.stderr and result.stderr.count("\n") == 1


def test_a_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"evenhand: error: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_a_legacy_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(FIXTURE.replace("£", "").replace("–", "-").encode("cp1252") + "Café.\n".encode("cp1252"))
    result = runner.invoke(app, ["summarize", str(path), "-n", "2"])
    assert result.exit_code == 0
    assert result.stderr == f"evenhand: warning: {path}: decoded as cp1252: not valid UTF-8\n"


# ---- folders ----------------------------------------------------------------------------


def test_an_existing_out_inside_the_input_is_refused(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    (articles / "old").mkdir(parents=True)
    (articles / "a.txt").write_text(make_article(1), encoding="utf-8")
    before = tree_hash(articles)
    result = runner.invoke(app, ["summarize", str(articles), "--out", str(articles / "old")])
    assert result.exit_code == 2
    assert "is inside the input folder" in result.stderr
    result = runner.invoke(app, ["summarize", str(articles), "--out", str(articles)])
    assert result.exit_code == 2
    assert "holds the input folder" in result.stderr
    assert tree_hash(articles) == before


def test_skip_existing_through_the_command(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(3):
        (articles / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")
    out = tmp_path / "out"
    first = runner.invoke(app, ["summarize", str(articles), "--out", str(out), "-j", "1", "-f", "markdown"])
    assert first.exit_code == 0, first.stderr
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "s0.md", "s1.md", "s2.md"]
    second = runner.invoke(app, ["summarize", str(articles), "--out", str(out), "-j", "1", "-f", "markdown",
                                 "--skip-existing"])
    assert second.exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["done"] == [] and len(manifest["skipped"]) == 3
    assert "0 done, 3 skipped, 0 failed" in second.stderr


def test_quiet_prints_only_failures(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(make_article(1), encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(articles), "--out", str(tmp_path / "o"), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"evenhand: failed: {articles / 'empty.txt'}: empty input, no text to read\n"


def test_jsonl_corpus_in_and_jsonl_records_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"doc-{i}", "text": make_article(i)}) + "\n" for i in range(4)), encoding="utf-8"
    )
    records = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["summarize", str(corpus), "--jsonl-field", "text", "--jsonl-out", str(records),
                                 "-n", "2", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["source"] for line in lines) == [f"{corpus}#doc-{i}" for i in range(4)]
    assert all(sum(s["kept"] for s in line["sentences"]) == 2 for line in lines)


def test_a_jsonl_file_without_jsonl_field_is_a_usage_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"text": make_article(1)}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(corpus)])
    assert result.exit_code == 2
    assert "give --jsonl-field FIELD" in result.stderr


def test_jsonl_records_to_standard_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": make_article(i)}) + "\n" for i in range(2)), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(corpus), "--jsonl-field", "text", "--jsonl-out", "-", "-j", "1",
                                 "-q"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        f"{corpus}#line-1", f"{corpus}#line-2"
    ]


# ---- help and choices --------------------------------------------------------------------


def test_the_choices_listed_in_the_cli_are_the_library_s() -> None:
    from summarizer import ALL_ALGORITHMS
    from summarizer.rank import ENGINES
    from summarizer.render import FORMATS

    assert SUMMARIZE_ALGORITHMS == ALL_ALGORITHMS
    assert SUMMARIZE_FORMATS == FORMATS
    assert set(SUMMARIZE_ENGINES) == set(ENGINES)


def test_help_reads_like_a_man_page_with_examples() -> None:
    result = runner.invoke(app, ["summarize", "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for expected in ("Examples", "--skip-existing", "--jsonl-field", "Exit status", "manifest.json",
                     "evenhand summarize articles/ --out summaries/", "[default: terminal on a terminal"):
        assert expected in result.stdout
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert top.exit_code == 0
    assert "summarize" in top.stdout and "Examples" in top.stdout


def test_shell_completion_offers_the_choices() -> None:
    env = {**os.environ, "_EVENHAND_COMPLETE": "complete_bash", "COMP_WORDS": "evenhand summarize -a lex",
           "COMP_CWORD": "3"}
    script = Path(sys.executable).with_name("evenhand")
    if not script.is_file():
        pytest.skip(f"the evenhand console script is not installed next to {sys.executable}")
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60, check=False, cwd=REPO)
    assert done.stdout.split() == ["lexrank"]


# A shipped list broken as a bad edit or a damaged installation would break it; the process
# prints at exit whether Typer ran, so both the fast path and the Typer command are seen.
_BROKEN_LIST = """
import atexit
import sys

import summarizer.lexicons as lexicons

read = lexicons._lines
lexicons._lines = lambda relative: ["loaded\\tnowhere\\t1"] if relative == "evenhand/loaded_terms.tsv" else read(relative)
atexit.register(lambda: print("typer" in sys.modules))
from evenhand.start import main

main(sys.argv[1:])
"""


@pytest.mark.parametrize(("flags", "typer_ran"), [(["-n", "3"], False), (["-n3"], True)], ids=["fast", "typer"])
def test_a_broken_shipped_list_is_one_line_and_exit_1(article: Path, flags: list[str], typer_ran: bool) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _BROKEN_LIST, "summarize", str(article), *flags],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert (proc.returncode, proc.stdout) == (1, f"{typer_ran}\n"), proc.stderr
    assert proc.stderr == (
        "evenhand: error: the shipped list evenhand/loaded_terms.tsv is broken (reinstall evenhand): "
        "unknown side 'nowhere' for 'loaded'\n"
    )
