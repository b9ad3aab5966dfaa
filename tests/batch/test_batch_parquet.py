"""Parquet corpora: one document per row in (``.parquet`` inputs), Parquet parts out (``--parquet-out``).

A table and the same records as JSON Lines must give the same outputs, byte for byte, on the
local path and on a Dask cluster; every row is accounted for once; ``--parquet-out`` writes
whole parts only and resumes with ``--skip-existing``.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import summarizer.batch_dask as batch_dask  # noqa: E402
from evenhand.cli import app  # noqa: E402
from summarizer.batch import MANIFEST_NAME, BatchOptions, plan_batch, run_batch  # noqa: E402
from summarizer.batch_parquet import OUT_SCHEMA_COLUMNS  # noqa: E402
from summarizer.errors import BatchError  # noqa: E402
from tests.articles import make_article  # noqa: E402

from .test_batch_dask import options, tree  # noqa: E402  (the batch tests' own helpers)

IDS: list[object] = ["a", "b", "dup", "DUP", None, "", 7, "c/d", "e", "f"]


def rows(count: int = 10) -> list[dict[str, object]]:
    """Records with every awkward name the naming rule knows, one with no text."""
    records: list[dict[str, object]] = []
    for i in range(count):
        ident = IDS[i % len(IDS)]
        records.append({"id": None if ident is None else str(ident), "text": make_article(i, paragraphs=2)})
    if count > 3:
        records[3]["text"] = None
    return records


def write_table(path: Path, records: list[dict[str, object]], *, row_group_size: int = 3, **columns: str) -> Path:
    text, ident = columns.get("text", "text"), columns.get("id", "id")
    table = pa.table({ident: [r["id"] for r in records], text: [r["text"] for r in records],
                      "n": list(range(len(records)))})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    lines = []
    for r in records:
        record = {k: v for k, v in r.items() if v is not None}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def outcomes(folder: Path) -> list[dict[str, object]]:
    return sorted(pq.read_table(folder).to_pylist(), key=lambda r: str(r["source"]))


def test_rows_are_documents_named_as_jsonl_records_are(tmp_path: Path) -> None:
    records = rows()
    table = write_table(tmp_path / "corpus.parquet", records)
    jsonl = write_jsonl(tmp_path / "corpus.jsonl", records)
    by_table, by_lines = tmp_path / "t", tmp_path / "j"
    opts = options(out=by_table)
    result = run_batch(plan_batch([str(table)], opts), opts)
    opts = options(out=by_lines, jsonl_field="text")
    run_batch(plan_batch([str(jsonl)], opts), opts)
    # The same names (line-N there, row-N here) and the same summaries, byte for byte.
    renamed = {name.replace("corpus/", "").replace("row-", "line-"): data for name, data in tree(by_table).items()}
    expected = {}
    for name, data in tree(by_lines).items():
        record = json.loads(data)
        record["source"] = record["source"].replace("corpus.jsonl", "corpus.parquet").replace("#line-", "#row-")
        expected[name.replace("corpus/", "")] = record
    assert {name: json.loads(data) for name, data in renamed.items()} == expected
    assert len(result.done) == 9 and [f["path"] for f in result.failed] == [f"{table}#row-4"]  # "DUP" is "dup" folded
    assert result.failed[0]["reason"] == "no 'text' value"
    assert sorted(tree(by_table)) == sorted(
        f"corpus/{n}.json" for n in ("a", "b", "dup", "row-5", "row-6", "7", "c_d", "e", "f")
    )


def test_columns_by_name_and_missing_columns_name_the_file(tmp_path: Path) -> None:
    table = write_table(tmp_path / "news.parquet", rows(4), text="body", id="key")
    opts = options(out=tmp_path / "o", text_column="body", id_column="key")
    result = run_batch(plan_batch([str(table)], opts), opts)
    assert sorted(Path(label).name for label in result.done) == ["news.parquet#a", "news.parquet#b",
                                                                 "news.parquet#dup"]
    plan = plan_batch([str(table)], options(out=tmp_path / "p"))  # no 'text' column
    assert plan.sources == [] and len(plan.failures) == 1
    assert plan.failures[0].reason is not None
    assert plan.failures[0].reason.startswith("no column 'text' (the table has 'key', 'body', 'n')")
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not a table")
    plan = plan_batch([str(bad)], options(out=tmp_path / "q"))
    assert plan.failures[0].reason is not None and plan.failures[0].reason.startswith("not a Parquet file")


def test_folders_are_searched_for_tables_when_a_text_column_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_table(folder / "part.parquet", rows(4))
    (folder / "note.txt").write_text(make_article(99), encoding="utf-8")
    assert plan_batch([str(folder)], options(out=tmp_path / "o")).total == 1  # the .txt alone
    plan = plan_batch([str(folder)], options(out=tmp_path / "o", text_column="text"))
    assert plan.total == 5


def test_the_command_line_reads_a_table_and_prints_a_one_row_table(tmp_path: Path) -> None:
    one = write_table(tmp_path / "one.parquet", rows(1))
    printed = CliRunner().invoke(app, ["summarize", str(one), "-f", "text"])
    assert printed.exit_code == 0, printed.output
    assert printed.output.strip()
    many = write_table(tmp_path / "many.parquet", rows(10))
    refused = CliRunner().invoke(app, ["summarize", str(many)])
    assert refused.exit_code == 2 and "--parquet-out DIR" in refused.output
    done = CliRunner().invoke(app, ["summarize", str(many), "--parquet-out", str(tmp_path / "p"), "-q"])
    assert done.exit_code == 1 and "Traceback" not in done.output
    assert done.output.count("no 'text' value") == 1


def test_parquet_out_holds_every_outcome_once_in_whole_parts(tmp_path: Path) -> None:
    table = write_table(tmp_path / "corpus.parquet", rows())
    out = tmp_path / "parts"
    opts = options(parquet_out=out)
    result = run_batch(plan_batch([str(table)], opts), opts)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet"]  # the lock is gone with the batch
    written = outcomes(out)
    assert pq.read_table(out).column_names == list(OUT_SCHEMA_COLUMNS)
    assert len(written) == 10 and sorted(str(r["source"]) for r in written) == sorted(
        [*result.done, *(f["path"] for f in result.failed)])
    failed = [r for r in written if r["status"] == "failed"]
    assert len(failed) == 1 and failed[0]["error"] == "no 'text' value" and failed[0]["summary"] is None
    done = [r for r in written if r["status"] == "done"]
    for row in done:
        record = json.loads(str(row["record"]))
        assert record["source"] == row["source"] and record["summary"] == row["summary"]


def test_parquet_out_refuses_an_earlier_run_and_resumes_with_skip_existing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch_parquet as batch_parquet

    monkeypatch.setattr(batch_parquet, "ROWS_PER_PART", 4)
    table = write_table(tmp_path / "corpus.parquet", rows())
    out = tmp_path / "parts"
    opts = options(parquet_out=out)
    run_batch(plan_batch([str(table)], opts), opts)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet",
                                                     "part-00002.parquet"]
    with pytest.raises(BatchError, match="holds the parts of an earlier run; give --skip-existing"):
        run_batch(plan_batch([str(table)], opts), opts)
    # The table is fixed; the resumed run does the failed row again and skips the rest.
    fixed = rows()
    fixed[3]["text"] = make_article(3, paragraphs=2)
    write_table(table, fixed)
    again = options(parquet_out=out, skip_existing=True)
    result = run_batch(plan_batch([str(table)], again), again)
    assert len(result.done) == 1 and len(result.skipped) == 9
    written = outcomes(out)
    assert len(written) == 10 and {r["status"] for r in written} == {"done"}
    assert len({r["source"] for r in written}) == 10


def test_a_killed_run_leaves_whole_parts_and_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.batch_parquet as batch_parquet

    monkeypatch.setattr(batch_parquet, "ROWS_PER_PART", 3)
    table = write_table(tmp_path / "corpus.parquet", rows())
    out = tmp_path / "parts"
    (out).mkdir()
    (out / ".evenhand-x.tmp").write_bytes(b"half a part")  # what a kill -9 mid-write leaves
    import summarizer.batch.run as batch

    real = batch._process
    calls = {"n": 0}

    def interrupted(task: batch.Task, opts: BatchOptions) -> batch.Outcome:
        calls["n"] += 1
        if calls["n"] == 7:
            raise KeyboardInterrupt
        return real(task, opts)

    monkeypatch.setattr(batch, "_process", interrupted)
    opts = options(parquet_out=out)
    result = run_batch(plan_batch([str(table)], opts), opts)
    assert result.interrupted
    assert not (out / ".evenhand-x.tmp").exists()
    # Everything finished before the interruption (6 done, the row with no text failed), in whole parts.
    assert len(outcomes(out)) == 7
    monkeypatch.setattr(batch, "_process", real)
    again = options(parquet_out=out, skip_existing=True)
    run_batch(plan_batch([str(table)], again), again)
    whole = tmp_path / "whole"
    run_batch(plan_batch([str(table)], options(parquet_out=whole)), options(parquet_out=whole))

    def comparable(folder: Path) -> list[tuple[object, ...]]:
        return sorted((r["source"], r["status"], r["error"], r["summary"], r["record"]) for r in outcomes(folder))

    assert comparable(out) == comparable(whole)


def test_parquet_out_must_not_be_the_out_folder(tmp_path: Path) -> None:
    table = write_table(tmp_path / "corpus.parquet", rows(2))
    with pytest.raises(BatchError, match="is the --out folder"):
        plan_batch([str(table)], options(out=tmp_path / "o", parquet_out=tmp_path / "o"))


# ---- on a local Dask cluster ------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    try:
        yield local.scheduler_address
    finally:
        local.close()


def test_a_table_on_the_cluster_gives_the_local_outputs_byte_for_byte(
    tmp_path: Path, cluster: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_dask, "MIN_SLICE_ROWS", 2)
    monkeypatch.setattr(batch_dask, "MAX_SLICE_ROWS", 2)
    table = write_table(tmp_path / "corpus.parquet", rows(23), row_group_size=5)
    local, dask = tmp_path / "local", tmp_path / "dask"
    for out, extra in ((local, {}), (dask, {"cluster": cluster})):
        opts = options(out=out, parquet_out=Path(str(out) + "-parts"), **extra)
        run_batch(plan_batch([str(table)], opts), opts)
    assert tree(dask) == tree(local) and len(tree(local)) == 22
    local_manifest = json.loads((local / MANIFEST_NAME).read_text("utf-8"))
    dask_manifest = json.loads((dask / MANIFEST_NAME).read_text("utf-8"))
    assert {k: dask_manifest[k] for k in ("done", "failed")} == {k: local_manifest[k] for k in ("done", "failed")}
    assert outcomes(Path(str(dask) + "-parts")) == outcomes(Path(str(local) + "-parts"))


def test_without_pyarrow_a_table_is_a_one_line_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = write_table(tmp_path / "corpus.parquet", rows(2))
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for extra in ([str(table)], [str(tmp_path / "x.txt"), "--parquet-out", str(tmp_path / "p")]):
        (tmp_path / "x.txt").write_text(make_article(1), encoding="utf-8")
        result = CliRunner().invoke(app, ["summarize", *extra])
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines() == [
            "evenhand: error: Parquet needs pyarrow: pip install 'evenhand[parquet]'"]


def test_hostile_ids_are_data_kept_exact_in_parts_and_inert_on_the_terminal(tmp_path: Path) -> None:
    records = rows(2)
    records[0]["id"] = "\x1b]0;pwned\x07\u202e"
    records[1]["text"] = None  # a failure line names the row on the terminal
    records[1]["id"] = "\x1b[2Jb"
    table = write_table(tmp_path / "corpus.parquet", records)
    result = CliRunner().invoke(app, ["summarize", str(table), "--parquet-out", str(tmp_path / "p")])
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
    assert "no 'text' value" in result.output
    # In the data, as in JSON, a name is kept exactly.
    assert sorted(str(r["source"]) for r in outcomes(tmp_path / "p")) == [
        f"{table}#\x1b[2Jb", f"{table}#\x1b]0;pwned\x07\u202e"]


def test_the_help_names_the_extras_to_install() -> None:
    shown = CliRunner().invoke(app, ["summarize", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "pip install 'evenhand[parquet]'" in shown.output and "pip install 'evenhand[dask]'" in shown.output
