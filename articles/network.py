"""The partnership network: companies as nodes, partnerships as edges between every pair of their
participants. Built in two queries whatever the number of partnerships."""

from dataclasses import dataclass, field
from itertools import combinations

from .models import Company, Participant, Partnership


@dataclass
class Node:
    id: int
    slug: str
    name: str
    kind: str
    country: str
    degree: int = 0  # number of distinct partner companies


@dataclass(frozen=True)
class Edge:
    source: str  # company slugs
    target: str
    partnership: str  # partnership slug
    title: str
    status: str
    kind: str


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def partnership_graph(*, company: Company | None = None, statuses=None) -> Graph:
    """The network of public partnerships (or those with the given statuses); with `company`, only
    that company's neighbourhood: its partnerships and its partners."""
    statuses = list(statuses) if statuses else list(Partnership.PUBLIC_STATUSES)
    participants = Participant.objects.filter(partnership__status__in=statuses)
    if company is not None:
        participants = participants.filter(
            partnership__in=Participant.objects.filter(company=company).values("partnership_id")
        )
    rows = participants.order_by("partnership_id", "company__name").values_list(
        "partnership_id",
        "partnership__slug",
        "partnership__title",
        "partnership__status",
        "partnership__kind",
        "company_id",
        "company__slug",
    )
    members: dict[int, list[str]] = {}
    meta: dict[int, tuple[str, str, str, str]] = {}
    company_ids: set[int] = set()
    for pk, slug, title, status, kind, company_id, company_slug in rows:
        members.setdefault(pk, []).append(company_slug)
        meta[pk] = (slug, title, status, kind)
        company_ids.add(company_id)

    edges = [
        Edge(source=a, target=b, partnership=meta[pk][0], title=meta[pk][1], status=meta[pk][2], kind=meta[pk][3])
        for pk, slugs in members.items()
        for a, b in combinations(slugs, 2)
    ]
    partners: dict[str, set[str]] = {}
    for edge in edges:
        partners.setdefault(edge.source, set()).add(edge.target)
        partners.setdefault(edge.target, set()).add(edge.source)
    nodes = [
        Node(
            id=c.pk,
            slug=c.slug,
            name=c.name,
            kind=c.kind,
            country=c.country.code or "",
            degree=len(partners.get(c.slug, ())),
        )
        for c in Company.objects.filter(pk__in=company_ids).only("slug", "name", "kind", "country").order_by("name")
    ]
    return Graph(nodes=nodes, edges=edges)
