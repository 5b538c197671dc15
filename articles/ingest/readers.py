"""Readers: turn a file, a URL or raw bytes into article inputs. Plain text, HTML pages (trafilatura),
RSS/Atom feeds (feedparser) and JSON lists of articles all end up as `ArticleInput`s for one pipeline."""

import datetime as dt
import email.utils
import ipaddress
import json
import re
import socket
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import requests
import trafilatura
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from lxml import html as lxml_html


class IngestError(Exception):
    """Input the pipeline cannot take; the message says why, in words a user can act on."""


def max_bytes() -> int:
    return settings.INGEST_MAX_BYTES


@dataclass
class ArticleInput:
    title: str
    text: str = ""
    html: str = ""
    url: str = ""
    source: str = ""
    author: str = ""
    published_at: dt.datetime | None = None
    origin: str = ""  # the file, URL or feed entry it came from, for reports

    def as_task_arguments(self) -> dict:
        """JSON-friendly keyword arguments for the ingest task."""
        values = asdict(self)
        values["published_at"] = self.published_at.isoformat() if self.published_at else None
        return values


@dataclass
class ReadResult:
    items: list[ArticleInput] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    title: str = ""  # a feed's own title


# --- Bytes to text -------------------------------------------------------------------------------------


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text from bytes, refusing empty, oversized and binary input."""
    if len(data) > max_bytes():
        raise IngestError(f"{origin}: larger than the {max_bytes():,}-byte limit ({len(data):,} bytes).")
    if not data.strip():
        raise IngestError(f"{origin}: empty.")
    if b"\x00" in data[:8192]:
        raise IngestError(f"{origin}: looks like a binary file, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(f"{origin}: not UTF-8 text (invalid byte at position {error.start}).") from None


def parse_published(value) -> dt.datetime | None:
    """A timezone-aware datetime from ISO 8601, a plain date or an RFC 2822 date; None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)
    text = str(value).strip()
    try:
        parsed = parse_datetime(text)
        if parsed is None and (day := parse_date(text)):
            parsed = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            raise IngestError(
                f"Cannot read the date “{text[:40]}”; use e.g. 2025-02-04 or 2025-02-04T09:30Z."
            ) from None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.UTC)


# --- Formats -------------------------------------------------------------------------------------------

_HEADER = re.compile(r"^(Source|Published|Date|URL|Author):\s*(.*?)\s*$", re.IGNORECASE)


def read_plain(text: str, origin: str = "") -> ArticleInput:
    """First line the title, then optional `Key: value` headers (Source, Published, URL, Author),
    then the body."""
    lines = text.strip().splitlines()
    title, rest = lines[0].strip(), lines[1:]
    headers = {}
    while rest and (m := _HEADER.match(rest[0].strip())):
        headers[m.group(1).lower()] = m.group(2)
        rest = rest[1:]
    body = "\n".join(rest).strip()
    if not body:
        raise IngestError(f"{origin or 'text'}: only a title, no article text after it.")
    return ArticleInput(
        title=title,
        text=body,
        url=headers.get("url", ""),
        source=headers.get("source", ""),
        author=headers.get("author", ""),
        published_at=parse_published(headers.get("published") or headers.get("date")),
        origin=origin,
    )


def extract_html(html: str, url: str = "", origin: str = "") -> ArticleInput:
    """Main text, title, date, author and canonical URL of an HTML page."""
    document = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, include_comments=False)
    text = (document.text or "").strip() if document else ""
    if not text:
        raise IngestError(f"{origin or url or 'HTML'}: no article text found in the page.")
    title = (document.title or "").strip() or text.splitlines()[0][:300]
    # trafilatura repeats the headline as the first line of the text; the title field has it already.
    lines = text.splitlines()
    if len(lines) > 1 and lines[0].strip() == title:
        text = "\n".join(lines[1:]).strip()
    canonical = document.url or url
    return ArticleInput(
        title=title,
        text=text,
        url=canonical if str(canonical).startswith(("http://", "https://")) else url,
        source=document.sitename or "",
        author=document.author or "",
        published_at=parse_published(document.date),
        origin=origin or url,
    )


def html_to_text(fragment: str) -> str:
    """Readable text of a small HTML fragment (a feed entry's content), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def read_feed(data: bytes, origin: str, *, source: str = "") -> ReadResult:
    """Every entry of an RSS or Atom feed; entries without a title or text are reported, not taken."""
    parsed = feedparser.parse(data)
    result = ReadResult(title=parsed.feed.get("title", ""))
    if parsed.bozo and not parsed.entries:
        raise IngestError(f"{origin}: not a readable feed ({parsed.get('bozo_exception', 'malformed XML')}).")
    if parsed.bozo:
        result.errors.append((origin, f"feed is not well-formed ({parsed.bozo_exception}); readable entries taken"))
    source = source or result.title
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin} entry {number}"
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        title = " ".join(entry.get("title", "").split())
        try:
            text = html_to_text(content)
            if not title or not text:
                raise IngestError(f"{where}: no {'title' if not title else 'text'}.")
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            result.items.append(
                ArticleInput(
                    title=title,
                    text=text,
                    url=entry.get("link", ""),
                    source=source,
                    author=entry.get("author", ""),
                    published_at=dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None,
                    origin=where,
                )
            )
        except (IngestError, ValueError) as error:
            result.errors.append((where, str(error).removeprefix(f"{where}: ")))
    return result


def read_json(text: str, origin: str) -> ReadResult:
    """A JSON list of articles (or {"articles": [...]}) with title, text or html, url, source,
    author, published_at."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise IngestError(f"{origin}: not valid JSON ({error.msg} at line {error.lineno}).") from None
    rows = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise IngestError(f'{origin}: expected a list of articles or {{"articles": [...]}}.')
    result = ReadResult()
    for number, row in enumerate(rows, start=1):
        where = f"{origin} item {number}"
        try:
            if not isinstance(row, dict):
                raise IngestError("not an object")
            fields = {k: row.get(k) or "" for k in ("title", "text", "html", "url", "source", "author")}
            if not all(isinstance(v, str) for v in fields.values()):
                raise IngestError("title, text, html, url, source and author must be strings")
            result.items.append(
                ArticleInput(**fields, published_at=parse_published(row.get("published_at")), origin=where)
            )
        except IngestError as error:
            result.errors.append((where, str(error)))
    return result


