"""Every admin page renders for a superuser; a limited staff user sees only what they may."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

REGISTERED = [model for model in admin.site._registry if model._meta.app_label == "articles"]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", REGISTERED, ids=lambda m: m.__name__)
def test_changelist_add_and_change_forms_render_for_a_superuser(client, superuser, ingested, model, rf):
    from articles.models import Partnership
    from articles.services import partnership_update

    # One audit-trail entry, so that its page has something to show.
    partnership_update(partnership=Partnership.objects.first(), actor=superuser, status="active")
    client.force_login(superuser)
    assert client.get(admin_url(model, "changelist")).status_code == 200
    assert client.get(admin_url(model, "changelist"), {"q": "Kakao"}).status_code == 200
    request = rf.get("/")
    request.user = superuser
    can_add = admin.site._registry[model].has_add_permission(request)
    assert client.get(admin_url(model, "add")).status_code == (200 if can_add else 403)
    obj = model.objects.first()
    assert obj is not None, f"the seed has no {model.__name__}"
    assert client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_every_domain_model_is_registered():
    from django.apps import apps

    assert set(apps.get_app_config("articles").get_models()) <= set(admin.site._registry)


def test_company_change_form_links_to_its_partnerships(client, superuser, seeded):
    from articles.models import Company

    client.force_login(superuser)
    kakao = Company.objects.get(slug="kakao")
    page = client.get(admin_url(Company, "change", kakao.pk)).content.decode()
    assert "OpenAI and Kakao strategic partnership" in page


def test_aliases_are_edited_one_per_line(client, superuser, seeded):
    from articles.models import Company

    client.force_login(superuser)
    response = client.post(
        admin_url(Company, "add"),
        {"name": "LG Group", "slug": "lg-group", "aliases": "LG\n LG Corp \n\nLG", "kind": "conglomerate"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Company.objects.get(slug="lg-group").aliases == ["LG", "LG Corp"]


def test_limited_staff_sees_only_what_they_are_permitted(client, editor, seeded):
    from articles.models import Article, Company, Partnership

    client.force_login(editor)
    assert client.get(admin_url(Article, "changelist")).status_code == 200
    assert client.get(admin_url(Partnership, "changelist")).status_code == 200
    assert client.get(admin_url(Company, "changelist")).status_code == 403
    assert client.get(admin_url(Article, "add")).status_code == 403
    article = Article.objects.first()
    assert client.post(admin_url(Article, "delete", article.pk), {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
    index = client.get(reverse("admin:index")).content.decode()
    assert "Partnerships" in index and "Market facts" not in index


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_the_audit_trail_cannot_be_edited_even_by_a_superuser(client, superuser, seeded):
    from articles.models import Partnership, PartnershipChange
    from articles.services import partnership_update

    partnership_update(partnership=Partnership.objects.first(), actor=superuser, status="ended")
    entry = PartnershipChange.objects.get()
    client.force_login(superuser)
    client.post(admin_url(PartnershipChange, "change", entry.pk), {"note": "rewritten"})
    client.post(admin_url(PartnershipChange, "delete", entry.pk), {"post": "yes"})
    entry.refresh_from_db()
    assert entry.note == "" and entry.changes["status"][1] == "ended"


def test_adding_an_article_whose_text_is_stored_says_so(client, superuser, seeded):
    from articles.models import Article

    client.force_login(superuser)
    seed = Article.objects.get()
    response = client.post(
        admin_url(Article, "add"),
        {
            "title": "Copy",
            "slug": "copy",
            "published_at_0": "2025-02-05",
            "published_at_1": "10:00:00",
            "body": seed.body,
            **{
                f"{prefix}-{key}": value
                for prefix in ("mentions", "person_mentions")
                for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
            },
        },
    )
    assert response.status_code == 200
    assert f"already stored as article “{seed.slug}”" in response.content.decode()
    assert Article.objects.count() == 1


def test_a_company_name_that_differs_only_in_spacing_is_refused(client, superuser, seeded):
    from articles.models import Company

    client.force_login(superuser)
    response = client.post(admin_url(Company, "add"), {"name": "SoftBank  Group", "slug": "sb2", "kind": "company"})
    assert response.status_code == 200
    assert "already exists" in response.content.decode()


def test_editing_an_article_cannot_drop_its_evidence_quotes(client, superuser, seeded):
    from articles.models import Article

    seed = Article.objects.get()
    with pytest.raises(Exception) as error:
        seed.validate_body("Completely different text now.")
    assert "drops" in str(error.value)
    seed.validate_body(seed.body + "\n\nA new closing paragraph.")  # adding text is fine
