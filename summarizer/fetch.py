"""Fetch web pages over HTTP(S) with httpx: only when the user gives a URL, and politely.

Every request has a timeout, follows at most a few redirects, names evenhand in its user
agent, checks the content type before reading the body and stops reading at the size
limit.  Every failure is a :class:`~summarizer.errors.FetchError` with a one-line message
that starts with the URL: the host cannot be found, the connection is refused, it timed
out, an HTTP error status, too many redirects, not HTML or text, too large.  Transient
failures (timeouts, a broken connection, 408/425/429/500/502/503/504) are tried again
after a growing pause (``Retry-After`` is honoured up to a cap).

:func:`fetch_many` fetches a list with a limit on requests in flight overall and per host,
yielding each result as it arrives.  httpx is imported on first use: nothing here runs, or
loads, unless a URL was given.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Any

from summarizer.errors import FetchError

__all__ = [
    "HTML_TYPES",
    "TEXT_TYPES",
    "USER_AGENT",
    "FetchOptions",
    "Fetched",
    "fetch",
    "fetch_many",
    "fetch_record",
]

USER_AGENT = "evenhand/0.1 (news article summariser; python-httpx)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Text we can read as an article; any other text/* type is read as plain text too.
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 30.0
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How pages are fetched.

    Attributes:
        timeout: seconds to wait to connect, and between bytes read.
        max_redirects: redirects followed before giving up.
        max_bytes: refuse a body larger than this (``None``: no limit).
        retries: further attempts after a transient failure.
        backoff: seconds before the first retry; each later one waits twice as long.
        concurrency: requests in flight at once (:func:`fetch_many`).
        per_host: requests in flight at once to one host (:func:`fetch_many`).
        user_agent: the ``User-Agent`` header.
    """

    timeout: float = 20.0
    max_redirects: int = 5
    max_bytes: int | None = 50 * 1024 * 1024
    retries: int = 2
    backoff: float = 0.5
    concurrency: int = 8
    per_host: int = 2
    user_agent: str = USER_AGENT

    def to_dict(self) -> dict[str, Any]:
        """The options as recorded in a batch manifest."""
        return {
            "timeout": self.timeout, "max_redirects": self.max_redirects, "retries": self.retries,
            "concurrency": self.concurrency, "per_host": self.per_host,
        }


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as fetched.

    Attributes:
        url: the URL asked for.
        final_url: the URL after redirects.
        status: the HTTP status of the final response.
        content_type: the media type, lower case, without parameters (``""`` when not sent).
        charset: the charset the ``Content-Type`` header declares, or ``None``.
        data: the body (content encodings such as gzip undone).
        fetched_at: when the response came, UTC, ISO 8601.
        elapsed_s: seconds the successful attempt took.
        attempts: attempts made (1 when the first one worked).
    """

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    data: bytes
    fetched_at: str
    elapsed_s: float
    attempts: int = 1


def fetch_record(result: Fetched | FetchError, *, elapsed_s: float | None = None) -> dict[str, Any]:
    """What a batch manifest records of one fetch: URL, final URL, status, time (and the error)."""
    if isinstance(result, Fetched):
        return {
            "url": result.url, "final_url": result.final_url, "status": result.status,
            "content_type": result.content_type, "bytes": len(result.data),
            "fetched_at": result.fetched_at, "elapsed_s": round(result.elapsed_s, 3),
            "attempts": result.attempts,
        }
    record: dict[str, Any] = {
        "url": result.url, "final_url": result.final_url, "status": result.status,
        "error": _without_url(str(result), result.url), "fetched_at": _now(),
    }
    if elapsed_s is not None:
        record["elapsed_s"] = round(elapsed_s, 3)
    return record


def _without_url(message: str, url: str) -> str:
    return message[len(url) + 2 :] if message.startswith(f"{url}: ") else message


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _client(options: FetchOptions) -> Any:
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        },
    )


def _content_type(header: str | None) -> tuple[str, str | None]:
    """``("text/html", "iso-8859-1")`` from ``text/html; charset="ISO-8859-1"``."""
    if not header:
        return "", None
    media, _, rest = header.partition(";")
    charset = None
    for parameter in rest.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower(), charset


def _readable(media: str) -> bool:
    return not media or media in HTML_TYPES or media in TEXT_TYPES or media.startswith("text/")


def _retry_after(headers: Any) -> float | None:
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, min(float(value), _MAX_RETRY_AFTER))
    except ValueError:
        return None  # an HTTP date: use our own back-off


class _Transient(FetchError):
    """A failure worth another try; ``wait`` is the server's ``Retry-After``, if any."""

    def __init__(self, message: str, *, url: str, status: int | None = None, final_url: str | None = None,
                 wait: float | None = None) -> None:
        super().__init__(message, url=url, status=status, transient=True, final_url=final_url)
        self.wait = wait