def _kind(data: bytes, name: str, content_type: str) -> str:
    head = data[:2048].lstrip().lower()
    suffix = Path(name).suffix.lower()
    if suffix == ".json" or "json" in content_type or head.startswith((b"[", b"{")):
        return "json"
    if (
        suffix in (".rss", ".atom", ".xml")
        or any(t in content_type for t in ("rss", "atom", "xml"))
        or b"<rss" in head
        or b"<feed" in head
    ):
        return "feed"
    if suffix in (".html", ".htm") or "html" in content_type or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def read_bytes(data: bytes, *, origin: str, content_type: str = "", url: str = "", source: str = "") -> ReadResult:
    """Articles in `data`, whatever the format (told by name, content type, then content)."""
    text = decode(data, origin)
    kind = _kind(data, origin, content_type.lower())
    if kind == "feed":
        return read_feed(data, origin, source=source)
    if kind == "json":
        return read_json(text, origin)
    item = extract_html(text, url=url, origin=origin) if kind == "html" else read_plain(text, origin)
    item.url = item.url or url
    item.source = item.source or source
    return ReadResult(items=[item])


# --- Files and URLs ------------------------------------------------------------------------------------


@dataclass
class Fetched:
    status: int
    data: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    url: str = ""


# Redirects followed by hand, so that every hop's host is checked before it is requested.
MAX_REDIRECTS = 5


def refused_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Addresses a URL given by a user or a feed must not reach: this machine, the private network,
    link-local (cloud metadata services), multicast, reserved, unspecified and any other address that
    is not globally routable (carrier-grade NAT, documentation ranges)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def check_url(url: str) -> None:
    """IngestError unless `url` is http(s) and, unless INGEST_ALLOW_PRIVATE_HOSTS, every address its
    host resolves to is public (one bad address is enough: the connection may use any of them)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(f"{url}: only http and https addresses can be fetched.")
    if settings.INGEST_ALLOW_PRIVATE_HOSTS:
        return
    try:
        resolved = socket.getaddrinfo(parts.hostname, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        raise IngestError(f"{url}: the host {parts.hostname} cannot be found.") from None
    for *_, sockaddr in resolved:
        # The scope of an IPv6 link-local address ("fe80::1%eth0") is not part of the address.
        if refused_address(ipaddress.ip_address(sockaddr[0].split("%")[0])):
            raise IngestError(
                f"{url}: {parts.hostname} is a local or private address ({sockaddr[0]}); only public hosts are fetched."
            )


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET a public http(s) URL (see check_url; each redirect is checked too) with a timeout, a size cap
    while streaming and, for feeds, a conditional request."""
    headers = {"User-Agent": settings.INGEST_USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = settings.INGEST_FETCH_TIMEOUT
    target = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(target)
            with requests.get(target, headers=headers, timeout=timeout, stream=True, allow_redirects=False) as response:
                if response.is_redirect:
                    target = urljoin(target, response.headers["Location"])
                    continue
                return _read_response(url, response, etag, last_modified)
        raise IngestError(f"{url}: more than {MAX_REDIRECTS} redirects.")
    except requests.Timeout:
        raise IngestError(f"{url}: no answer within {timeout} s (timed out).") from None
    except requests.RequestException as error:
        raise IngestError(f"{url}: could not be fetched ({type(error).__name__}).") from None


def _read_response(url: str, response: requests.Response, etag: str, last_modified: str) -> Fetched:
    if response.status_code == 304:
        return Fetched(status=304, url=url, etag=etag, last_modified=last_modified)
    if response.status_code >= 400:
        raise IngestError(f"{url}: the server answered {response.status_code} {response.reason}.")
    chunks, size = [], 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > max_bytes():
            raise IngestError(f"{url}: larger than the {max_bytes():,}-byte limit.")
        chunks.append(chunk)
    return Fetched(
        status=response.status_code,
        data=b"".join(chunks),
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag", ""),
        last_modified=response.headers.get("Last-Modified", ""),
        url=response.url,
    )


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_source(path_or_url: str) -> ReadResult:
    """Articles from a local file or a URL."""
    if is_url(path_or_url):
        fetched = fetch(path_or_url)
        return read_bytes(fetched.data, origin=path_or_url, content_type=fetched.content_type, url=fetched.url)
    path = Path(path_or_url)
    if not path.is_file():
        raise IngestError(f"{path_or_url}: no such file.")
    if path.stat().st_size > max_bytes():
        raise IngestError(f"{path_or_url}: larger than the {max_bytes():,}-byte limit ({path.stat().st_size:,} bytes).")
    return read_bytes(path.read_bytes(), origin=path_or_url)
