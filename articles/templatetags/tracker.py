"""Template helpers of the site: an article's text with its evidence highlighted and its company
names linked."""

import re
from dataclasses import dataclass, field

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from articles.ingest.linking import NameMatcher

register = template.Library()

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class _Mark:
    start: int
    end: int
    evidence_ids: list[int] = field(default_factory=list)


def _marks(body: str, evidence) -> list[_Mark]:
    """One <mark> per quoted passage: quotes shared by several partnerships, or overlapping, are merged
    so marks never nest; every evidence id still gets an anchor."""
    found = []
    for item in evidence:
        start = body.find(item.quote)
        if start >= 0:
            found.append((start, start + len(item.quote), item.pk))
    marks: list[_Mark] = []
    for start, end, pk in sorted(found):
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
            marks[-1].evidence_ids.append(pk)
        else:
            marks.append(_Mark(start, end, [pk]))
    return marks


def _paragraphs(body: str):
    start = 0
    for separator in _PARAGRAPH_BREAK.finditer(body):
        yield start, separator.start()
        start = separator.end()
    yield start, len(body)


def highlight_body(body: str, *, evidence=(), companies=()) -> SafeString:
    """The body as escaped HTML paragraphs, each evidence quote wrapped in <mark id="evidence-N"> and
    each name of the given companies linked to its page. Links never straddle a mark."""
    marks = _marks(body, evidence)
    urls = {company.pk: company.get_absolute_url() for company in companies}
    matcher = NameMatcher((company.pk, name) for company in companies for name in company.names)
    links = [
        match
        for match in matcher.find(body)
        if not any(mark.start < match.end and match.start < mark.end for mark in marks)
        or any(mark.start <= match.start and match.end <= mark.end for mark in marks)
    ]
    html = []
    for p_start, p_end in _paragraphs(body):
        if p_start == p_end:
            continue
        # (position, order, tag): at one position closes come before opens, inner before outer.
        tags: list[tuple[int, int, str]] = []
        for mark in marks:
            start, end = max(mark.start, p_start), min(mark.end, p_end)
            if start >= end:
                continue
            if mark.start >= p_start:
                first, *others = mark.evidence_ids
                anchors = "".join(f'<span id="evidence-{pk}" class="anchor"></span>' for pk in others)
                opening = f'<mark id="evidence-{first}" class="evidence">{anchors}'
            else:
                opening = '<mark class="evidence">'
            tags += [(start, 2, opening), (end, 1, "</mark>")]
        for link in links:
            if p_start <= link.start and link.end <= p_end:
                opening = format_html('<a class="mention" href="{}">', urls[link.key])
                tags += [(link.start, 3, opening), (link.end, 0, "</a>")]
        tags.sort(key=lambda tag: (tag[0], tag[1]))
        pieces, cursor = [], p_start
        for position, _, tag in tags:
            pieces.append(escape(body[cursor:position]).replace("\n", "<br>"))
            pieces.append(tag)
            cursor = position
        pieces.append(escape(body[cursor:p_end]).replace("\n", "<br>"))
        html.append("<p>" + "".join(pieces) + "</p>")
    return mark_safe("\n".join(html))  # noqa: S308 - every text piece above is escaped


@register.simple_tag
def article_body(article, evidence, mentions):
    """{% article_body article evidence mentions %}: the highlighted, linked text of an article."""
    return highlight_body(article.body, evidence=evidence, companies=[mention.company for mention in mentions])
