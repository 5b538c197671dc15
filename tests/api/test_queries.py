"""Every list and detail endpoint runs the same number of SQL queries with 1 and with 50 rows: related
records come from joins and prefetches, counts from annotations (never a query per row)."""

import pytest

from articles.models import PersonMention
from tests.factories import ArticleFactory, CompanyFactory, PersonFactory, make_partnership

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 50], ids=["1-row", "50-rows"])
def rows(request, db):
    """`n` partnerships of a hub company with its n subsidiaries, each reported by its own article that
    names "someone"; n more people at the hub; and a "probe" partnership of n + 1 companies whose
    article ("probe") mentions them all."""
    n = request.param
    hub = CompanyFactory(slug="hub")
    someone = PersonFactory(slug="someone", organisation=hub)
    for _ in range(n):
        article = ArticleFactory()
        make_partnership([hub, CompanyFactory(parent=hub)], article=article)
        PersonFactory(organisation=hub)
        PersonMention.objects.create(article=article, person=someone)
    make_partnership([CompanyFactory() for _ in range(n + 1)], article=ArticleFactory(slug="probe"), slug="probe")
    return n


def results(body):
    return body["results"]


# (address, queries, what in the response must have grown with n)
ENDPOINTS = [
    # count; companies with counts (subqueries) and parent (join)
    ("/api/v1/companies/?page_size=100", 2, lambda body, n: len(results(body)) >= n),
    # company with counts and parent; public participations with partnership; their participants with
    # company; people; subsidiaries
    ("/api/v1/companies/hub/", 5, lambda body, n: len(body["partners"]) == len(body["subsidiaries"]) == n),
    # count; people with organisation (join)
    ("/api/v1/people/?page_size=100", 2, lambda body, n: len(results(body)) >= n),
    # person with organisation; mentions with article
    ("/api/v1/people/someone/", 2, lambda body, n: len(body["articles"]) == n),
    # count; articles without body; mentions with company
    ("/api/v1/articles/?page_size=100", 3, lambda body, n: len(results(body)) >= n),
    # the company filter's slug check; count; articles; mentions with company
    ("/api/v1/articles/?company=hub&page_size=100", 4, lambda body, n: len(results(body)) == n),
    # article; mentions with company; public evidence with partnership
    ("/api/v1/articles/probe/", 3, lambda body, n: len(body["mentions"]) == n + 1),
    # count; partnerships with project; participants with company; evidence with article
    ("/api/v1/partnerships/?page_size=100", 4, lambda body, n: len(results(body)) >= n),
    # the company filter's slug check; count; partnerships; participants; evidence
    ("/api/v1/partnerships/?company=hub&page_size=100", 5, lambda body, n: len(results(body)) == n),
    # partnership with project; participants with company; evidence with article
    ("/api/v1/partnerships/probe/", 3, lambda body, n: len(body["participants"]) == n + 1),
    # participants with partnership and company slug; the companies
    ("/api/v1/graph/", 2, lambda body, n: len(body["edges"]) >= n),
    # the company (filter check); participants; the companies
    ("/api/v1/graph/?company=hub", 3, lambda body, n: len(body["nodes"]) == n + 1),
    # public partnerships per status; most-connected companies; counts of companies, people, articles
    ("/api/v1/stats/", 5, lambda body, n: body["partnerships"] == n + 1),
]


@pytest.mark.parametrize(("address", "queries", "grew"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_query_count_does_not_grow_with_rows(rows, api, django_assert_max_num_queries, address, queries, grew):
    with django_assert_max_num_queries(queries):
        response = api.get(address)

    assert response.status_code == 200, response.content
    assert grew(response.json(), rows)
