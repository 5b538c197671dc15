"""Reviewing proposals: confirm and reject (services and admin), audited admin edits, suggestions,
and the admin's add-from-text form."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Company, Feed, OrganisationSuggestion, Partnership, PartnershipChange, PartnershipProposal
from articles.services import partnership_confirm, partnership_reject

pytestmark = pytest.mark.django_db


def proposed(ingested) -> Partnership:
    [(partnership, created)] = ingested.partnerships
    assert created
    return partnership


def test_confirming_applies_the_inferred_status_and_is_audited(ingested, superuser):
    partnership = partnership_confirm(partnership=proposed(ingested), actor=superuser)
    assert partnership.status == Partnership.Status.ANNOUNCED
    assert partnership in Partnership.objects.public()
    change = partnership.changes.first()
    assert (change.action, change.actor, change.changes["status"]) == (
        "confirmed",
        superuser,
        ["proposed", "announced"],
    )


def test_rejecting_hides_the_partnership_for_good_and_is_audited(ingested, superuser):
    partnership = partnership_reject(partnership=proposed(ingested), actor=superuser)
    assert partnership.status == Partnership.Status.REJECTED
    assert partnership not in Partnership.objects.public()
    assert partnership.changes.first().action == PartnershipChange.Action.REJECTED


def test_only_proposed_partnerships_can_be_confirmed(seeded, superuser):
    with pytest.raises(ValidationError):
        partnership_confirm(partnership=Partnership.objects.get(slug="openai-kakao"), actor=superuser)


def test_the_review_queue_lists_pending_proposals_and_confirms_them_in_bulk(client, ingested, superuser):
    client.force_login(superuser)
    url = reverse("admin:articles_partnershipproposal_changelist")
    page = client.get(url)
    assert "Naver and Oracle" in page.content.decode()
    assert "1 name that look like unknown organisations" in page.content.decode()
    proposal = PartnershipProposal.objects.get()
    response = client.post(url, {"action": "confirm_selected", "_selected_action": [proposal.pk]}, follow=True)
    assert response.status_code == 200
    proposal.partnership.refresh_from_db()
    assert proposal.partnership.status == Partnership.Status.ANNOUNCED
    assert "Naver and Oracle" not in client.get(url).content.decode()


def test_bulk_reject_from_the_partnership_list_skips_ones_not_awaiting_review(client, ingested, superuser):
    client.force_login(superuser)
    known = Partnership.objects.get(slug="openai-kakao")
    pending = proposed(ingested)
    client.post(
        reverse("admin:articles_partnership_changelist"),
        {"action": "reject_selected", "_selected_action": [pending.pk, known.pk]},
    )
    pending.refresh_from_db()
    known.refresh_from_db()
    assert (pending.status, known.status) == ("rejected", "announced")


def test_staff_without_change_permission_cannot_confirm(client, ingested, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", is_staff=True)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_partnershipproposal"))
    client.force_login(viewer)
    proposal = PartnershipProposal.objects.get()
    client.post(
        reverse("admin:articles_partnershipproposal_changelist"),
        {"action": "confirm_selected", "_selected_action": [proposal.pk]},
    )
    proposal.partnership.refresh_from_db()
    assert proposal.partnership.status == Partnership.Status.PROPOSED


def test_an_admin_edit_of_a_partnership_and_its_inlines_is_audited(client, seeded, superuser):
    client.force_login(superuser)
    partnership = Partnership.objects.get(slug="openai-softbank")
    url = reverse("admin:articles_partnership_change", args=[partnership.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(title="OpenAI and SoftBank Group alliance (renamed)", status="active")
    for inline in client.get(url).context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value if value is not None else ""
        for i, sub in enumerate(formset.forms):
            for name in sub.fields:
                value = sub[name].value()
                data[f"{formset.prefix}-{i}-{name}"] = value.pk if hasattr(value, "pk") else (value or "")
    # Change one participant's role through the inline.
    data["participants-0-role"] = "Investor"
    response = client.post(url, data)
    assert response.status_code == 302
    change = PartnershipChange.objects.filter(partnership=partnership).first()
    assert change.actor == superuser and change.action == "changed"
    assert change.changes["title"][1] == "OpenAI and SoftBank Group alliance (renamed)"
    assert change.changes["status"] == ["announced", "active"]
    assert "participants" in change.changes


def test_a_suggestion_becomes_a_company_only_when_a_reviewer_adds_it(client, ingested, superuser):
    suggestion = OrganisationSuggestion.objects.get(name="Acme Robotics Inc.")
    assert not Company.objects.filter(name="Acme Robotics Inc.").exists()
    client.force_login(superuser)
    client.post(
        reverse("admin:articles_organisationsuggestion_changelist"),
        {"action": "create_companies", "_selected_action": [suggestion.pk]},
    )
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    assert suggestion.company == Company.objects.get(name="Acme Robotics Inc.")


def test_a_dismissed_name_is_not_suggested_again(client, ingested, superuser):
    from articles.ingest.pipeline import article_ingest

    client.force_login(superuser)
    suggestion = OrganisationSuggestion.objects.get()
    client.post(
        reverse("admin:articles_organisationsuggestion_changelist"),
        {"action": "dismiss", "_selected_action": [suggestion.pk]},
    )
    article_ingest(title="Again", text="Acme Robotics Inc. said nothing new on Friday.")
    assert list(OrganisationSuggestion.objects.values_list("status", flat=True)) == ["dismissed"]


def test_the_admin_adds_an_article_from_pasted_text(client, seeded, superuser):
    client.force_login(superuser)
    url = reverse("admin:articles_article_ingest")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Kakao and Naver", "text": "Kakao formed an alliance with Naver on AI search.", "source": "X"}
    )
    assert response.status_code == 302
    assert Partnership.objects.proposed().filter(participants__company__slug="naver").exists()


def test_the_admin_form_explains_what_is_missing(client, seeded, superuser):
    client.force_login(superuser)
    response = client.post(reverse("admin:articles_article_ingest"), {"text": "Text without a title."})
    assert response.status_code == 200
    assert "A title is needed with pasted text." in response.content.decode()


def test_the_add_from_text_form_needs_the_add_article_permission(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:articles_article_ingest")).status_code == 403


def make_proposals(count: int) -> None:
    from articles.ingest.pipeline import article_ingest
    from tests.factories import CompanyFactory

    for n in range(count):
        a, b = CompanyFactory(), CompanyFactory()
        article_ingest(title=f"Deal {n}", text=f"{a.name} signed an agreement with {b.name}. Acme{n} Holdings too.")
        Feed.objects.create(url=f"https://news{n}.example.com/feed.xml")


@pytest.mark.parametrize("size", [1, 20])
@pytest.mark.parametrize("model", ["partnershipproposal", "organisationsuggestion", "feed"])
def test_review_pages_run_a_bounded_number_of_queries(client, superuser, django_assert_max_num_queries, size, model):
    make_proposals(size)
    assert PartnershipProposal.objects.count() == OrganisationSuggestion.objects.count() == size
    client.force_login(superuser)
    # Session, user, count, rows (with participants prefetched), filters and the pending-names count.
    with django_assert_max_num_queries(12):
        assert client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200


def test_a_partnership_page_links_to_its_audit_trail(client, ingested, superuser):
    partnership = proposed(ingested)
    client.force_login(superuser)
    page = client.get(reverse("admin:articles_partnership_change", args=[partnership.pk])).content.decode()
    trail = reverse("admin:articles_partnershipchange_changelist") + f"?partnership__id__exact={partnership.pk}"
    assert trail in page
    listing = client.get(trail)
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == list(partnership.changes.all())
