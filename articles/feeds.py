"""RSS and Atom feeds: the latest articles, a company's news, and any filtered list of articles or
partnerships (the same query string as the list page), so a reader can follow any view."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .forms import ArticleFilterForm, PartnershipFilterForm
from .models import Article, Company, Partnership

FEED_SIZE = 30


def _as_datetime(value):
    if isinstance(value, dt.datetime) or value is None:
        return value
    return dt.datetime.combine(value, dt.time(12), tzinfo=dt.UTC)


class ArticleItems:
    """Item fields for articles."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.author or item.source or None


class LatestArticlesFeed(ArticleItems, Feed):
    title = "Alliance Tracker: latest articles"
    description = "The newest articles about corporate alliances."

    def link(self):
        return reverse("article-list")

    def items(self):
        return Article.objects.only("title", "slug", "summary", "published_at", "author", "source")[:FEED_SIZE]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


def _filter_form(form_class, request):
    """A filter form whose every value is valid: a feed has no page to show a message on, so a bad
    filter is a 404 rather than a feed silently wider than asked for."""
    form = form_class(request.GET)
    if form.is_bound and not form.is_valid():
        raise Http404("; ".join(form.messages()))
    return form


class FilteredFeedMixin:
    """A feed of a list page's filtered rows: titled by its filters, linking back to that page."""

    form_class: type
    noun: str  # "articles", "partnerships"
    list_url_name: str

    def get_object(self, request):
        return _filter_form(self.form_class, request)

    def title(self, form):
        described = ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in form.query_params().items())
        return f"Alliance Tracker: {self.noun}" + (f" ({described})" if described else "")

    def link(self, form):
        query = urlencode(form.query_params())
        return reverse(self.list_url_name) + (f"?{query}" if query else "")


class FilteredArticlesFeed(FilteredFeedMixin, ArticleItems, Feed):
    description = "Articles about corporate alliances matching a filter."
    form_class, noun, list_url_name = ArticleFilterForm, "articles", "article-list"

    def items(self, form):
        articles = Article.objects.only("title", "slug", "summary", "published_at", "author", "source")
        return form.filter(articles)[:FEED_SIZE]


class FilteredArticlesAtomFeed(FilteredArticlesFeed):
    feed_type = Atom1Feed
    subtitle = FilteredArticlesFeed.description


class FilteredPartnershipsFeed(FilteredFeedMixin, Feed):
    description = "Public partnerships between companies matching a filter, newest first."
    form_class, noun, list_url_name = PartnershipFilterForm, "partnerships", "partnership-list"

    def items(self, form):
        partnerships = Partnership.objects.public().with_first_reported().order_by("-created_at", "-id")
        return form.filter(partnerships)[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} ({item.get_status_display()})"

    def item_description(self, item):
        return item.description

    def item_pubdate(self, item):
        return _as_datetime(item.announced_on) or item.first_reported_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class FilteredPartnershipsAtomFeed(FilteredPartnershipsFeed):
    feed_type = Atom1Feed
    subtitle = FilteredPartnershipsFeed.description


class CompanyFeed(Feed):
    """A company's news: the articles naming it and the public partnerships it takes part in, newest
    first."""

    def get_object(self, request, slug):
        return get_object_or_404(Company.objects.only("name", "slug"), slug=slug)

    def title(self, company):
        return f"Alliance Tracker: {company.name}"

    def link(self, company):
        return company.get_absolute_url()

    def description(self, company):
        return f"Articles naming {company.name} and its partnerships."

    def items(self, company):
        articles = Article.objects.mentioning(company).only(
            "title", "slug", "summary", "published_at", "author", "source"
        )[:FEED_SIZE]
        partnerships = Partnership.objects.public().involving(company).with_first_reported()[:FEED_SIZE]
        items = [*articles, *partnerships]
        items.sort(key=self.item_pubdate, reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        if isinstance(item, Partnership):
            return f"Partnership: {item.title} ({item.get_status_display()})"
        return item.title

    def item_description(self, item):
        return item.description if isinstance(item, Partnership) else item.summary

    def item_pubdate(self, item):
        if isinstance(item, Partnership):
            return _as_datetime(item.announced_on) or item.first_reported_at or item.created_at
        return item.published_at


class CompanyAtomFeed(CompanyFeed):
    feed_type = Atom1Feed

    def subtitle(self, company):
        return self.description(company)
