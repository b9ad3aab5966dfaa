"""`evenhand summarize URL…`, `--urls FILE` and `evenhand view URL`, against our own server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evenhand.cli import app
from tests.web_server import LocalSite, closed_port

runner = CliRunner()


def test_a_url_is_summarised_with_its_title_and_date_in_the_json(site: LocalSite) -> None:
    url = site.url("/pages/bridge_budget.html")
    result = runner.invoke(app, ["summarize", url, "--format", "json", "-n", "2"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == url
    page = data["document"]["page"]
    assert page["title"] == "Council approves budget for new river footbridge"
    assert page["date"] == "2025-04-02"
    assert page["author"] == "Jane Marlow" and page["site_name"] == "The Valley Courier"
    assert page["url"] == "https://news.example/2025/bridge-budget" and page["final_url"] == url
    text = data["document"]["text"]
    assert "The town council voted on Tuesday" in text
    for furniture in ("Accept all", "Related stories", "RiverWatcher", "Share this story", "Privacy policy"):
        assert furniture not in text


def test_plain_text_json_has_no_page_field(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. Another one there. A third one too.\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--format", "json"])
    assert result.exit_code == 0 and "page" not in json.loads(result.stdout)["document"]


def test_the_html_report_shows_the_page_metadata(site: LocalSite) -> None:
    result = runner.invoke(app, ["summarize", site.url("/pages/bridge_budget.html"), "--format", "html"])
    assert result.exit_code == 0
    assert ('<p class="meta page">Council approves budget for new river footbridge — The Valley Courier · '
            "by Jane Marlow · 2025-04-02 · https://news.example/2025/bridge-budget</p>") in result.stdout


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/status/404", "HTTP 404 Not Found"),
        ("/status/500", "HTTP 500 Internal Server Error (after 2 attempts)"),
        ("/pdf", "not HTML or text (content type application/pdf)"),
        ("/huge-declared", "104,857,600 bytes is over the limit of 1,048,576 bytes"),
        ("/huge-streamed", "more than the limit of 1,048,576 bytes"),
        ("/loop", "more than 5 redirects"),
        ("/slow", "timed out after 0.3 s (after 2 attempts)"),
        ("/nav-only", "HTML with no article text"),
    ],
)
def test_every_failure_is_one_line_and_exit_1(site: LocalSite, path: str, message: str) -> None:
    url = site.url(path)
    result = runner.invoke(
        app, ["summarize", url, "--max-bytes", "1MB", "--timeout", "0.3", "--retries", "1"]
    )
    assert result.exit_code == 1
    assert result.stderr == f"evenhand: error: {url}: {message}\n"
    assert result.stdout == ""


def test_a_refused_connection_is_one_line() -> None:
    url = f"http://127.0.0.1:{closed_port()}/x"
    result = runner.invoke(app, ["summarize", url, "--retries", "0"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"evenhand: error: {url}: connection refused by 127.0.0.1:")
    assert result.stderr.count("\n") == 1


def test_a_batch_of_urls_finishes_the_rest_and_names_each_failure_once(site: LocalSite, tmp_path: Path) -> None:
    good = [site.url("/pages/school_meals.html"), site.url("/redirect/2"), site.url("/flaky/batch")]
    bad = [site.url("/status/404"), site.url("/pdf"), f"http://127.0.0.1:{closed_port()}/gone"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# reading list\n" + "\n".join(good[1:] + bad) + "\n\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["summarize", good[0], "--urls", str(listing), "--out", str(out), "-f", "json", "-j", "1", "-q"]
    )
    assert result.exit_code == 1
    for url in bad:
        assert result.stderr.count(url) == 1, result.stderr
    assert sum(line.startswith("evenhand: failed: ") for line in result.stderr.splitlines()) == 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["done"]) == sorted(good)
    assert sorted(f["path"] for f in manifest["failed"]) == sorted(bad)
    fetched = {record["url"]: record for record in manifest["fetched"]}
    assert set(fetched) == set(good + bad)
    assert fetched[site.url("/redirect/2")]["final_url"] == site.url("/pages/bridge_budget.html")
    assert fetched[site.url("/redirect/2")]["status"] == 200
    assert fetched[site.url("/flaky/batch")]["attempts"] == 2
    assert fetched[site.url("/status/404")]["status"] == 404
    assert all("elapsed_s" in record for record in fetched.values())
    assert all("fetched_at" in record for record in fetched.values())
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.name != "manifest.json")
    assert len(outputs) == 3 and all(name.startswith("127.0.0.1_") for name in outputs)
    story = json.loads((out / outputs[0]).read_text(encoding="utf-8"))
    assert story["document"]["page"]["title"]


def test_a_batch_of_urls_writes_them_in_the_order_given(site: LocalSite, tmp_path: Path) -> None:
    """--jsonl-out has the URLs in the order given, however fast each page came."""
    import threading

    urls = [site.url("/hold/order"), site.url("/pages/school_meals.html"), site.url("/plain")]
    site.state.release.clear()
    threading.Timer(1.0, site.state.release.set).start()  # the first page comes last
    out = tmp_path / "all.jsonl"
    result = runner.invoke(app, ["summarize", *urls, "--jsonl-out", str(out), "-j", "2", "-q"])
    assert result.exit_code == 0, result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == urls


def test_a_url_list_with_a_line_that_is_not_a_url_is_a_usage_error(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://news.example/a\nnot a url\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", "--urls", str(listing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "line 2: not an http:// or https:// URL: 'not a url'" in result.stderr


def test_several_urls_without_out_is_a_usage_error(site: LocalSite) -> None:
    result = runner.invoke(app, ["summarize", site.url("/plain"), site.url("/pages/bridge_budget.html")])
    assert result.exit_code == 2 and "give --out DIR" in result.stderr


def test_view_url_failure_is_one_line_before_the_app_starts(site: LocalSite, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer.testing

    # view checks for a terminal first; CliRunner's stdout wrapper is made to say it is one.
    monkeypatch.setattr(typer.testing._NamedTextIOWrapper, "isatty", lambda self: True)
    url = site.url("/status/404")
    result = runner.invoke(app, ["view", url])
    assert result.exit_code == 1
    assert result.stderr == f"evenhand: error: {url}: HTTP 404 Not Found\n"


def test_html_on_standard_input_is_decoded_by_its_declared_charset() -> None:
    page = (Path(__file__).resolve().parents[1] / "fixtures" / "web" / "euro_exchange.html").read_bytes()
    result = runner.invoke(app, ["summarize", "-", "--format", "json"], input=page)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert "€4,000" in data["document"]["text"]  # ISO-8859-15 as its <meta> says: cp1252 would give ¤
    assert data["document"]["page"]["title"] == "Twinning visit raises €4,000 for the youth club"


def test_html_saved_as_txt_is_summarised_as_an_article(tmp_path: Path) -> None:
    saved = tmp_path / "page.txt"
    saved.write_bytes((Path(__file__).resolve().parents[1] / "fixtures" / "web" / "bridge_budget.html").read_bytes())
    result = runner.invoke(app, ["summarize", str(saved), "--format", "text"])
    assert result.exit_code == 0
    assert "<" not in result.stdout and "The town council voted" in result.stdout
