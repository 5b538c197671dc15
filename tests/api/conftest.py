"""Fixtures of the API tests: a client, and throttling lifted so that a test is never refused by the
requests of the tests before it (tests/api/test_throttling.py sets its own low rates)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from articles.models import Article, Company, Partnership
from articles.services import EvidenceSpec, ParticipantSpec, partnership_create


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Users are made in many tests; the production hasher's deliberate slowness would dominate them.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def user_with(django_user_model):
    """A user holding exactly the given articles.* permissions, e.g. user_with("add_partnership")."""

    def make(*codenames, username="writer"):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "a-long-test-password")
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )
        return django_user_model.objects.get(pk=user.pk)  # fresh, without a stale permission cache

    return make


@pytest.fixture
def reviewer(user_with):
    return user_with("change_partnership", username="reviewer")


@pytest.fixture
def proposed(seeded):
    """A proposal from the ingestion pipeline, awaiting review, between OpenAI and Naver."""
    partnership = partnership_create(
        title="OpenAI and Naver search partnership",
        slug="openai-naver",
        status=Partnership.Status.PROPOSED,
        participants=[
            ParticipantSpec(company=Company.objects.get(slug="openai")),
            ParticipantSpec(company=Company.objects.get(slug="naver")),
        ],
        evidence=[EvidenceSpec(article=Article.objects.get(), quote=Article.objects.get().body.split(". ")[0])],
    )
    return partnership
