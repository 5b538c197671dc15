"""Readers: text files with headers, HTML pages, feeds and JSON, and the inputs they refuse."""

import datetime as dt
import json

import pytest

from articles.ingest.readers import IngestError, read_bytes, read_source

from .feeds import KAKAO, NAVER, rss


def test_a_text_file_gives_title_headers_and_body(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Kakao and OpenAI team up\nSource: Example News\nPublished: 2025-02-04T09:30:00Z\n"
        "URL: https://news.example.com/kakao\n\nKakao signed a partnership with OpenAI.\n",
        encoding="utf-8",
    )
    [item] = read_source(str(path)).items
    assert item.title == "Kakao and OpenAI team up"
    assert item.source == "Example News"
    assert item.url == "https://news.example.com/kakao"
    assert item.published_at == dt.datetime(2025, 2, 4, 9, 30, tzinfo=dt.UTC)
    assert item.text == "Kakao signed a partnership with OpenAI."


def test_an_html_page_gives_its_main_text_and_metadata():
    page = (
        b'<html><head><title>Site | Story</title><link rel="canonical" href="https://news.example.com/a">'
        b'<meta name="author" content="Jane Doe"><meta property="article:published_time" '
        b'content="2025-02-04T10:00:00Z"></head><body><nav>Menu</nav><article><h1>Kakao and OpenAI</h1>'
        b"<p>Kakao signed a partnership with OpenAI on Tuesday, bringing ChatGPT to millions of users.</p>"
        b"<p>The companies did not disclose the terms of the agreement.</p></article></body></html>"
    )
    [item] = read_bytes(page, origin="page.html").items
    assert item.title == "Kakao and OpenAI"
    assert item.author == "Jane Doe"
    assert item.url == "https://news.example.com/a"
    assert item.published_at.date() == dt.date(2025, 2, 4)
    assert "Menu" not in item.text and "ChatGPT" in item.text


def test_every_feed_entry_becomes_an_article():
    read = read_bytes(rss(KAKAO, NAVER), origin="feed.xml")
    assert [i.title for i in read.items] == [KAKAO[0], NAVER[0]]
    assert read.items[0].url == "https://news.example.com/kakao-openai"
    assert read.items[0].source == "Example News"
    assert read.errors == []


def test_a_malformed_feed_gives_its_good_entries_and_reports_the_rest():
    broken = rss(KAKAO, ("", "no-title", "Text without a title."), tail="<item><title>Cut off")
    read = read_bytes(broken, origin="feed.xml")
    assert [i.title for i in read.items] == [KAKAO[0]]
    reasons = " ".join(reason for _, reason in read.errors)
    assert "not well-formed" in reasons
    assert "no title" in reasons


def test_a_json_file_of_articles_is_read_item_by_item():
    data = json.dumps(
        [
            {"title": "A", "text": "Kakao partnered with OpenAI.", "published_at": "2025-02-04"},
            {"title": "B", "text": 5},
        ]
    ).encode()
    read = read_bytes(data, origin="articles.json")
    assert [i.title for i in read.items] == ["A"]
    assert read.errors == [("articles.json item 2", "title, text, html, url, source and author must be strings")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Titre\nCafé crème".encode("latin-1"), "not UTF-8"),
        (b"Just a title", "no article text"),
        (b"[1, 2", "not valid JSON"),
        (b"Title\nPublished: next Tuesday\n\nBody.", "Cannot read the date"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, data, message):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=message):
        read_source(str(path))


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, settings):
    settings.INGEST_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + "x" * 200)
    with pytest.raises(IngestError, match="100-byte limit"):
        read_source(str(path))


def test_a_missing_file_is_reported():
    with pytest.raises(IngestError, match="no such file"):
        read_source("/nonexistent/story.txt")
