"""An article's text as HTML: escaped, in paragraphs, evidence marked, company names linked."""

from dataclasses import dataclass

from articles.models import Company
from articles.templatetags.tracker import highlight_body


@dataclass
class Quote:
    pk: int
    quote: str


def company(pk, name, slug, aliases=()):
    return Company(pk=pk, name=name, slug=slug, aliases=list(aliases))


def test_text_is_escaped_and_split_into_paragraphs_on_blank_lines():
    html = highlight_body("A <script>x</script> & b.\nSame paragraph.\n\nSecond.")
    assert html == "<p>A &lt;script&gt;x&lt;/script&gt; &amp; b.<br>Same paragraph.</p>\n<p>Second.</p>"


def test_each_quote_is_marked_with_its_evidence_id_and_names_are_linked_inside_it():
    body = "Intro. Acme Corp signed with Beta. Outro."
    html = highlight_body(
        body,
        evidence=[Quote(7, "Acme Corp signed with Beta.")],
        companies=[company(1, "Acme", "acme", ["Acme Corp"]), company(2, "Beta", "beta")],
    )
    assert html == (
        '<p>Intro. <mark id="evidence-7" class="evidence"><a class="mention" href="/companies/acme/">Acme Corp</a>'
        ' signed with <a class="mention" href="/companies/beta/">Beta</a>.</mark> Outro.</p>'
    )


def test_overlapping_quotes_share_one_mark_with_an_anchor_for_each():
    body = "One two three four five."
    html = highlight_body(body, evidence=[Quote(1, "One two three"), Quote(2, "three four"), Quote(3, "One two three")])
    assert html == (
        '<p><mark id="evidence-1" class="evidence"><span id="evidence-3" class="anchor"></span>'
        '<span id="evidence-2" class="anchor"></span>One two three four</mark> five.</p>'
    )


def test_a_quote_across_paragraphs_is_marked_in_each_with_the_id_on_the_first():
    html = highlight_body(
        "Start. End of one.\n\nStart of two. Tail.", evidence=[Quote(4, "End of one.\n\nStart of two.")]
    )
    assert html == (
        '<p>Start. <mark id="evidence-4" class="evidence">End of one.</mark></p>\n'
        '<p><mark class="evidence">Start of two.</mark> Tail.</p>'
    )


def test_a_name_straddling_a_quote_boundary_is_left_unlinked():
    html = highlight_body("Big Co wins.", evidence=[Quote(1, "Co wins.")], companies=[company(1, "Big Co", "big-co")])
    assert "<a " not in html and '<mark id="evidence-1" class="evidence">Co wins.</mark>' in html


def test_a_quote_missing_from_the_text_is_skipped():
    assert "<mark" not in highlight_body("Nothing here.", evidence=[Quote(1, "Elsewhere.")])
