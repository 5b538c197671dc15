"""Draw the partnership network as an SVG on the server: a deterministic layout computed in Python,
so the page needs no JavaScript and the same data always gives the same picture.

Small graphs get a seeded Fruchterman–Reingold layout; large ones (where its O(n²) steps would take
seconds in pure Python) get concentric rings by degree, the best-connected companies in the middle and
each node placed near the partners already drawn. Layouts are cached by a hash of the graph.
"""

import hashlib
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .models import Company, Participant, Partnership
from .network import Graph, partnership_graph

# Above this many nodes the force-directed layout is too slow in pure Python (measured: 80 nodes with
# 120 iterations take ~0.25 s); rings take a few milliseconds at 300.
FORCE_LAYOUT_MAX_NODES = 80
FORCE_ITERATIONS = 120
# Only the best-connected companies are labelled (all of them in small graphs); every node keeps a
# hover title. In large graphs these are the hubs on the inner circle, spaced for their labels.
LABELLED_NODES = 40
HUB_COUNT = 14
# The whole-network page draws at most this many companies, the best-connected.
MAX_DRAWN_NODES = 300
# User units left and right of the drawing for the labels of the outermost nodes.
LABEL_ROOM = 110

# How each status is drawn; the legend reads the same table, so picture and legend cannot disagree.
EDGE_STYLES = {
    "announced": ("Announced", "edge-announced"),
    "active": ("Active", "edge-active"),
    "in_talks": ("Reported / in talks", "edge-in-talks"),
    "under_consideration": ("Under consideration", "edge-under-consideration"),
    "ended": ("Ended", "edge-ended"),
}


@dataclass(frozen=True)
class Layout:
    size: float  # the drawing is size × size user units
    positions: dict[str, tuple[float, float]]


def whole_network() -> dict:
    """The whole-network page's drawing and totals, cached by a version of the data: reading every
    participant of 20,000 partnerships takes over a second, checking three aggregates a millisecond.
    The short timeout bounds staleness should a change slip past the version."""
    partnerships = Partnership.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    participants = Participant.objects.aggregate(n=Count("id"), last=Max("id"))
    companies = Company.objects.aggregate(changed=Max("updated_at"))
    version = hashlib.sha1(repr((partnerships, participants, companies)).encode(), usedforsecurity=False)
    key = f"network-page:{version.hexdigest()}"
    page = cache.get(key)
    if page is None:
        graph = partnership_graph()
        drawn = busiest(graph)
        svg = render_svg(drawn, title="The partnership network") if drawn.nodes else ""
        page = {"companies": len(graph.nodes), "links": len(graph.edges), "drawn": drawn, "svg": str(svg)}
        cache.set(key, page, 600)
    return {**page, "svg": mark_safe(page["svg"])}  # noqa: S308 - built by render_svg, escaped there


def busiest(graph: Graph, limit: int = MAX_DRAWN_NODES) -> Graph:
    """The `limit` best-connected companies and the partnerships among them: beyond a few hundred
    nodes a drawing is neither readable nor cheap to send. Degrees stay those of the whole network."""
    if len(graph.nodes) <= limit:
        return graph
    nodes = sorted(graph.nodes, key=lambda node: (-node.degree, node.slug))[:limit]
    kept = {node.slug for node in nodes}
    edges = [edge for edge in graph.edges if edge.source in kept and edge.target in kept]
    return Graph(nodes=sorted(nodes, key=lambda node: node.name.lower()), edges=edges)


def _graph_key(graph: Graph) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    for node in graph.nodes:
        digest.update(f"n{node.slug}:{node.degree};".encode())
    for edge in graph.edges:
        digest.update(f"e{edge.source}>{edge.target};".encode())
    return f"network-layout:{digest.hexdigest()}"


def layout(graph: Graph) -> Layout:
    """Node positions for the graph, cached by its content."""
    key = _graph_key(graph)
    cached = cache.get(key)
    if cached is None:
        cached = _force_layout(graph) if len(graph.nodes) <= FORCE_LAYOUT_MAX_NODES else _ring_layout(graph)
        cache.set(key, cached, 24 * 3600)
    return cached


def _canvas_size(n: int) -> float:
    # Grows with the square root of the node count so the node density stays about the same.
    return max(360.0, 64.0 * math.sqrt(max(n, 1)))


