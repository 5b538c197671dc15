"""RSS and Atom feeds of the latest articles, a company, and any filtered list."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def atom_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return [entry.findtext(f"{ATOM}title") for entry in ET.fromstring(response.content).iter(f"{ATOM}entry")]


def test_latest_feed_lists_the_seed_article_in_rss_and_atom(client, seeded):
    title = "OpenAI forms alliances with Kakao and SoftBank as Altman tours Asia"
    assert rss_titles(client, "/feeds/latest/") == [title]
    assert atom_titles(client, "/feeds/latest/atom/") == [title]


def test_company_feed_has_its_articles_and_partnerships(client, seeded):
    titles = rss_titles(client, "/companies/kakao/feed/")
    assert "OpenAI forms alliances with Kakao and SoftBank as Altman tours Asia" in titles
    assert "Partnership: OpenAI and Kakao strategic partnership (Announced)" in titles
    assert len(atom_titles(client, "/companies/kakao/feed/atom/")) == len(titles)


def test_filtered_partnership_feed_follows_the_list_filters(client, seeded):
    titles = rss_titles(client, "/feeds/partnerships/?status=in_talks&company=openai")
    assert len(titles) == 3 and all(title.endswith("(Reported / in talks)") for title in titles)
    assert atom_titles(client, "/feeds/partnerships/atom/?status=under_consideration") == [
        "OpenAI considers investing in South Korea's national AI computing centre (Under consideration)"
    ]


def test_filtered_article_feed_follows_search_and_company(client, seeded):
    assert len(rss_titles(client, "/feeds/articles/?q=Kakao")) == 1
    assert rss_titles(client, "/feeds/articles/?company=naver&published_after=2025-03-01") == []


@pytest.mark.parametrize(
    "url",
    ["/feeds/partnerships/?status=rejected", "/feeds/articles/?company=nobody", "/feeds/articles/?page=x&source="],
)
def test_a_feed_with_a_bad_filter_is_not_found_rather_than_wider(client, seeded, url):
    expected = 200 if "page=" in url else 404  # unknown parameters are ignored, bad values are not
    assert client.get(url).status_code == expected
