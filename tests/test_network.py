"""The partnership network joins every pair of a partnership's participants."""

import pytest

from articles.models import Company
from articles.network import partnership_graph

pytestmark = pytest.mark.django_db


def test_graph_of_the_seed_links_openai_to_its_partners(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        graph = partnership_graph()
    degree = {node.slug: node.degree for node in graph.nodes}
    # OpenAI: Kakao, SoftBank, Oracle, SK Group, SK Hynix, Samsung, Samsung Electronics, 2 governments.
    assert degree["openai"] == 9
    assert degree["kakao"] == 1
    assert "naver" not in degree  # a rival, never a partner
    assert {(e.source, e.target) for e in graph.edges if e.partnership == "openai-kakao"} == {("kakao", "openai")}


def test_neighbourhood_graph_keeps_only_the_company_and_its_partners(seeded):
    graph = partnership_graph(company=Company.objects.get(slug="sk-hynix"))
    assert {node.slug for node in graph.nodes} == {"openai", "sk-group", "sk-hynix"}


def test_graph_filters_by_status(seeded):
    graph = partnership_graph(statuses=["in_talks"])
    assert {e.partnership for e in graph.edges} == {
        "openai-sk-high-bandwidth-memory",
        "openai-samsung-high-bandwidth-memory",
        "openai-india-collaborations",
    }