def _connect_reason(error: Exception, host: str) -> str:
    text = str(error)
    lowered = text.lower()
    if any(s in lowered for s in ("name or service not known", "nodename nor servname", "getaddrinfo",
                                  "name resolution", "no address associated", "errno -2", "errno -3",
                                  "errno -5", "errno 8", "errno 11001")):
        return f"cannot find the host {host} (DNS lookup failed)"
    if "refused" in lowered or "errno 111" in lowered or "errno 61" in lowered:
        return f"connection refused by {host}"
    return f"cannot connect to {host} ({' '.join(text.split()) or type(error).__name__})"


def _attempt(client: Any, url: str, options: FetchOptions) -> Fetched:
    """One GET: the page, or a :class:`FetchError` (a :class:`_Transient` one when worth retrying)."""
    import httpx

    started = time.perf_counter()
    try:
        parsed = httpx.URL(url)
        host = parsed.host + (f":{parsed.port}" if parsed.port else "")
    except (httpx.InvalidURL, TypeError):
        raise FetchError(f"{url}: not a valid URL", url=url) from None
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise FetchError(f"{url}: not a valid http or https URL", url=url)
    final_url: str | None = None
    try:
        with client.stream("GET", url) as response:
            final_url = str(response.url)
            status = response.status_code
            if status >= 400:
                phrase = response.reason_phrase or ""
                message = f"{url}: HTTP {status} {phrase}".rstrip()
                if status in _TRANSIENT_STATUS:
                    raise _Transient(message, url=url, status=status, final_url=final_url,
                                     wait=_retry_after(response.headers))
                raise FetchError(message, url=url, status=status, final_url=final_url)
            media, charset = _content_type(response.headers.get("content-type"))
            if not _readable(media):
                raise FetchError(f"{url}: not HTML or text (content type {media})", url=url, status=status,
                                 final_url=final_url)
            limit = options.max_bytes
            declared = response.headers.get("content-length")
            if limit is not None and declared is not None and declared.isdigit() and int(declared) > limit:
                raise FetchError(
                    f"{url}: {int(declared):,} bytes is over the limit of {limit:,} bytes",
                    url=url, status=status, final_url=final_url,
                )
            body = bytearray()
            for chunk in response.iter_bytes(_CHUNK):
                body += chunk
                if limit is not None and len(body) > limit:
                    raise FetchError(f"{url}: more than the limit of {limit:,} bytes", url=url, status=status,
                                     final_url=final_url)
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {options.max_redirects} redirects", url=url) from None
    except httpx.TimeoutException:
        raise _Transient(f"{url}: timed out after {options.timeout:g} s", url=url, final_url=final_url) from None
    except httpx.ConnectError as error:
        raise FetchError(f"{url}: {_connect_reason(error, host)}", url=url) from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as error:
        detail = " ".join(str(error).split()) or type(error).__name__
        raise _Transient(f"{url}: the connection broke ({detail})", url=url, final_url=final_url) from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL):
        raise FetchError(f"{url}: not a valid http or https URL", url=url) from None
    except httpx.HTTPError as error:
        detail = " ".join(str(error).split()) or type(error).__name__
        raise FetchError(f"{url}: cannot fetch ({detail})", url=url, final_url=final_url) from None
    return Fetched(
        url=url, final_url=final_url, status=status, content_type=media, charset=charset, data=bytes(body),
        fetched_at=_now(), elapsed_s=time.perf_counter() - started,
    )


