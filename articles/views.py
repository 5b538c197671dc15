"""Pages of the browsable site. Thin: the reads live in querysets, the filters in forms, the drawing
of the network in network_svg. Every page runs a fixed number of queries whatever the data size."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from .forms import ArticleFilterForm, CompanyFilterForm, PartnershipFilterForm, SearchForm
from .models import Article, Company, Evidence, MarketFact, Mention, Participant, Partnership, Person, PersonMention
from .network import partnership_graph
from .network_svg import busiest, legend, render_svg, whole_network

ARTICLES_PER_PAGE = 20
COMPANIES_PER_PAGE = 50
PARTNERSHIPS_PER_PAGE = 30
SEARCH_SECTION_SIZE = 8
COMPANY_ARTICLES_SHOWN = 20
COMPANY_PARTNERSHIPS_SHOWN = 200
NEIGHBOURHOOD_NODES = 120

ARTICLE_LIST_FIELDS = ("title", "slug", "source", "published_at", "summary", "url")


def _participants():
    return Prefetch("participants", queryset=Participant.objects.select_related("company").order_by("company__name"))


def _public_partnerships():
    """Public partnerships with their evidence counts and participants: one query plus one prefetch."""
    return (
        Partnership.objects.public()
        .with_evidence_count()
        .with_first_reported()
        .select_related("project")
        .prefetch_related(_participants())
    )


def _paginate(request, queryset, per_page):
    """The requested page; a page number that is not one, or is past the end, gives the nearest page
    and a message instead of an error."""
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    try:
        return paginator.page(raw), []
    except PageNotAnInteger:
        return paginator.page(1), [f"“{raw[:20]}” is not a page number, so the first page is shown."]
    except EmptyPage:
        last = paginator.num_pages
        return paginator.page(last), [f"There is no page {raw[:20]}; the last page ({last}) is shown."]


def _links(form, *, api: str, feed: str | None = None) -> dict:
    """Export links (the API's filtered list as CSV and JSON) and the feed of the same filtered view."""
    api_query = form.api_query()
    links = {}
    if api_query is not None:
        links["csv"] = f"/api/v1/{api}/?" + urlencode({**api_query, "format": "csv"})
        links["json"] = f"/api/v1/{api}/?" + urlencode({**api_query, "format": "json"})
    if feed:
        query = urlencode(form.query_params())
        links["rss"] = reverse(feed) + (f"?{query}" if query else "")
        links["atom"] = reverse(f"{feed}-atom") + (f"?{query}" if query else "")
    return links


def home(request):
    partnerships = _public_partnerships()
    context = {
        "articles": Article.objects.only(*ARTICLE_LIST_FIELDS)[:6],
        "newest_partnerships": partnerships[:6],
        "most_reported": Partnership.objects.most_reported(6),
        "connected_companies": Company.objects.most_connected(8),
        "counts": {
            "articles": Article.objects.count(),
            "companies": Company.objects.count(),
            "partnerships": Partnership.objects.public().count(),
        },
        "search_form": SearchForm(),
    }
    return render(request, "home.html", context)


def article_list(request):
    form = ArticleFilterForm(request.GET)
    articles = form.filter(Article.objects.only(*ARTICLE_LIST_FIELDS))
    page, page_messages = _paginate(request, articles, ARTICLES_PER_PAGE)
    return render(
        request,
        "articles/article_list.html",
        {
            "form": form,
            "page_obj": page,
            "filter_messages": form.messages() + page_messages,
            "filtered_company": form.values().get("company"),
            "links": _links(form, api="articles", feed="feed-articles"),
        },
    )


@dataclass
class ReportedPartnership:
    partnership: Partnership
    evidence: list[Evidence] = field(default_factory=list)


def article_detail(request, slug):
    article = get_object_or_404(
        Article.objects.prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("company")),
            Prefetch("person_mentions", queryset=PersonMention.objects.select_related("person__organisation")),
        ),
        slug=slug,
    )
    evidence = list(
        Evidence.objects.public()
        .filter(article=article)
        .select_related("partnership")
        .order_by("partnership__title", "id")
    )
    reported: dict[int, ReportedPartnership] = {}
    for item in evidence:
        reported.setdefault(item.partnership_id, ReportedPartnership(item.partnership)).evidence.append(item)
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "mentions": list(article.mentions.all()),
            "person_mentions": list(article.person_mentions.all()),
            "evidence": evidence,
            "reported": list(reported.values()),
            "facts": MarketFact.objects.filter(article=article).select_related("company"),
        },
    )


def company_list(request):
    form = CompanyFilterForm(request.GET)
    companies = form.filter(Company.objects.with_counts())
    page, page_messages = _paginate(request, companies, COMPANIES_PER_PAGE)
    return render(
        request,
        "companies/company_list.html",
        {
            "form": form,
            "page_obj": page,
            "filter_messages": form.messages() + page_messages,
            "links": _links(form, api="companies"),
        },
    )


