"""URLs and feed subscriptions, fetched from a local HTTP server (no network), and the refusal of
local and private addresses outside tests and development."""

import ipaddress
import time
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from werkzeug import Response

from articles.ingest import readers
from articles.ingest.readers import IngestError, fetch, refused_address
from articles.models import Article, Feed, Partnership

from .feeds import KAKAO, NAVER, rss

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>Naver and Oracle</title></head><body><article><h1>Naver weighs Oracle tie-up</h1>"
    "<p>Naver is considering a cloud partnership with Oracle, people familiar with the matter said on Monday.</p>"
    "<p>Neither company commented on the report.</p></article></body></html>"
)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def allow_the_local_server(settings):
    """The test server listens on 127.0.0.1, which production refuses; the refusal tests turn it back."""
    settings.INGEST_ALLOW_PRIVATE_HOSTS = True


@pytest.fixture
def refuse_private_hosts(settings):
    settings.INGEST_ALLOW_PRIVATE_HOSTS = False


@pytest.fixture
def test_server_is_public(monkeypatch):
    """127.0.0.1 passes the address check as if it were a public host (the test server is the only web
    server the tests have), every other address as in production."""
    server = ipaddress.ip_address("127.0.0.1")
    check = readers.refused_address
    monkeypatch.setattr(readers, "refused_address", lambda address: address != server and check(address))


def test_fetch_sends_a_user_agent_and_returns_the_body(httpserver):
    httpserver.expect_request(
        "/page", headers={"User-Agent": "AllianceTracker/0.1 (news ingestion)"}
    ).respond_with_data(PAGE, content_type="text/html")
    fetched = fetch(httpserver.url_for("/page"))
    assert fetched.status == 200 and b"Oracle" in fetched.data


def test_ingesting_a_page_url_stores_the_article_under_that_url(seeded, httpserver):
    httpserver.expect_request("/naver-oracle").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/naver-oracle")
    output = run("ingest", url)
    assert "Created: 1" in output and "Partnerships proposed: 1" in output
    article = Article.objects.get(url=url)
    assert article.title == "Naver weighs Oracle tie-up"
    assert Partnership.objects.proposed().get().proposal.inferred_status == "under_consideration"


def test_an_unreachable_url_times_out_with_a_message(httpserver, settings):
    settings.INGEST_FETCH_TIMEOUT = 1

    def slow(request):
        time.sleep(1.5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(IngestError, match="timed out"):
        fetch(httpserver.url_for("/slow"))


def test_an_error_status_is_reported(httpserver):
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    output = run("ingest", httpserver.url_for("/gone"))
    assert "Failed: 1" in output and "404" in output


def test_a_response_over_the_size_limit_is_refused_while_streaming(httpserver, settings):
    settings.INGEST_MAX_BYTES = 1000
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/plain")
    with pytest.raises(IngestError, match="1,000-byte limit"):
        fetch(httpserver.url_for("/big"))


def test_polling_a_feed_ingests_its_entries_and_a_second_poll_creates_nothing(seeded, httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data(rss(KAKAO, NAVER), content_type="application/rss+xml")
    Feed.objects.create(url=httpserver.url_for("/feed.xml"))
    first = run("poll_feeds")
    assert "Created: 2" in first
    assert "Partnerships proposed: 1 (evidence added to 1 existing)" in first
    second = run("poll_feeds", "--all")
    assert "Created: 0" in second and "Skipped as duplicates: 2" in second
    assert Article.objects.count() == 3


def test_a_feed_that_answers_304_is_not_read_again(seeded, httpserver):
    body = rss(KAKAO)
    httpserver.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/feed.xml").respond_with_data(
        body,
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 04 Feb 2025 09:00:00 GMT"},
    )
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))
    run("poll_feeds")
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified, feed.title) == ('"v1"', "Tue, 04 Feb 2025 09:00:00 GMT", "Example News")
    output = run("poll_feeds", "--all")
    assert "Feeds polled: 1 (1 unchanged)" in output
    feed.refresh_from_db()
    assert feed.last_checked_at is not None and feed.error_count == 0


def test_a_failing_feed_counts_its_errors_and_is_polled_again_when_due(db, httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data("down", status=503)
    feed = Feed.objects.create(url=httpserver.url_for("/feed.xml"))
    run("poll_feeds")
    feed.refresh_from_db()
    assert feed.error_count == 1 and "503" in feed.last_error
    assert not Feed.objects.due().exists()  # checked just now; due again after its interval


def test_a_command_over_several_inputs_summarises_each_outcome(seeded, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kakao deal\n\nKakao signed a partnership with OpenAI on Friday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    output = run("ingest", str(good), str(good), str(empty))
    assert "Created: 1" in output
    assert "Skipped as duplicates: 1" in output
    assert "Failed: 1" in output and "empty" in output
    assert "Mentions linked: 2" in output


def test_the_admin_adds_an_article_from_a_url(client, seeded, superuser, httpserver):
    httpserver.expect_request("/naver-oracle").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/naver-oracle")
    client.force_login(superuser)
    response = client.post(reverse("admin:articles_article_ingest"), {"url": url})
    article = Article.objects.get(url=url)
    assert response.status_code == 302 and response.url == reverse("admin:articles_article_change", args=[article.pk])


def test_the_admin_reports_an_unreachable_url_on_the_form(client, db, superuser, httpserver):
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    client.force_login(superuser)
    response = client.post(reverse("admin:articles_article_ingest"), {"url": httpserver.url_for("/gone")})
    assert response.status_code == 200
    assert "404" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.5",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::",
    ],
)
def test_local_private_and_special_addresses_are_refused(address):
    assert refused_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert not refused_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://example.com/"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(IngestError, match="only http and https"):
        fetch(url)


def test_a_local_address_is_refused_and_nothing_is_requested(db, httpserver, refuse_private_hosts):
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    url = httpserver.url_for("/page")
    with pytest.raises(IngestError, match=r"is a local or private address \(127\.0\.0\.1\); only public hosts"):
        fetch(url)
    with pytest.raises(IngestError, match="local or private address"):
        fetch(url.replace("127.0.0.1", "localhost"))
    output = run("ingest", url)
    assert "Failed: 1" in output and "local or private address" in output
    assert not httpserver.log and not Article.objects.exists()


def test_the_admin_refuses_a_local_url_on_the_form(client, db, superuser, httpserver, refuse_private_hosts):
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    client.force_login(superuser)
    response = client.post(reverse("admin:articles_article_ingest"), {"url": httpserver.url_for("/page")})
    assert response.status_code == 200
    assert "local or private address" in response.content.decode()
    assert not httpserver.log and not Article.objects.exists()


def test_a_redirect_to_a_private_address_is_refused(db, httpserver, refuse_private_hosts, test_server_is_public):
    httpserver.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    assert b"Oracle" in fetch(httpserver.url_for("/page")).data  # the test server itself passes
    with pytest.raises(IngestError, match=r"local or private address \(169\.254\.169\.254\)"):
        fetch(httpserver.url_for("/moved"))
    assert "Failed: 1" in run("ingest", httpserver.url_for("/moved"))
    assert not Article.objects.exists()


def test_redirects_are_followed_to_the_page(db, httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    fetched = fetch(httpserver.url_for("/old"))
    assert fetched.status == 200 and fetched.url == httpserver.url_for("/new")


def test_a_redirect_loop_stops_with_a_message(db, httpserver):
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(IngestError, match=f"more than {readers.MAX_REDIRECTS} redirects"):
        fetch(httpserver.url_for("/loop"))
