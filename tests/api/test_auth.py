"""Who may write: tokens for scripts, sessions with CSRF for the browsable API, rate limits."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_token_from_drf_create_token_authenticates_writes(db, api, user_with):
    user = user_with("add_company")
    call_command("drf_create_token", user.username)
    token = Token.objects.get(user=user)

    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.post("/api/v1/companies/", {"name": "Upstage"}, format="json")

    assert response.status_code == 201


def test_bad_token_is_refused(db, api):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.get("/api/v1/companies/")

    assert response.status_code == 403
    assert response.json() == {"detail": "Invalid token."}


def test_session_writes_need_the_csrf_token(db, user_with):
    user_with("add_company")
    browser = APIClient(enforce_csrf_checks=True)
    browser.login(username="writer", password="a-long-test-password")

    refused = browser.post("/api/v1/companies/", {"name": "Upstage"}, format="json")
    browser.get("/api/auth/login/")  # sets the CSRF cookie, as the browsable API's page does
    accepted = browser.post(
        "/api/v1/companies/",
        {"name": "Upstage"},
        format="json",
        HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value,
    )

    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert accepted.status_code == 201


def test_anonymous_requests_are_throttled_with_retry_after(db, api, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "100/minute"},
    }
    cache.clear()

    statuses = [api.get("/api/v1/companies/").status_code for _ in range(4)]
    refused = api.get("/api/v1/stats/")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"]


def test_signed_in_users_have_their_own_allowance(db, api, settings, user_with):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": "100/minute"},
    }
    cache.clear()
    api.get("/api/v1/companies/")
    api.force_authenticate(user_with("view_company"))

    assert api.get("/api/v1/companies/").status_code == 200
