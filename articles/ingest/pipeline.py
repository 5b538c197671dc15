"""The pipeline behind every input: store an article once, link the companies and people it names,
propose the partnerships it reports (or add evidence to known ones) and note unknown organisations."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    Article,
    Company,
    Evidence,
    Mention,
    OrganisationSuggestion,
    Participant,
    Partnership,
    PartnershipProposal,
    PersonMention,
)
from ..models.articles import content_hash
from ..services import EvidenceSpec, ParticipantSpec, evidence_add, partnership_create
from .linking import company_index, person_matcher
from .proposing import Proposal, propose, unknown_organisations
from .readers import ArticleInput, IngestError, extract_html, max_bytes


class UpdateRefused(IngestError):
    """The article is stored already and the actor may add articles but not change them."""


@dataclass
class IngestResult:
    outcome: str  # "created", "updated" or "duplicate"
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    # Partnerships the article proposed (created=True) or added evidence to (created=False).
    partnerships: list[tuple[Partnership, bool]] = field(default_factory=list)
    suggestions: int = 0

    def summary(self) -> dict:
        """JSON-friendly: what a task returns and the commands count."""
        return {
            "outcome": self.outcome,
            "article": self.article.slug,
            "mentions": len(self.mentions),
            "proposed": sum(created for _, created in self.partnerships),
            "evidence_added": sum(not created for _, created in self.partnerships),
            "suggestions": self.suggestions,
        }


def article_ingest(
    *,
    title: str = "",
    text: str = "",
    html: str = "",
    url: str = "",
    source: str = "",
    author: str = "",
    published_at: dt.datetime | None = None,
    actor=None,
) -> IngestResult:
    """Ingest one article in its own transaction: all of it is saved, or nothing (IngestError says why).
    The same URL or the same normalised text a second time is a duplicate; the same URL with new text
    updates the article, if the actor (None: the system) may change articles, else UpdateRefused."""
    item = _prepare(ArticleInput(title, text, html, url, source, author, published_at))
    try:
        with transaction.atomic():
            return _ingest(item, actor)
    except IntegrityError:
        # Another process stored the same story between our check and our insert.
        duplicate = _find_duplicate(item)
        if duplicate is None:
            raise
        return IngestResult("duplicate", duplicate)


def ingest_input(item: ArticleInput, *, actor=None) -> IngestResult:
    return article_ingest(
        title=item.title,
        text=item.text,
        html=item.html,
        url=item.url,
        source=item.source,
        author=item.author,
        published_at=item.published_at,
        actor=actor,
    )


def _prepare(item: ArticleInput) -> ArticleInput:
    if item.html and not item.text:
        extracted = extract_html(item.html, url=item.url, origin=item.url or "html")
        item.text = extracted.text
        item.title = item.title or extracted.title
        item.url = item.url or extracted.url
        item.author = item.author or extracted.author
        item.source = item.source or extracted.source
        item.published_at = item.published_at or extracted.published_at
    item.title = " ".join((item.title or "").split())
    item.text = (item.text or "").strip()
    if not item.title:
        raise IngestError("An article needs a title.")
    if not item.text:
        raise IngestError(f"“{item.title[:60]}”: no article text.")
    if len(item.text.encode()) > max_bytes():
        raise IngestError(f"“{item.title[:60]}”: the text is larger than the {max_bytes():,}-byte limit.")
    if "\x00" in item.text:
        raise IngestError(f"“{item.title[:60]}”: the text contains binary data.")
    item.title = item.title[:500]
    item.source, item.author = item.source[:200], item.author[:200]
    return item


def _find_duplicate(item: ArticleInput) -> Article | None:
    if item.url and (article := Article.objects.filter(url=item.url).first()):
        return article
    return Article.objects.filter(content_hash=content_hash(item.text)).first()


def _ingest(item: ArticleInput, actor) -> IngestResult:
    article = Article.objects.filter(url=item.url).first() if item.url else None
    same_text = Article.objects.filter(content_hash=content_hash(item.text)).first()
    if same_text is not None:
        return IngestResult("duplicate", same_text)
    outcome = "created"
    if article is None:
        article = Article(url=item.url)
    else:
        if actor is not None and not actor.has_perm("articles.change_article"):
            raise UpdateRefused(
                f"{item.url}: an article with this URL is stored already; replacing its text needs the "
                "permission to change articles."
            )
        outcome = "updated"
        kept = set(Evidence.objects.filter(article=article).values_list("quote", flat=True))
        dropped = [quote for quote in kept if quote not in item.text]
        if dropped:
            raise IngestError(
                f"{item.url}: the new text no longer contains {len(dropped)} sentence(s) quoted as evidence; "
                "edit the article in the admin instead."
            )
    article.title = item.title
    article.body = item.text
    article.source = item.source or article.source
    article.author = item.author or article.author
    article.published_at = item.published_at or article.published_at or timezone.now()
    try:
        # Constraints are the database's job (and checked above for duplicates); fields are checked here.
        article.full_clean(
            exclude=["slug", "content_hash", "search_vector"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise IngestError(f"“{item.title[:60]}”: {'; '.join(error.messages)}") from None
    article.save()

    index = company_index()
    full_text = f"{article.title}\n{article.body}"
    company_matches = index.matcher.find(full_text)
    person_matches = person_matcher().find(full_text)
    if outcome == "updated":
        article.mentions.all().delete()
        article.person_mentions.all().delete()
    mentions = Mention.objects.bulk_create(
        Mention(article=article, company_id=key, count=n) for key, n in Counter(m.key for m in company_matches).items()
    )
    PersonMention.objects.bulk_create(
        PersonMention(article=article, person_id=key, count=n)
        for key, n in Counter(m.key for m in person_matches).items()
    )
    partnerships = _record_proposals(article, propose(article.body, index.matcher, index.parents), actor)
    suggestions = _record_suggestions(article, unknown_organisations(full_text, company_matches + person_matches))
    return IngestResult(outcome, article, mentions, partnerships, suggestions)


def _record_proposals(article: Article, proposals: list[Proposal], actor) -> list[tuple[Partnership, bool]]:
    """Add each proposal as evidence to the known partnerships it reports (see _known_partnerships), or
    propose a new one. Rejected partnerships never get evidence, and a sentence once rejected proposes
    nothing."""
    if not proposals:
        return []
    company_ids = set().union(*(p.companies for p in proposals))
    # One query: every partnership involving any of the companies, with all its participants.
    rows = Participant.objects.filter(
        partnership__in=Participant.objects.filter(company_id__in=company_ids).values("partnership_id")
    ).values_list("partnership_id", "company_id", "partnership__status")
    members: dict[int, set] = {}
    statuses: dict[int, str] = {}
    for partnership_id, company_id, status in rows:
        members.setdefault(partnership_id, set()).add(company_id)
        statuses[partnership_id] = status
    rejected_quotes = set(
        Evidence.objects.filter(
            partnership_id__in=[pk for pk, s in statuses.items() if s == Partnership.Status.REJECTED],
            quote__in=[p.sentence for p in proposals],
        ).values_list("partnership_id", "quote")
    )
    companies = Company.objects.in_bulk(company_ids)
    chosen: dict[int, Partnership] = {}
    results: dict[int, tuple[Partnership, bool]] = {}
    for proposal in proposals:
        live = {pk: members[pk] for pk, s in statuses.items() if s != Partnership.Status.REJECTED}
        public = {pk for pk in live if statuses[pk] in Partnership.PUBLIC_STATUSES}
        targets = _known_partnerships(proposal.companies, live, public)
        for target in targets:
            partnership = chosen.get(target) or Partnership.objects.get(pk=target)
            chosen[target] = partnership
            evidence_add(partnership=partnership, article=article, quote=proposal.sentence, actor=actor)
            results.setdefault(target, (partnership, False))
        if targets:
            continue
        if any((pk, proposal.sentence) in rejected_quotes for pk in statuses if members[pk] >= proposal.companies):
            continue
        partnership = _propose(article, proposal, [companies[pk] for pk in proposal.companies], actor)
        members[partnership.pk] = set(proposal.companies)
        statuses[partnership.pk] = partnership.status
        chosen[partnership.pk] = partnership
        results[partnership.pk] = (partnership, True)
    return list(results.values())


def _known_partnerships(companies: frozenset, members: dict[int, set], public: set[int]) -> list[int]:
    """The partnerships a company set reports: the one with exactly these companies (a public one
    before a proposal, then the oldest); else the only one that includes them all; else those among
    them that together cover the set ("OpenAI partnered with Kakao and SoftBank" reports OpenAI–Kakao
    and OpenAI–SoftBank)."""
    exact = [pk for pk, group in members.items() if group == companies]
    if exact:
        return [min(exact, key=lambda pk: (pk not in public, pk))]
    wider = [pk for pk, group in members.items() if group > companies]
    if len(wider) == 1:
        return wider
    narrower = [pk for pk, group in members.items() if group < companies]
    if narrower and set().union(*(members[pk] for pk in narrower)) == companies:
        return narrower
    return []


def _propose(article, proposal: Proposal, companies: list[Company], actor) -> Partnership:
    ordered = sorted(companies, key=lambda c: c.name.lower())
    kind = Partnership.Kind(proposal.kind)
    title = f"{' and '.join(c.name for c in ordered)}: {kind.label.lower()}"
    partnership = partnership_create(
        title=title[:300],
        participants=[ParticipantSpec(company=c) for c in ordered],
        evidence=[EvidenceSpec(article=article, quote=proposal.sentence)],
        kind=kind,
        status=Partnership.Status.PROPOSED,
        actor=actor,
        note=f"Proposed by ingestion from “{article.title}” (wording suggests: {proposal.status}).",
    )
    PartnershipProposal.objects.create(
        partnership=partnership, article=article, sentence=proposal.sentence, inferred_status=proposal.status
    )
    return partnership


def _record_suggestions(article: Article, found: Counter) -> int:
    """Suggest the names not dismissed before and not yet suggested from this article; how many."""
    # Names as they are stored (cut to the field's length), so the checks below compare like with like.
    longest = OrganisationSuggestion._meta.get_field("name").max_length
    names: Counter = Counter()
    for name, count in found.items():
        names[name[:longest]] += count
    if not names:
        return 0
    skipped = set(
        OrganisationSuggestion.objects.filter(name__in=list(names))
        .filter(Q(status=OrganisationSuggestion.Status.DISMISSED) | Q(article=article))
        .values_list("name", flat=True)
    )
    rows = OrganisationSuggestion.objects.bulk_create(
        OrganisationSuggestion(article=article, name=name, count=count)
        for name, count in names.items()
        if name not in skipped
    )
    return len(rows)
