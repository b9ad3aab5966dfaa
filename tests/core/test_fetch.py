"""Fetching URLs from our own server on 127.0.0.1: pages, redirects, limits, every failure as one line."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from summarizer.errors import FetchError
from summarizer.fetch import ORDERED_WINDOW, USER_AGENT, FetchOptions, fetch, fetch_many, fetch_record
from summarizer.load import is_url
from tests.web_server import LocalSite, closed_port

QUICK = FetchOptions(timeout=1.0, retries=0, backoff=0.0)


def no_sleep(seconds: float) -> None:
    pass


def test_a_page_is_fetched_with_its_type_charset_final_url_and_status(site: LocalSite) -> None:
    page = fetch(site.url("/pages/cafe_award.html"), QUICK)
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.charset == "windows-1252"
    assert page.final_url == page.url == site.url("/pages/cafe_award.html")
    assert page.data.startswith(b"<!DOCTYPE html>")
    assert page.attempts == 1 and page.fetched_at.endswith("Z")


def test_the_user_agent_names_evenhand(site: LocalSite) -> None:
    url = site.url("/pages/bridge_budget.html?ua")
    fetch(url, QUICK)
    headers = next(h for path, h in site.state.requests if path.endswith("?ua"))
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("evenhand/")


def test_redirects_are_followed_and_the_final_url_recorded(site: LocalSite) -> None:
    page = fetch(site.url("/redirect/3"), QUICK)
    assert page.final_url == site.url("/pages/bridge_budget.html")
    record = fetch_record(page)
    assert record["url"] == site.url("/redirect/3")
    assert record["final_url"] == site.url("/pages/bridge_budget.html")
    assert record["status"] == 200


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("/loop", QUICK, r"more than 5 redirects"),
        ("/redirect/3", FetchOptions(max_redirects=2, retries=0), r"more than 2 redirects"),
        ("/slow", FetchOptions(timeout=0.3, retries=0), r"timed out after 0\.3 s"),
        ("/pdf", QUICK, r"not HTML or text \(content type application/pdf\)"),
        ("/image", QUICK, r"not HTML or text \(content type image/png\)"),
        ("/huge-declared", FetchOptions(max_bytes=1_000_000, retries=0), r"104,857,600 bytes is over the limit"),
        ("/huge-streamed", FetchOptions(max_bytes=1_000_000, retries=0), r"more than the limit of 1,000,000 bytes"),
        ("/status/404", QUICK, r"HTTP 404 Not Found$"),
        ("/status/410", QUICK, r"HTTP 410 Gone$"),
        ("/status/500", QUICK, r"HTTP 500 Internal Server Error$"),
    ],
)
def test_every_failure_is_one_line_that_starts_with_the_url(
    site: LocalSite, path: str, options: FetchOptions, message: str
) -> None:
    url = site.url(path)
    with pytest.raises(FetchError, match=message) as caught:
        fetch(url, options, sleep=no_sleep)
    text = str(caught.value)
    assert text.startswith(f"{url}: ")
    assert "\n" not in text and "Traceback" not in text
    assert caught.value.url == url


def test_a_refused_connection_is_named() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story"
    with pytest.raises(FetchError, match=r"connection refused by 127\.0\.0\.1:\d+$"):
        fetch(url, QUICK)


def test_a_host_that_does_not_resolve_is_named_without_asking_any_dns_server(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match=r"^http://news\.invalid/a: cannot find the host news\.invalid"):
        fetch("http://news.invalid/a", QUICK)


# Each fails before any connection or DNS look-up is tried.
@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file", "http://", "http://[::1/"])
def test_a_url_that_is_not_http_is_refused(url: str) -> None:
    with pytest.raises(FetchError, match=r"not a valid"):
        fetch(url, QUICK)


def test_transient_failures_are_tried_again_after_a_pause(site: LocalSite) -> None:
    pauses: list[float] = []
    page = fetch(site.url("/flaky/one"), FetchOptions(retries=2, backoff=0.25), sleep=pauses.append)
    assert page.status == 200 and page.attempts == 2
    assert pauses == [0.0]  # the server's Retry-After: 0


def test_retries_give_up_with_the_count_and_back_off_doubles(site: LocalSite) -> None:
    pauses: list[float] = []
    with pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable \(after 3 attempts\)$") as caught:
        fetch(site.url("/always-503"), FetchOptions(retries=2, backoff=0.25), sleep=pauses.append)
    assert caught.value.status == 503 and caught.value.transient
    assert pauses == [0.0, 0.0]  # Retry-After: 0 wins over our own back-off
    pauses.clear()
    with pytest.raises(FetchError, match=r"timed out after 0\.2 s \(after 3 attempts\)$"):
        fetch(site.url("/slow"), FetchOptions(timeout=0.2, retries=2, backoff=0.25), sleep=pauses.append)
    assert pauses == [0.25, 0.5]


def test_client_errors_are_not_tried_again(site: LocalSite) -> None:
    pauses: list[float] = []
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(site.url("/status/404"), FetchOptions(retries=3), sleep=pauses.append)
    assert pauses == []


def test_fetch_many_limits_requests_per_host_and_names_each_failure_once(site: LocalSite) -> None:
    site.state.max_active = 0
    urls = [site.url(f"/wait/{i}") for i in range(6)] + [site.url("/status/404"), site.url("/pdf")]
    results = list(fetch_many(urls, FetchOptions(concurrency=8, per_host=2, retries=0)))
    assert sorted(url for url, _, _ in results) == sorted(urls)
    failures = {url: str(result) for url, result, _ in results if isinstance(result, FetchError)}
    assert set(failures) == {site.url("/status/404"), site.url("/pdf")}
    assert site.state.max_active <= 2


def test_fetch_many_limits_requests_overall(site: LocalSite) -> None:
    site.state.max_active = 0
    urls = [site.url(f"/wait/overall-{i}") for i in range(3)]
    results = list(fetch_many(urls, FetchOptions(concurrency=1, per_host=4, retries=0)))
    assert len(results) == 3 and site.state.max_active == 1


def test_is_url() -> None:
    assert is_url("https://news.example/a") and is_url("HTTP://x")
    assert not is_url("article.txt") and not is_url("-") and not is_url("http.txt")


def test_nothing_is_fetched_or_imported_for_files(tmp_path: object) -> None:
    """Summarising a file must not load httpx (and so cannot touch the network)."""
    code = (
        "import sys\n"
        "from summarizer.batch import Task, SummaryOptions, summarize_task\n"
        "summarize_task(Task('t', text='One sentence here. Another one there. A third one too.'), SummaryOptions())\n"
        "assert 'httpx' not in sys.modules, 'httpx imported'\n"
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported for plain text'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_stopping_early_does_not_wait_for_requests_in_flight(site: LocalSite) -> None:
    import time

    results = fetch_many([site.url("/wait/early"), site.url("/slow")], FetchOptions(timeout=20, retries=0))
    url, _, _ = next(results)
    assert url.endswith("/wait/early")
    started = time.perf_counter()
    results.close()  # what Ctrl-C or --fail-fast does to the generator
    assert time.perf_counter() - started < 2.0  # /slow would take 3 s


def test_fetch_many_in_order_waits_for_a_slow_first_page(site: LocalSite) -> None:
    """In order, a slow first page comes first, and the pages behind it wait in a bounded window."""
    import threading
    import time

    urls = [site.url("/hold/first")] + [site.url(f"/wait/behind-{i}") for i in range(20)]
    limits = FetchOptions(concurrency=3, per_host=3, retries=0, timeout=20)
    site.state.started_while_held = 0
    site.state.release.clear()
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.extend(url for url, _, _ in fetch_many(urls, limits, ordered=True)))
    reader.start()
    try:
        # ORDERED_WINDOW × concurrency = 12 places: the 11 pages behind the first within them
        # are fetched while it is held, and no more.
        window = ORDERED_WINDOW * limits.concurrency
        deadline = time.monotonic() + 10
        while site.state.started_while_held < window - 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # time enough for one more to start, were the window not kept
        assert site.state.started_while_held == window - 1
        assert got == []  # nothing comes before the first page
    finally:
        site.state.release.set()
        reader.join(20)
    assert got == urls
    # As each finishes (the default), the held page is not first.
    site.state.release.clear()
    threading.Timer(1.0, site.state.release.set).start()
    as_finished = [url for url, _, _ in fetch_many(urls, limits)]
    assert as_finished[0] != urls[0] and sorted(as_finished) == sorted(urls)
