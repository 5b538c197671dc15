"""A reader's journey in a real browser, at phone and desktop widths: from the home page to the
sentence that reports a partnership."""

import re

import pytest

pytestmark = pytest.mark.browser


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def test_search_kakao_then_follow_the_partnership_to_its_highlighted_evidence(site, page, shoot):
    page.goto(site + "/")
    assert_no_horizontal_scroll(page)
    shoot(page, "1-home")

    page.locator("#home-q").fill("Kakao")
    page.locator("form.search-large button[type=submit]").click()
    page.wait_for_url(re.compile(r"/search/\?q=Kakao"))
    assert_no_horizontal_scroll(page)
    shoot(page, "2-search")

    page.locator("#result-companies ~ ul").get_by_role("link", name="Kakao", exact=True).click()
    page.wait_for_url(re.compile(r"/companies/kakao/$"))
    partners = page.locator("section[aria-labelledby=partners-title]")
    assert partners.get_by_role("link", name="OpenAI", exact=True).is_visible()
    assert partners.locator(".pill.status-announced").first.inner_text() == "Announced"
    assert_no_horizontal_scroll(page)
    shoot(page, "3-company")

    partners.get_by_role("link", name="OpenAI and Kakao strategic partnership").click()
    page.wait_for_url(re.compile(r"/partnerships/openai-kakao/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "OpenAI and Kakao strategic partnership"
    assert_no_horizontal_scroll(page)
    shoot(page, "4-partnership")

    first_quote = page.locator(".evidence-list blockquote").nth(1).inner_text().strip()
    page.locator(".evidence-list figcaption a").nth(1).click()
    page.wait_for_url(re.compile(r"/articles/openai-alliances-kakao-softbank-asia/#evidence-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.inner_text().strip() == first_quote
    assert mark.evaluate("el => el.matches(':target')")
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert mark.is_visible()
    box, viewport = mark.bounding_box(), page.viewport_size
    assert box["y"] < viewport["height"] and box["y"] + box["height"] > 0, "the quote is scrolled into view"
    assert_no_horizontal_scroll(page)
    shoot(page, "5-article")


PAGES = {
    "articles": "/articles/",
    "articles-filtered-bad": "/articles/?company=nobody&published_after=yesterday",
    "companies": "/companies/",
    "partnerships": "/partnerships/",
    "network": "/network/",
    "company-openai": "/companies/openai/",
    "not-found": "/no/such/page/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_the_screen_without_sideways_scrolling(site, page, shoot, name):
    page.goto(site + PAGES[name])
    assert_no_horizontal_scroll(page)
    shoot(page, name)


def test_keyboard_users_reach_a_visible_skip_link_first(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
