"""Each page renders with the seed data and shows what a reader needs on it."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from articles.models import Evidence, Partnership

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_shows_latest_articles_partnerships_companies_counts_and_a_search_box(client, seeded):
    html = page(client, "/")
    assert "OpenAI forms alliances with Kakao and SoftBank" in html
    assert "OpenAI and Kakao strategic partnership" in html
    assert 'href="/companies/openai/"' in html  # the most-connected company
    assert re.search(r"<dt>Partnerships</dt><dd><a [^>]*>7</a>", html)
    assert 'role="search"' in html and 'name="q"' in html


def test_article_page_links_mentions_and_highlights_each_evidence_quote(client, seeded):
    html = page(client, "/articles/openai-alliances-kakao-softbank-asia/")
    assert '<a class="mention" href="/companies/kakao/">Kakao</a>' in html
    for evidence in Evidence.objects.filter(partnership__slug="openai-kakao"):
        assert f'id="evidence-{evidence.pk}"' in html
    assert re.search(
        r'<mark id="evidence-\d+" class="evidence">On Tuesday, <a class="mention" [^>]+>OpenAI</a> CEO', html
    )
    assert "Sam Altman" in html and 'href="/people/sam-altman/"' in html
    assert 'href="/partnerships/openai-kakao/"' in html


def test_article_page_never_nests_marks_for_a_quote_shared_by_two_partnerships(client, seeded):
    html = page(client, "/articles/openai-alliances-kakao-softbank-asia/")
    shared = Evidence.objects.filter(quote__startswith="In a significant expansion").order_by("pk")
    assert shared.count() == 2
    first, second = shared
    assert (
        f'<mark id="evidence-{first.pk}" class="evidence"><span id="evidence-{second.pk}" class="anchor"></span>'
        in html
    )
    assert "<mark" not in html.split("<mark", 2)[1].split("</mark>")[0]  # no mark inside a mark


def test_company_page_lists_openai_as_an_announced_partner_of_kakao_with_its_evidence(client, seeded):
    html = page(client, "/companies/kakao/")
    partners = html.split('id="partners-title"')[1].split("</section>")[0]
    assert 'href="/companies/openai/"' in partners
    assert "Announced" in partners
    assert 'href="/partnerships/openai-kakao/"' in partners
    assert 'href="/companies/kakao/feed/"' in html
    assert "<svg" in html and 'class="node node-current"' in html  # its neighbourhood
    detail = page(client, "/partnerships/openai-kakao/")
    evidence = Evidence.objects.filter(partnership__slug="openai-kakao").first()
    assert f'href="/articles/openai-alliances-kakao-softbank-asia/#evidence-{evidence.pk}"' in detail


def test_company_page_shows_group_structure_people_and_timeline(client, seeded):
    html = page(client, "/companies/sk-group/")
    assert 'href="/companies/sk-hynix/"' in html  # subsidiary
    assert "Chey Tae-won" in html
    assert 'class="timeline"' in html
    assert "Part of" in page(client, "/companies/sk-hynix/")


def test_partnership_page_shows_participants_status_dates_project_and_evidence_oldest_first(client, seeded):
    html = page(client, "/partnerships/stargate-openai-oracle/")
    assert 'href="/companies/oracle/"' in html and 'href="/companies/openai/"' in html
    assert "Stargate" in html and "Announced" in html
    assert re.search(r"First reported on <time[^>]*>4 February 2025</time> in “<a href=\"/articles/openai-", html)
    assert "2 quotes from 1 article by 1 independent source" in html
    quotes = [m.start() for m in re.finditer(r"<blockquote", html)]
    assert len(quotes) == 2


def test_proposed_and_rejected_partnerships_are_not_public(client, seeded):
    Partnership.objects.filter(slug="openai-kakao").update(status=Partnership.Status.PROPOSED)
    Partnership.objects.filter(slug="openai-softbank").update(status=Partnership.Status.REJECTED)
    assert client.get("/partnerships/openai-kakao/").status_code == 404
    assert client.get("/partnerships/openai-softbank/").status_code == 404
    for url in (
        "/",
        "/partnerships/",
        "/companies/kakao/",
        "/network/",
        "/search/?q=Kakao",
        "/articles/openai-alliances-kakao-softbank-asia/",
    ):
        html = page(client, url)
        assert "/partnerships/openai-kakao/" not in html, url
        assert "/partnerships/openai-softbank/" not in html, url


def test_network_page_draws_every_company_node_as_a_link_with_a_legend(client, seeded):
    html = page(client, "/network/")
    assert html.count('<a class="node') == 10  # 11 seed companies; Naver has no partnership
    assert re.search(r'<svg class="network network-small" viewBox="-?\d+ 0 \d+ \d+"', html)
    assert "edge-in-talks" in html and "Reported / in talks" in html  # style and its legend
    assert 'href="/companies/openai/"' in html


def test_search_finds_articles_companies_by_alias_and_partnerships(client, seeded):
    html = page(client, "/search/?q=Kakao")
    assert 'href="/companies/kakao/"' in html
    assert 'href="/partnerships/openai-kakao/"' in html
    assert 'href="/articles/openai-alliances-kakao-softbank-asia/"' in html
    assert 'href="/feeds/articles/?q=Kakao"' in html
    assert 'href="/api/v1/articles/?q=Kakao&amp;format=csv"' in html
    alias = page(client, "/search/?q=SoftBank+Group+Corp")
    assert 'href="/companies/softbank-group/"' in alias


def test_lists_filter_and_offer_csv_json_exports_and_feeds(client, seeded):
    html = page(client, "/articles/?company=kakao")
    assert "1 article" in html
    assert 'href="/api/v1/articles/?company=kakao&amp;format=csv"' in html
    assert 'href="/api/v1/articles/?company=kakao&amp;format=json"' in html
    assert 'href="/feeds/articles/?company=kakao"' in html
    html = page(client, "/partnerships/?status=in_talks")
    assert "3 partnerships" in html
    assert 'href="/api/v1/partnerships/?status=in_talks&amp;format=csv"' in html
    assert 'href="/feeds/partnerships/?status=in_talks"' in html
    html = page(client, "/companies/?country=KR&kind=conglomerate")
    assert "2 companies" in html and "SK Group" in html and "Samsung" in html
    assert 'href="/api/v1/companies/?country=KR&amp;kind=conglomerate&amp;format=csv"' in html


def test_no_export_link_is_offered_when_the_api_cannot_apply_the_same_filters(client, seeded):
    html = page(client, "/partnerships/?q=memory")
    assert "/api/v1/partnerships/" not in html
    assert "Download is not available" in html
    assert 'href="/feeds/partnerships/?q=memory"' in html


def test_company_filter_accepts_a_name_or_alias(client, seeded):
    html = page(client, "/partnerships/?company=SoftBank")
    assert "OpenAI and SoftBank Group alliance" in html and "1 partnership" in html
    assert 'Partnerships of <a href="/companies/softbank-group/">SoftBank Group</a>' in html


def test_project_link_lists_the_partnerships_serving_it(client, seeded):
    html = page(client, "/partnerships/?project=stargate")
    assert "1 partnership" in html and "Stargate data centre project" in html


def test_article_date_range_filters(client, seeded):
    assert "1 article" in page(client, "/articles/?published_after=2025-02-01&published_before=2025-02-28")
    assert "0 articles" in page(client, "/articles/?published_after=2025-03-01")


def test_article_date_range_includes_its_end_days_whole(client, seeded):
    # The seed article was published at noon UTC on 4 February 2025.
    assert "1 article" in page(client, "/articles/?published_after=2025-02-04&published_before=2025-02-04")
    assert "0 articles" in page(client, "/articles/?published_before=2025-02-03")
    assert "0 articles" in page(client, "/articles/?published_after=2025-02-05")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/articles/?published_after=yesterday", "Enter a valid date"),
        ("/articles/?company=no-such-company", "No company called"),
        ("/articles/?published_after=2025-03-01&published_before=2025-01-01", "end date is before"),
        ("/partnerships/?status=rejected", "Select a valid choice"),
        ("/partnerships/?kind=merger", "Select a valid choice"),
        ("/companies/?country=XX", "Select a valid choice"),
        ("/articles/?page=abc", "is not a page number"),
        ("/partnerships/?page=99999", "There is no page 99999"),
        ("/companies/?page=-1", "There is no page -1"),
    ],
)
def test_bad_filter_values_show_a_message_not_an_error(client, seeded, url, message):
    html = page(client, url)
    assert message in html
    assert 'role="status"' in html


def test_bad_filter_still_applies_the_good_ones(client, seeded):
    html = page(client, "/partnerships/?status=in_talks&company=nobody")
    assert "3 partnerships" in html and "No company called" in html


@pytest.mark.parametrize(
    "url",
    [
        "/articles/no-such-article/",
        "/companies/no-such-company/",
        "/partnerships/no-such-partnership/",
        "/people/nobody/",
        "/companies/no-such-company/feed/",
        "/feeds/articles/?published_after=nonsense",
    ],
)
def test_unknown_objects_get_the_friendly_404_page(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 404
    if "feed" not in url:
        assert "We could not find that page" in response.content.decode()


def test_404_and_500_pages_use_the_site_layout(client, rf):
    from django.views.defaults import server_error

    html = client.get("/no/such/page/").content.decode()
    assert "We could not find that page" in html and 'class="skip-link"' in html
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode() and 'aria-label="Main"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/search/?q=", "/search/?q=%00", "/search/?q=" + "x" * 500, "/articles/?q=%27%22%3C", "/search/?q=a+%26+b+%7C+!c"],
)
def test_odd_search_strings_do_not_fail(client, seeded, url):
    assert client.get(url).status_code == 200


def test_every_page_has_landmarks_a_skip_link_and_one_h1(client, seeded):
    for url in (
        "/",
        "/articles/",
        "/articles/openai-alliances-kakao-softbank-asia/",
        "/companies/",
        "/companies/kakao/",
        "/partnerships/",
        "/partnerships/openai-kakao/",
        "/network/",
        "/search/?q=Kakao",
        reverse("person-detail", args=["sam-altman"]),
    ):
        html = page(client, url)
        assert html.count("<h1") == 1, url
        assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
        assert '<nav class="site-nav" aria-label="Main">' in html
        assert "<footer" in html
        # Every form control has a label.
        for control_id in re.findall(r'<(?:input(?![^>]*type="hidden")|select)[^>]*\bid="([^"]+)"', html):
            assert f'for="{control_id}"' in html, (url, control_id)


@pytest.mark.parametrize(
    "url",
    ["/articles/?company=kakao", "/partnerships/?status=in_talks&company=openai", "/companies/?country=KR"],
)
def test_every_export_link_on_a_list_page_downloads_its_rows(client, seeded, url):
    html = page(client, url)
    exports = re.findall(r'href="(/api/v1/[^"]+format=(?:csv|json))"', html)
    assert len(exports) == 2
    for export in exports:
        response = client.get(export.replace("&amp;", "&"))
        assert response.status_code == 200, export
        assert response["Content-Type"].split(";")[0] in ("text/csv", "application/json")


@pytest.mark.parametrize("value", ["[", "a", '"'])
def test_a_company_filter_that_is_no_company_is_reported_not_guessed(client, seeded, value):
    html = page(client, f"/articles/?{urlencode({'company': value})}")
    assert "is known" in html and "1 article" in html


def test_a_hub_company_page_shows_its_newest_partnerships_and_links_to_all(client, db, monkeypatch):
    from articles import views
    from tests.factories import CompanyFactory, make_partnership

    monkeypatch.setattr(views, "COMPANY_PARTNERSHIPS_SHOWN", 3)
    hub = CompanyFactory(name="Hub", slug="hub")
    for _ in range(5):
        make_partnership([hub, CompanyFactory()])
    html = page(client, "/companies/hub/")
    assert "From the 3 newest of 5 partnerships" in html
    assert 'href="/partnerships/?company=hub">see them all' in html