def fetch(
    url: str,
    options: FetchOptions | None = None,
    *,
    client: Any = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Fetched:
    """Fetch one page, trying transient failures again after a growing pause.

    Args:
        url: an ``http://`` or ``https://`` URL.
        options: timeouts, limits, retries (default :class:`FetchOptions`).
        client: an ``httpx.Client`` to use (default: one made for this call).
        sleep: how to wait between attempts (tests pass a fake).

    Raises:
        FetchError: the page could not be fetched; the message is one line and starts with the URL.
    """
    options = options or FetchOptions()
    own = client is None
    if own:
        client = _client(options)
    try:
        attempt = 0
        while True:
            attempt += 1
            try:
                fetched = _attempt(client, url, options)
            except _Transient as error:
                if attempt > options.retries:
                    tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                    raise FetchError(f"{error}{tries}", url=url, status=error.status, transient=True,
                                     final_url=error.final_url) from None
                pause = error.wait if error.wait is not None else options.backoff * 2 ** (attempt - 1)
                sleep(pause)
                continue
            if attempt > 1:
                fetched = replace(fetched, attempts=attempt)
            return fetched
    finally:
        if own:
            client.close()


#: In order (``fetch_many(ordered=True)``), fetches start at most this many times the
#: concurrency places ahead of the next page to yield.
ORDERED_WINDOW = 4


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1].lower()


def fetch_many(
    urls: Iterable[str],
    options: FetchOptions | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
    ordered: bool = False,
) -> Iterator[tuple[str, Fetched | FetchError, float]]:
    """Fetch every URL, at most ``options.concurrency`` at once and ``options.per_host`` per host.

    Args:
        urls: the URLs, in the order they were given.
        options: the limits, timeouts and retries.
        sleep: how to wait between retries (tests pass a recorder).
        ordered: yield in the order of ``urls``, not as each finishes. A page waits for the
            ones before it, and no fetch starts more than :data:`ORDERED_WINDOW` times
            ``options.concurrency`` places ahead of the next one to yield, so a slow first page
            holds a bounded number of finished ones.

    Yields:
        ``(url, page or error, seconds)`` for each URL, as each finishes (or in order).
        A URL that fails is yielded once, with its error, and the rest go on.
    """
    options = options or FetchOptions()
    waiting: deque[tuple[int, str]] = deque(enumerate(urls))
    if not waiting:
        return
    concurrency = max(1, options.concurrency)
    window = ORDERED_WINDOW * concurrency if ordered else len(waiting)
    busy: dict[str, int] = {}
    client = _client(options)
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="evenhand-fetch")
    running: dict[Future[Fetched], tuple[int, str, str, float]] = {}
    finished_early: dict[int, tuple[str, Fetched | FetchError, float]] = {}
    next_out = 0  # in order: the place of the next URL to yield
    try:
        while waiting or running:
            # Start what the limits allow, keeping the order of the list where they do.
            skipped: deque[tuple[int, str]] = deque()
            while waiting and len(running) < concurrency and waiting[0][0] < next_out + window:
                place, url = waiting.popleft()
                host = _host(url)
                if busy.get(host, 0) >= options.per_host:
                    skipped.append((place, url))
                    continue
                busy[host] = busy.get(host, 0) + 1
                future = pool.submit(fetch, url, options, client=client, sleep=sleep)
                running[future] = (place, url, host, time.perf_counter())
            waiting.extendleft(reversed(skipped))
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                place, url, host, started = running.pop(future)
                busy[host] -= 1
                took = time.perf_counter() - started
                try:
                    result: Fetched | FetchError = future.result()
                except FetchError as error:
                    result = error
                if not ordered:
                    yield url, result, took
                    continue
                finished_early[place] = (url, result, took)
                while next_out in finished_early:
                    yield finished_early.pop(next_out)
                    next_out += 1
    finally:
        # Stopped early (Ctrl-C, --fail-fast): do not wait out requests in flight; closing the
        # client closes their connections, so their threads end at once.
        for future in running:
            future.cancel()
        pool.shutdown(wait=not running, cancel_futures=True)
        client.close()
