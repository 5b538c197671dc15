"""Pages of the browsable site. Thin: the reads live in querysets."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from .models import Article, Company, Evidence, Participant, Partnership, Person


def home(request):
    return render(
        request,
        "home.html",
        {
            "articles": Article.objects.only("title", "slug", "source", "published_at", "summary")[:10],
            "partnerships": Partnership.objects.public().select_related("project")[:10],
        },
    )


class ArticleListView(ListView):
    queryset = Article.objects.only("title", "slug", "source", "published_at", "summary")
    paginate_by = 25


class ArticleDetailView(DetailView):
    queryset = Article.objects.prefetch_related("mentions__company", "person_mentions__person")


class CompanyListView(ListView):
    queryset = Company.objects.with_counts()
    paginate_by = 50


class CompanyDetailView(DetailView):
    queryset = Company.objects.select_related("parent").prefetch_related(
        "subsidiaries",
        "people",
        Prefetch(
            "participations",
            queryset=Participant.objects.filter(partnership__status__in=Partnership.PUBLIC_STATUSES)
            .select_related("partnership")
            .order_by("-partnership__announced_on"),
        ),
    )


class PartnershipListView(ListView):
    queryset = Partnership.objects.public().select_related("project").prefetch_related("participants__company")
    paginate_by = 50


class PartnershipDetailView(DetailView):
    queryset = (
        Partnership.objects.public()
        .select_related("project")
        .prefetch_related(
            "participants__company",
            Prefetch("evidence", queryset=Evidence.objects.select_related("article")),
        )
    )


class PersonDetailView(DetailView):
    queryset = Person.objects.select_related("organisation")