def _force_layout(graph: Graph) -> Layout:
    """Fruchterman–Reingold from a circle (a fixed start, so the result is deterministic)."""
    size = _canvas_size(len(graph.nodes))
    slugs = [node.slug for node in graph.nodes]
    n = len(slugs)
    if n == 0:
        return Layout(size, {})
    if n == 1:
        return Layout(size, {slugs[0]: (size / 2, size / 2)})
    index = {slug: i for i, slug in enumerate(slugs)}
    pairs = {tuple(sorted((index[e.source], index[e.target]))) for e in graph.edges}
    radius = size * 0.4
    xs = [size / 2 + radius * math.cos(2 * math.pi * i / n) for i in range(n)]
    ys = [size / 2 + radius * math.sin(2 * math.pi * i / n) for i in range(n)]
    k = math.sqrt(size * size / n)  # ideal edge length
    temperature = size / 10
    for _ in range(FORCE_ITERATIONS):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ddx, ddy = xi - xs[j], yi - ys[j]
                dist2 = ddx * ddx + ddy * ddy or 0.01
                force = k * k / dist2  # repulsion k²/d, divided by d once more to normalise ddx, ddy
                dx[i] += ddx * force
                dy[i] += ddy * force
                dx[j] -= ddx * force
                dy[j] -= ddy * force
        for i, j in pairs:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            dist = math.sqrt(ddx * ddx + ddy * ddy) or 0.1
            force = dist / k  # attraction d²/k, normalised
            dx[i] -= ddx * force
            dy[i] -= ddy * force
            dx[j] += ddx * force
            dy[j] += ddy * force
        for i in range(n):
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 1.0
            step = min(length, temperature)
            xs[i] += dx[i] / length * step
            ys[i] += dy[i] / length * step
        temperature *= 0.96
    return Layout(size, _fit(slugs, xs, ys, size))


def _ring_layout(graph: Graph) -> Layout:
    """Circular layout by degree: the best-connected companies evenly spaced on an inner circle wide
    enough for their labels, the others on outer rings whose capacity grows with their circumference,
    each node near the mean angle of its partners already placed, so clusters stay together."""
    size = _canvas_size(len(graph.nodes))
    order = [node.slug for node in sorted(graph.nodes, key=lambda node: (-node.degree, node.slug))]
    neighbours: dict[str, set[str]] = {}
    for edge in graph.edges:
        neighbours.setdefault(edge.source, set()).add(edge.target)
        neighbours.setdefault(edge.target, set()).add(edge.source)
    hubs, rest = order[:HUB_COUNT], order[HUB_COUNT:]
    ring_count = max(1, round(math.sqrt(len(rest) / 12)))
    radii = [0.72 + 0.28 * k / (ring_count - 1) for k in range(ring_count)] if ring_count > 1 else [1.0]
    rings: list[tuple[float, list[str]]] = [(0.5, hubs)]
    start = 0
    for k, radius in enumerate(radii):
        count = math.ceil((len(rest) - start) * radius / sum(radii[k:]))
        rings.append((radius, rest[start : start + count]))
        start += count
    angles: dict[str, float] = {}
    xs, ys, slugs = [], [], []
    for depth, (radius, ring) in enumerate(rings):
        wanted = []
        for position, slug in enumerate(ring):
            placed = [angles[other] for other in neighbours.get(slug, ()) if other in angles]
            if placed:
                angle = math.atan2(sum(map(math.sin, placed)), sum(map(math.cos, placed)))
            else:
                angle = 2 * math.pi * position / len(ring)
            wanted.append((angle % (2 * math.pi), slug))
        wanted.sort()
        # Even spacing in the preferred order: nodes never overlap, neighbours stay close.
        for position, (_, slug) in enumerate(wanted):
            angle = 2 * math.pi * position / len(ring) + depth * 0.15
            angles[slug] = angle
            slugs.append(slug)
            xs.append(size / 2 + radius * size / 2 * math.cos(angle))
            ys.append(size / 2 + radius * size / 2 * math.sin(angle))
    return Layout(size, _fit(slugs, xs, ys, size))


