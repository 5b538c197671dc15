"""Linking: which known names an article mentions, and how often."""

import time

import pytest

from articles.ingest.linking import NameMatcher, company_index
from tests.factories import CompanyFactory

COMPANIES = [
    ("samsung", "Samsung"),
    ("samsung-electronics", "Samsung Electronics"),
    ("kakao", "Kakao"),
    ("kakao", "Kakao Corp"),
    ("apple", "Apple"),
    ("shell", "Shell"),
    ("naver", "Naver"),
    ("sk", "SK Group"),
    ("sk-hynix", "SK Hynix"),
    ("kt", "KT"),
]


def names(text):
    return [match.key for match in NameMatcher(COMPANIES).find(text)]


def test_the_longest_name_wins_so_a_company_is_not_also_its_group():
    assert names("Samsung Electronics said Samsung would invest.") == ["samsung-electronics", "samsung"]


def test_possessives_and_curly_apostrophes_name_the_company():
    assert names("Kakao’s shares and Kakao's chatbot") == ["kakao", "kakao"]


def test_names_match_whole_words_only():
    assert names("KakaoTalk users and Navers and Applesauce") == []


def test_a_hyphenated_suffix_word_still_names_the_company_but_a_product_code_does_not():
    assert names("a Kakao-backed start-up") == ["kakao"]
    assert names("KT-5 routers") == []


def test_common_words_in_lower_case_are_not_companies():
    assert names("an apple a day and a shell company") == []


def test_multi_word_names_match_in_other_capitalisations():
    assert names("SK hynix and Samsung electronics") == ["sk-hynix", "samsung-electronics"]


def test_all_caps_headlines_name_companies_of_four_letters_or_more():
    assert names("NAVER, KAKAO SHARES SLIDE") == ["naver", "kakao"]


def test_counts_are_per_company_across_its_aliases():
    counts = NameMatcher(COMPANIES).count("Kakao Corp said on Monday that Kakao would partner with Apple.")
    assert counts == {"kakao": 2, "apple": 1}


def test_scanning_with_ten_thousand_names_is_fast():
    matcher = NameMatcher([(n, f"Company {n} Holdings") for n in range(10_000)] + COMPANIES)
    text = "Kakao signed a deal with Company 9999 Holdings and Company 12 Holdings. " * 200
    started = time.perf_counter()
    counts = matcher.count(text)
    elapsed = time.perf_counter() - started
    assert counts[9999] == 200 and counts["kakao"] == 200
    # The trie pattern scans these 2,600 words in about 3 ms (a plain alternation of the same names
    # takes about 50 ms). The bound is loose so that a loaded CI machine does not fail it.
    assert elapsed < 2


@pytest.mark.django_db
def test_the_company_index_is_rebuilt_when_companies_change():
    CompanyFactory(name="Kakao")
    first = company_index()
    assert company_index() is first
    CompanyFactory(name="Naver")
    second = company_index()
    assert second is not first
    assert {m.name for m in second.matcher.find("Kakao and Naver")} == {"Kakao", "Naver"}


@pytest.mark.django_db
def test_an_unchanged_index_costs_one_query(django_assert_num_queries):
    CompanyFactory(name="Kakao")
    company_index()
    with django_assert_num_queries(1):
        company_index()