@dataclass
class Partner:
    company: Company
    partnerships: list[Partnership] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: object
    kind: str  # "partnership" or "article"
    item: object


def company_detail(request, slug):
    company = get_object_or_404(
        Company.objects.with_counts()
        .select_related("parent")
        .prefetch_related(
            Prefetch("subsidiaries", queryset=Company.objects.only("name", "slug", "parent_id")),
            "people",
        ),
        slug=slug,
    )
    # The newest partnerships only: a hub such as OpenAI may have thousands, and the page links to
    # the full, paginated list.
    partnerships = list(_public_partnerships().involving(company)[:COMPANY_PARTNERSHIPS_SHOWN])
    partners: dict[int, Partner] = {}
    for partnership in partnerships:
        for participant in partnership.participants.all():
            if participant.company_id == company.pk:
                partnership.own_role = participant.role
            else:
                partners.setdefault(participant.company_id, Partner(participant.company)).partnerships.append(
                    partnership
                )
    # One more than shown, to know whether to link to the full list.
    articles = list(Article.objects.mentioning(company).only(*ARTICLE_LIST_FIELDS)[: COMPANY_ARTICLES_SHOWN + 1])
    timeline = [
        TimelineEntry(p.announced_on or (p.first_reported_at and p.first_reported_at.date()), "partnership", p)
        for p in partnerships
    ] + [TimelineEntry(a.published_at.date(), "article", a) for a in articles[:COMPANY_ARTICLES_SHOWN]]
    timeline.sort(key=lambda entry: (entry.date is not None, entry.date), reverse=True)
    # The company links to every node of its neighbourhood, so it is always among the busiest kept.
    graph = busiest(partnership_graph(company=company), NEIGHBOURHOOD_NODES)
    return render(
        request,
        "companies/company_detail.html",
        {
            "company": company,
            "partners": sorted(partners.values(), key=lambda partner: partner.company.name.lower()),
            "partnerships": partnerships,
            "timeline": timeline,
            "more_articles": len(articles) > COMPANY_ARTICLES_SHOWN,
            "more_partnerships": company.partnership_count > len(partnerships),
            "facts": company.facts.select_related("article").order_by("-observed_on", "id"),
            "network_svg": render_svg(graph, title=f"Partnership network around {company.name}", highlight=company.slug)
            if graph.edges
            else None,
            "legend": legend(),
        },
    )


def partnership_list(request):
    form = PartnershipFilterForm(request.GET)
    partnerships = form.filter(_public_partnerships())
    page, page_messages = _paginate(request, partnerships, PARTNERSHIPS_PER_PAGE)
    return render(
        request,
        "partnerships/partnership_list.html",
        {
            "form": form,
            "page_obj": page,
            "filter_messages": form.messages() + page_messages,
            "filtered_company": form.values().get("company"),
            "filtered_project": form.values().get("project"),
            "links": _links(form, api="partnerships", feed="feed-partnerships"),
        },
    )


def partnership_detail(request, slug):
    partnership = get_object_or_404(
        _public_partnerships().prefetch_related(
            Prefetch(
                "evidence", queryset=Evidence.objects.select_related("article").order_by("article__published_at", "id")
            )
        ),
        slug=slug,
    )
    evidence = list(partnership.evidence.all())
    publishers = {item.article.source or item.article.url or item.article_id for item in evidence}
    return render(
        request,
        "partnerships/partnership_detail.html",
        {
            "partnership": partnership,
            "participants": list(partnership.participants.all()),
            "evidence": evidence,
            "first": evidence[0] if evidence else None,
            "publisher_count": len(publishers),
        },
    )


def network(request):
    page = whole_network()
    return render(
        request,
        "network.html",
        {
            **page,
            "legend": legend(),
            "nodes_by_degree": sorted(page["drawn"].nodes, key=lambda node: (-node.degree, node.name.lower())),
        },
    )


def search(request):
    form = SearchForm(request.GET)
    query = form.values().get("q", "")
    context = {"form": form, "query": query, "filter_messages": form.messages()}
    if query:
        # One more row than shown, to know whether to link to the full list.
        limit = SEARCH_SECTION_SIZE + 1
        context["sections"] = {
            "articles": list(Article.objects.search(query).only(*ARTICLE_LIST_FIELDS)[:limit]),
            "companies": list(Company.objects.with_counts().search(query)[:limit]),
            "partnerships": list(_public_partnerships().search(query)[:limit]),
        }
        context["shown"] = SEARCH_SECTION_SIZE
        context["query_string"] = urlencode({"q": query})
    return render(request, "search.html", context)


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
    articles = Article.objects.filter(person_mentions__person=person).only(*ARTICLE_LIST_FIELDS)[
        :COMPANY_ARTICLES_SHOWN
    ]
    return render(request, "people/person_detail.html", {"person": person, "articles": articles})
