"""Writes that touch several models. The API, the admin, the commands and the ingestion pipeline all
call these; none re-implements them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Article, Company, Evidence, Participant, Partnership, PartnershipChange, Project

# Fields of a partnership whose changes the audit trail records.
AUDITED_FIELDS = ("title", "slug", "kind", "status", "announced_on", "ended_on", "description", "project")


@dataclass(frozen=True)
class ParticipantSpec:
    company: Company
    role: str = ""


@dataclass(frozen=True)
class EvidenceSpec:
    article: Article
    quote: str


def _validate_participants(participants: Sequence[ParticipantSpec]) -> None:
    companies = [p.company.pk for p in participants]
    if len(set(companies)) != len(companies):
        raise ValidationError({"participants": "A partnership cannot list the same company twice."})
    if len(companies) < 2:
        raise ValidationError({"participants": "A partnership needs two or more distinct companies."})


def _validate_evidence(evidence: Iterable[EvidenceSpec]) -> None:
    for item in evidence:
        if not item.quote.strip():
            raise ValidationError({"evidence": "An evidence quote cannot be empty."})
        if item.quote not in item.article.body:
            raise ValidationError(
                {"evidence": f"The quote “{item.quote[:60]}…” does not appear word for word in “{item.article}”."}
            )


@transaction.atomic
def partnership_create(
    *,
    title: str,
    participants: Sequence[ParticipantSpec],
    evidence: Sequence[EvidenceSpec] = (),
    kind: str = Partnership.Kind.STRATEGIC_ALLIANCE,
    status: str = Partnership.Status.ANNOUNCED,
    announced_on: date | None = None,
    ended_on: date | None = None,
    description: str = "",
    project: Project | None = None,
    slug: str = "",
    actor=None,
    note: str = "",
) -> Partnership:
    """Create a partnership with its participants and evidence, all or nothing; `actor` (a user, or
    None for the system) is recorded in the audit trail."""
    _validate_participants(participants)
    _validate_evidence(evidence)
    partnership = Partnership(
        title=title,
        slug=slug,
        kind=kind,
        status=status,
        announced_on=announced_on,
        ended_on=ended_on,
        description=description,
        project=project,
    )
    partnership.full_clean(exclude=["slug"] if not slug else None)
    partnership.save()
    Participant.objects.bulk_create(
        Participant(partnership=partnership, company=p.company, role=p.role) for p in participants
    )
    Evidence.objects.bulk_create(
        Evidence(partnership=partnership, article=e.article, quote=e.quote) for e in _unique(evidence)
    )
    partnership_record_change(
        partnership=partnership,
        actor=actor,
        action=PartnershipChange.Action.CREATED,
        changes={
            **{name: [None, _audit_value(getattr(partnership, name))] for name in AUDITED_FIELDS},
            "participants": [None, _participant_names(partnership)],
            "evidence": [None, _quotes(partnership)],
        },
        note=note,
    )
    return partnership


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    participants: Sequence[ParticipantSpec] | None = None,
    evidence: Sequence[EvidenceSpec] | None = None,
    actor=None,
    action: str = PartnershipChange.Action.CHANGED,
    note: str = "",
    **fields,
) -> Partnership:
    """Change a partnership's fields; when participants or evidence are given they replace the old
    ones (rows that stay keep their identity). What changed is recorded in the audit trail."""
    unknown = set(fields) - set(AUDITED_FIELDS)
    if unknown:
        raise TypeError(f"partnership_update() got unknown fields: {', '.join(sorted(unknown))}")
    before = {name: _audit_value(getattr(partnership, name)) for name in AUDITED_FIELDS}
    before_participants = _participant_names(partnership) if participants is not None else None
    before_quotes = _quotes(partnership) if evidence is not None else None
    for name, value in fields.items():
        setattr(partnership, name, value)
    partnership.full_clean()
    partnership.save()

    if participants is not None:
        _validate_participants(participants)
        wanted = {p.company.pk: p.role for p in participants}
        partnership.participants.exclude(company_id__in=wanted).delete()
        existing = {p.company_id: p for p in partnership.participants.all()}
        for company_id, role in wanted.items():
            if company_id in existing:
                if existing[company_id].role != role:
                    existing[company_id].role = role
                    existing[company_id].save(update_fields=["role"])
            else:
                Participant.objects.create(partnership=partnership, company_id=company_id, role=role)

    if evidence is not None:
        _validate_evidence(evidence)
        keep = set()
        for item in _unique(evidence):
            row, _ = Evidence.objects.get_or_create(partnership=partnership, article=item.article, quote=item.quote)
            keep.add(row.pk)
        partnership.evidence.exclude(pk__in=keep).delete()

    changes = {
        name: [before[name], _audit_value(getattr(partnership, name))]
        for name in AUDITED_FIELDS
        if before[name] != _audit_value(getattr(partnership, name))
    }
    if before_participants is not None and before_participants != (after := _participant_names(partnership)):
        changes["participants"] = [before_participants, after]
    if before_quotes is not None and before_quotes != (after := _quotes(partnership)):
        changes["evidence"] = [before_quotes, after]
    if action == PartnershipChange.Action.CHANGED and "status" in changes:
        action = _review_action(before["status"], partnership.status)
    if changes or action != PartnershipChange.Action.CHANGED:
        partnership_record_change(partnership=partnership, actor=actor, action=action, changes=changes, note=note)
    return partnership


@transaction.atomic
def evidence_add(*, partnership: Partnership, article: Article, quote: str, actor=None) -> tuple[Evidence, bool]:
    """Add a sentence as evidence for a partnership; returns (evidence, created)."""
    _validate_evidence([EvidenceSpec(article=article, quote=quote)])
    evidence, created = Evidence.objects.get_or_create(partnership=partnership, article=article, quote=quote)
    if created:
        partnership_record_change(
            partnership=partnership,
            actor=actor,
            action=PartnershipChange.Action.EVIDENCE_ADDED,
            changes={"evidence": [None, [quote]], "article": [None, article.slug]},
        )
    return evidence, created


@transaction.atomic
def partnership_confirm(*, partnership: Partnership, actor, status: str | None = None, note: str = "") -> Partnership:
    """Confirm a proposed partnership: it takes the status its wording implied (or `status`) and
    becomes public."""
    if partnership.status != Partnership.Status.PROPOSED:
        raise ValidationError(
            {"status": f"Only proposed partnerships can be confirmed; this one is {partnership.status}."}
        )
    proposal = getattr(partnership, "proposal", None)
    status = status or (proposal.inferred_status if proposal else Partnership.Status.ANNOUNCED)
    if status not in Partnership.PUBLIC_STATUSES:
        raise ValidationError({"status": f"“{status}” is not a status a confirmed partnership can have."})
    return partnership_update(
        partnership=partnership, actor=actor, action=PartnershipChange.Action.CONFIRMED, note=note, status=status
    )


@transaction.atomic
def partnership_reject(*, partnership: Partnership, actor, note: str = "") -> Partnership:
    """Turn down a proposed partnership; it stays stored so that its sentences do not propose it again."""
    if partnership.status != Partnership.Status.PROPOSED:
        raise ValidationError(
            {"status": f"Only proposed partnerships can be rejected; this one is {partnership.status}."}
        )
    return partnership_update(
        partnership=partnership,
        actor=actor,
        action=PartnershipChange.Action.REJECTED,
        note=note,
        status=Partnership.Status.REJECTED,
    )


def partnership_snapshot(partnership: Partnership) -> dict:
    """The audited state of a partnership, to compare before and after an edit made elsewhere (the admin's
    form and inlines save the rows themselves)."""
    return {
        **{name: _audit_value(getattr(partnership, name)) for name in AUDITED_FIELDS},
        "participants": _participant_names(partnership),
        "evidence": _quotes(partnership),
    }


def partnership_record_edit(*, partnership: Partnership, before: dict | None, actor, note: str = "") -> None:
    """Record what an edit changed since `before` (None: the partnership was just created). Leaving
    `proposed` for a public status counts as a confirmation, for `rejected` as a rejection."""
    after = partnership_snapshot(partnership)
    if before is None:
        changes = {name: [None, value] for name, value in after.items()}
        action = PartnershipChange.Action.CREATED
    else:
        changes = {name: [before[name], value] for name, value in after.items() if before[name] != value}
        action = _review_action(before["status"], partnership.status)
    if changes:
        partnership_record_change(partnership=partnership, actor=actor, action=action, changes=changes, note=note)


def _review_action(before_status: str, after_status: str) -> str:
    """The audit action of a status change, however it was made (API, admin, service): leaving
    `proposed` for a public status is a confirmation, for `rejected` a rejection."""
    if before_status != Partnership.Status.PROPOSED or before_status == after_status:
        return PartnershipChange.Action.CHANGED
    if after_status == Partnership.Status.REJECTED:
        return PartnershipChange.Action.REJECTED
    return PartnershipChange.Action.CONFIRMED


def partnership_record_change(
    *, partnership: Partnership, actor, action: str, changes: dict, note: str = ""
) -> PartnershipChange:
    """Append one entry to the partnership's audit trail."""
    return PartnershipChange.objects.create(
        partnership=partnership,
        partnership_title=partnership.title,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        changes=changes,
        note=note[:500],
    )


def _audit_value(value):
    """A JSON-friendly form of a field value for the audit trail."""
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _participant_names(partnership: Partnership) -> list[str]:
    return [
        f"{p.company.name} ({p.role})" if p.role else p.company.name
        for p in partnership.participants.select_related("company").order_by("company__name")
    ]


def _quotes(partnership: Partnership) -> list[str]:
    return list(partnership.evidence.order_by("id").values_list("quote", flat=True))


def _unique(evidence: Iterable[EvidenceSpec]) -> list[EvidenceSpec]:
    return list(dict.fromkeys(evidence))
