"""Writes that touch several models. The API, the admin, the commands and the ingestion pipeline all
call these; none re-implements them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Article, Company, Evidence, Participant, Partnership, Project


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
) -> Partnership:
    """Create a partnership with its participants and evidence, all or nothing."""
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
    return partnership


@transaction.atomic
def partnership_update(
    *,
    partnership: Partnership,
    participants: Sequence[ParticipantSpec] | None = None,
    evidence: Sequence[EvidenceSpec] | None = None,
    **fields,
) -> Partnership:
    """Change a partnership's fields; when participants or evidence are given they replace the old
    ones (rows that stay keep their identity)."""
    allowed = {"title", "slug", "kind", "status", "announced_on", "ended_on", "description", "project"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"partnership_update() got unknown fields: {', '.join(sorted(unknown))}")
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
    return partnership


@transaction.atomic
def evidence_add(*, partnership: Partnership, article: Article, quote: str) -> tuple[Evidence, bool]:
    """Add a sentence as evidence for a partnership; returns (evidence, created)."""
    _validate_evidence([EvidenceSpec(article=article, quote=quote)])
    return Evidence.objects.get_or_create(partnership=partnership, article=article, quote=quote)


def _unique(evidence: Iterable[EvidenceSpec]) -> list[EvidenceSpec]:
    return list(dict.fromkeys(evidence))
