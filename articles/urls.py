"""Routes of the browsable site and its feeds."""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("companies/", views.company_list, name="company-list"),
    path("companies/<slug:slug>/", views.company_detail, name="company-detail"),
    path("companies/<slug:slug>/feed/", feeds.CompanyFeed(), name="feed-company"),
    path("companies/<slug:slug>/feed/atom/", feeds.CompanyAtomFeed(), name="feed-company-atom"),
    path("partnerships/", views.partnership_list, name="partnership-list"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("network/", views.network, name="network"),
    path("search/", views.search, name="search"),
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed-latest"),
    path("feeds/latest/atom/", feeds.LatestArticlesAtomFeed(), name="feed-latest-atom"),
    path("feeds/articles/", feeds.FilteredArticlesFeed(), name="feed-articles"),
    path("feeds/articles/atom/", feeds.FilteredArticlesAtomFeed(), name="feed-articles-atom"),
    path("feeds/partnerships/", feeds.FilteredPartnershipsFeed(), name="feed-partnerships"),
    path("feeds/partnerships/atom/", feeds.FilteredPartnershipsAtomFeed(), name="feed-partnerships-atom"),
]
