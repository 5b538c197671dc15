"""Routes of the browsable site."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("companies/", views.CompanyListView.as_view(), name="company-list"),
    path("companies/<slug:slug>/", views.CompanyDetailView.as_view(), name="company-detail"),
    path("partnerships/", views.PartnershipListView.as_view(), name="partnership-list"),
    path("partnerships/<slug:slug>/", views.PartnershipDetailView.as_view(), name="partnership-detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
]
