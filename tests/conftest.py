"""Shared fixtures: the seed data set and users with different rights."""

import pytest
from django.contrib.auth.models import Permission

from articles.seed import seed_load


@pytest.fixture
def seeded(db):
    """The source article and everything it states, as `manage.py seed` loads it."""
    seed_load()


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "a-long-test-password")


@pytest.fixture
def editor(django_user_model):
    """Staff who may view articles and change partnerships, and nothing else."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", "a-long-test-password")
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles",
            codename__in=["view_article", "view_partnership", "change_partnership"],
        )
    )
    return user


@pytest.fixture
def ingested(seeded):
    """One article through the ingestion pipeline on top of the seed (a proposed partnership awaiting
    review and an unknown organisation), and a feed subscription."""
    from articles.ingest.pipeline import article_ingest
    from articles.models import Feed

    Feed.objects.create(url="https://news.example.com/feed.xml", title="Example News")
    return article_ingest(
        title="Naver and Oracle sign cloud deal",
        text="Naver signed a cloud partnership with Oracle on Monday. Acme Robotics Inc. also joined the talks.",
        url="https://news.example.com/naver-oracle",
        source="Example News",
    )
