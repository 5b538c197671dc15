"""The network drawing: deterministic, linked, styled by status, and quick at 300 companies."""

import random
import re
import time

import pytest

from articles import network_svg
from articles.network import Edge, Graph, Node, partnership_graph
from tests.factories import CompanyFactory, make_partnership

STATUSES = list(network_svg.EDGE_STYLES)


def random_graph(n: int, *, seed: int = 1) -> Graph:
    rnd = random.Random(seed)
    nodes = [Node(id=i, slug=f"company-{i}", name=f"Company {i}", kind="company", country="KR") for i in range(n)]
    edges = []
    for i in range(int(n * 1.5)):
        a, b = rnd.sample(range(n), 2)
        edges.append(Edge(f"company-{a}", f"company-{b}", f"partnership-{i}", f"P{i}", rnd.choice(STATUSES), "supply"))
    partners: dict[str, set] = {}
    for edge in edges:
        partners.setdefault(edge.source, set()).add(edge.target)
        partners.setdefault(edge.target, set()).add(edge.source)
    for node in nodes:
        node.degree = len(partners.get(node.slug, ()))
    return Graph(nodes, edges)


@pytest.mark.parametrize("n", [10, 300])
def test_layout_is_deterministic_and_inside_the_canvas(n):
    graph = random_graph(n)
    first = (
        network_svg._force_layout(graph) if n <= network_svg.FORCE_LAYOUT_MAX_NODES else network_svg._ring_layout(graph)
    )
    again = (
        network_svg._force_layout(graph) if n <= network_svg.FORCE_LAYOUT_MAX_NODES else network_svg._ring_layout(graph)
    )
    assert first == again
    assert len(first.positions) == n
    assert all(0 <= x <= first.size and 0 <= y <= first.size for x, y in first.positions.values())
    assert len(set(first.positions.values())) == n  # no two companies drawn on the same spot


@pytest.mark.parametrize(("n", "budget"), [(10, 0.5), (80, 1.5), (300, 1.5)])
def test_drawing_takes_bounded_time(n, budget):
    from django.core.cache import cache

    cache.clear()
    started = time.perf_counter()
    svg = network_svg.render_svg(random_graph(n), title="Network")
    assert time.perf_counter() - started < budget
    assert svg.count('<a class="node"') == n


def test_large_graphs_label_only_the_best_connected_but_title_every_node():
    svg = network_svg.render_svg(random_graph(300), title="Network")
    assert len(re.findall(r"<text ", svg)) == network_svg.HUB_COUNT
    assert len(re.findall(r"<a class=\"node\"[^>]*><title>", svg)) == 300
    assert 'class="network network-large"' in svg


def test_small_graphs_label_every_node():
    svg = network_svg.render_svg(random_graph(10), title="Network")
    assert len(re.findall(r"<text ", svg)) == 10


def test_names_are_escaped():
    graph = Graph(
        [Node(1, "a", "<A & B>", "company", "", 1), Node(2, "b", "B", "company", "", 1)],
        [Edge("a", "b", "p", "<script>", "announced", "supply")],
    )
    svg = network_svg.render_svg(graph, title="T")
    assert "<script>" not in svg and "&lt;A &amp; B&gt;" in svg


@pytest.mark.django_db
def test_seed_network_edges_are_styled_by_status(seeded):
    svg = network_svg.render_svg(partnership_graph(), title="Network")
    assert svg.count("edge-announced") == 3  # Kakao, SoftBank, Oracle
    assert svg.count("edge-under-consideration") == 1
    assert 'href="/partnerships/openai-kakao/"' in svg


def test_the_whole_network_drawing_keeps_the_best_connected_companies():
    graph = random_graph(400)
    drawn = network_svg.busiest(graph, 300)
    assert len(drawn.nodes) == 300
    kept = {node.slug for node in drawn.nodes}
    lowest_kept = min(node.degree for node in drawn.nodes)
    assert all(node.degree <= lowest_kept for node in graph.nodes if node.slug not in kept)
    assert all(edge.source in kept and edge.target in kept for edge in drawn.edges)


@pytest.mark.django_db
def test_the_cached_network_page_follows_new_partnerships(client, seeded):
    assert "Fresh Partner" not in client.get("/network/").content.decode()
    make_partnership([CompanyFactory(name="Fresh Partner")])
    assert "Fresh Partner" in client.get("/network/").content.decode()