def _fit(slugs, xs, ys, size) -> dict[str, tuple[float, float]]:
    """Scale the positions into the canvas with a margin for labels."""
    margin = 30.0
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span = max(max_x - min_x, max_y - min_y) or 1.0
    scale = (size - 2 * margin) / span
    offset_x = (size - (max_x - min_x) * scale) / 2
    offset_y = (size - (max_y - min_y) * scale) / 2
    return {
        slug: (round(offset_x + (x - min_x) * scale, 1), round(offset_y + (y - min_y) * scale, 1))
        for slug, x, y in zip(slugs, xs, ys, strict=True)
    }


def render_svg(graph: Graph, *, title: str, highlight: str | None = None) -> SafeString:
    """The graph as an inline SVG: company nodes link to their pages, edges to their partnerships."""
    drawing = layout(graph)
    size = drawing.size
    pos = drawing.positions
    max_degree = max((node.degree for node in graph.nodes), default=1) or 1
    large = len(graph.nodes) > FORCE_LAYOUT_MAX_NODES
    by_degree = sorted(graph.nodes, key=lambda node: (-node.degree, node.slug))
    labelled = {node.slug for node in by_degree[: HUB_COUNT if large else LABELLED_NODES]}
    if highlight:
        labelled.add(highlight)
    parts = [
        format_html(
            '<svg class="network network-{}" viewBox="{} 0 {} {}" role="group" aria-labelledby="network-title">'
            '<title id="network-title">{}</title><g class="edges">',
            "large" if large else "small",
            -LABEL_ROOM,
            int(size + 2 * LABEL_ROOM),
            int(size),
            title,
        )
    ]
    for edge in graph.edges:
        (x1, y1), (x2, y2) = pos[edge.source], pos[edge.target]
        label, css = EDGE_STYLES.get(edge.status, (edge.status, "edge-other"))
        parts.append(
            format_html(
                '<a href="{}"><line class="edge {}" x1="{}" y1="{}" x2="{}" y2="{}"><title>{} ({})</title></line></a>',
                reverse("partnership-detail", kwargs={"slug": edge.partnership}),
                css,
                x1,
                y1,
                x2,
                y2,
                edge.title,
                label,
            )
        )
    parts.append(mark_safe('</g><g class="nodes">'))
    for node in graph.nodes:
        x, y = pos[node.slug]
        radius = round(5 + 13 * math.sqrt(node.degree / max_degree), 1)
        css = "node node-current" if node.slug == highlight else "node"
        label = _label(node.name, x, y, radius, size) if node.slug in labelled else ""
        partners = "partner" if node.degree == 1 else "partners"
        parts.append(
            format_html(
                '<a class="{}" href="{}"><title>{} — {} {}</title><circle cx="{}" cy="{}" r="{}"/>{}</a>',
                css,
                reverse("company-detail", kwargs={"slug": node.slug}),
                node.name,
                node.degree,
                partners,
                x,
                y,
                radius,
                label,
            )
        )
    parts.append(mark_safe("</g></svg>"))
    return mark_safe("".join(str(part) for part in parts))


def _label(name: str, x: float, y: float, radius: float, size: float) -> SafeString:
    """A node's name beside it, away from the centre so labels point outwards, on up to two lines."""
    if x > size * 0.55:
        anchor, tx, ty = "start", x + radius + 4, y + 4
    elif x < size * 0.45:
        anchor, tx, ty = "end", x - radius - 4, y + 4
    else:
        anchor, tx, ty = "middle", x, y + radius + 14
    lines = _wrap(name)
    if len(lines) > 1 and anchor != "middle":
        ty -= 8
    spans = format_html('<tspan x="{}" dy="0">{}</tspan>', round(tx, 1), lines[0])
    for line in lines[1:]:
        spans += format_html('<tspan x="{}" dy="1.1em">{}</tspan>', round(tx, 1), line)
    return format_html('<text x="{}" y="{}" text-anchor="{}">{}</text>', round(tx, 1), round(ty, 1), anchor, spans)


def _wrap(name: str, width: int = 13) -> list[str]:
    """Long names on two lines, split at a space near the middle."""
    if len(name) <= width or " " not in name:
        return [name]
    words, first = name.split(), ""
    while words and len(f"{first} {words[0]}".strip()) <= max(width, len(name) // 2):
        first = f"{first} {words.pop(0)}".strip()
    return [first, " ".join(words)] if first and words else [name]


def legend() -> list[tuple[str, str]]:
    """(label, css class) of each edge style, for the legend beside the drawing."""
    return list(EDGE_STYLES.values())
