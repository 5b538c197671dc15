"""Find the partnerships an article reports, and names of organisations the tracker does not know.

A sentence (or one clause of it) that names two or more companies together with partnership language
proposes a partnership between them, with the sentence as evidence. Rivalry, earnings, hires, share
moves and lawsuits are not partnerships; a company introduced as someone's rival is left out; companies
of one group (SK Hynix and its parent SK Group) are not partners of each other. The kind and status are
inferred from the wording ("in talks", "considering", "signed").
"""

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..models import Evidence, PartnershipProposal
from .linking import Match, NameMatcher, normalise

# --- Sentences -----------------------------------------------------------------------------------------

# A full stop after these does not end a sentence ("U.S.", "Inc.", "Jay Y. Lee", "Mr.").
_ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "plc", "llc", "mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st", "no", "vs",
    "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]*[A-Z0-9])|\n")
# The word before a full stop, looked for only this far back: every abbreviation is far shorter, and
# searching the whole prefix before each full stop made splitting quadratic in the text's length.
_WORD_BEFORE = re.compile(r"[\w.]*$")
_LOOKBEHIND = 64


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, so that quotes are exact substrings of it."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0) != "\n" and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    result = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            offset = a + len(chunk) - len(chunk.lstrip())
            result.append((offset, offset + len(stripped)))
    return result


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - _LOOKBEHIND), dot).group(0)
    # An initial ("Y." in "Jay Y. Lee") or dotted capitals ("U.S.").
    return word.lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word) is not None


# --- Wording -------------------------------------------------------------------------------------------

PARTNERSHIP_WORDS = re.compile(
    r"\b(?:partner(?:s|ed|ing|ship|ships)?|alliances?|allied|tie-ups?|tied up|team(?:s|ed)? up|"
    r"joint ventures?|jointly|join(?:s|ed)? forces|collaborat\w*|co-?operat(?:e|es|ed|ing|ion)|co-develop\w*|"
    r"work(?:s|ed|ing)? together|invest(?:s|ed|ing|ment|ments)?|stakes? in|funding round|"
    r"(?:will|to|would) supply|suppl(?:ies|ying|ier)|supply (?:deal|agreement|contract|pact)s?|"
    r"licen[cs](?:e|es|ed|ing)|agree(?:s|d|ment|ments)?|deals?|contracts?|pacts?|"
    r"memorandum of understanding|mou|talks|negotiat\w*|acqui(?:re|res|red|ring|sition)|merger|takeover|"
    r"(?:their|its|closer|deepen\w*) ties)\b",
    re.IGNORECASE,
)
NOT_PARTNERSHIP_WORDS = re.compile(
    r"\b(?:rivals?|rivalry|compet(?:e|es|ed|ing|ition|itor|itors)|battle|price war|racing|"
    r"earnings|revenue|profits?|quarterly results|"
    r"hir(?:e|es|ed|ing)|appoint(?:s|ed|ing)?|named .{0,40}? as|"
    r"shares? (?:rose|fell|jumped|surged|slid|slumped|dropped|climbed|gained|plunged|soared)|"
    r"stock (?:rose|fell|jumped|surged|slid|dropped|climbed)|"
    r"sued|sues|suing|lawsuit|court|denied|denies)\b",
    re.IGNORECASE,
)
# A company right after these words is being compared with, not partnering ("rival Naver"); looked for
# within _LOOKBEHIND characters before the name (the words and up to two more fit), not the whole clause.
_RIVAL_BEFORE = re.compile(r"\b(?:rivals?|competitors?|competition with|compete with|unlike)\W+(?:\w+\W+){0,2}$", re.I)
# Comma + a subordinating word starts a new clause ("…, while LG …", "…, a week after Kakao's shares …").
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:\w+\s+){0,2}?(?=(?:while|whereas|though|although|but|after|before|sending|leaving|"
    r"helped by|hurt by)\b)",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r",?\s+and\s+")

KIND_RULES = [
    ("joint_venture", r"joint ventures?"),
    ("acquisition", r"acqui(?:re|res|red|ring|sition)|merger|takeover"),
    ("investment", r"invest\w*|stakes? in|funding round"),
    ("licensing", r"licen[cs]\w*"),
    ("supply", r"suppl(?:y|ies|ying|ier)|provide|manufactur\w*"),
    ("research", r"research|jointly develop\w*|co-develop\w*|develop\w* jointly"),
]
STATUS_RULES = [
    ("ended", r"ended|terminat\w*|dissolv\w*|scrapp\w*|pull(?:s|ed)? out"),
    ("under_consideration", r"consider\w*|explor\w*|weigh\w*|mull\w*|eyeing"),
    ("in_talks", r"talks|discuss\w*|negotiat\w*|could|may|might|reportedly|people familiar"),
]
DEFAULT_KIND = "strategic_alliance"
DEFAULT_STATUS = "announced"


def infer_kind(text: str) -> str:
    for kind, words in KIND_RULES:
        if re.search(rf"\b(?:{words})\b", text, re.IGNORECASE):
            return kind
    return DEFAULT_KIND


def infer_status(text: str) -> str:
    for status, words in STATUS_RULES:
        if re.search(rf"\b(?:{words})\b", text, re.IGNORECASE):
            return status
    return DEFAULT_STATUS


# --- Proposals -----------------------------------------------------------------------------------------


# A sentence is quoted whole as evidence and kept with its proposal; a longer one (a list, a table run
# together) cannot be stored, so it proposes nothing.
LONGEST_SENTENCE = min(
    Evidence._meta.get_field("quote").max_length, PartnershipProposal._meta.get_field("sentence").max_length
)


@dataclass(frozen=True)
class Proposal:
    companies: frozenset  # company ids
    sentence: str  # exact substring of the text
    kind: str
    status: str


def propose(text: str, matcher: NameMatcher, parents: Mapping[object, object] | None = None) -> list[Proposal]:
    """The partnerships the text reports, one per sentence-and-company-set, in text order; sentences
    longer than LONGEST_SENTENCE are skipped."""
    parents = parents or {}
    proposals: dict[tuple, Proposal] = {}
    for start, end in split_sentences(text):
        if end - start > LONGEST_SENTENCE:
            continue
        sentence = text[start:end]
        matches = matcher.find(sentence)
        if len({m.key for m in matches}) < 2 or not PARTNERSHIP_WORDS.search(sentence):
            continue
        for companies, wording in _clause_sets(sentence, matches, parents):
            key = (companies, sentence)
            if key not in proposals:
                proposals[key] = Proposal(companies, sentence, infer_kind(wording), infer_status(wording))
    return list(proposals.values())


def _clause_sets(sentence: str, matches: list[Match], parents) -> list[tuple[frozenset, str]]:
    """Company sets the sentence reports as partners, each with the wording that reports it: per
    clause when clauses report separate deals, else the whole sentence."""
    clauses = []
    for a, b in _spans(sentence, _CLAUSE_BREAK, 0, len(sentence)):
        parts = _spans(sentence, _COORDINATION, a, b)
        # "X's partnership with Y and Z's investment in W": two deals when each side is one.
        qualifying = [(pa, pb) for pa, pb in parts if _qualifies(sentence, matches, pa, pb, parents)]
        if len(parts) > 1 and len(qualifying) == len(parts):
            clauses.extend(parts)
        elif _qualifies(sentence, matches, a, b, parents):
            clauses.append((a, b))
    if clauses:
        return [(_partners(sentence, matches, a, b, parents), sentence[a:b]) for a, b in clauses]
    if NOT_PARTNERSHIP_WORDS.search(sentence):
        return []
    companies = _partners(sentence, matches, 0, len(sentence), parents)
    return [(companies, sentence)] if companies else []


def _spans(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    spans, a = [], start
    for m in pattern.finditer(text, start, end):
        spans.append((a, m.start()))
        a = m.end()
    spans.append((a, end))
    return [(a, b) for a, b in spans if b > a]


def _qualifies(sentence, matches, a, b, parents) -> bool:
    clause = sentence[a:b]
    return (
        bool(PARTNERSHIP_WORDS.search(clause))
        and not NOT_PARTNERSHIP_WORDS.search(clause)
        and bool(_partners(sentence, matches, a, b, parents))
    )


def _partners(sentence, matches, a, b, parents) -> frozenset:
    """Companies named in sentence[a:b] that take part: not rivals, not a group's parent when its
    subsidiary acts; empty unless two independent groups remain."""
    named = {
        m.key
        for m in matches
        if a <= m.start < b and not _RIVAL_BEFORE.search(sentence, max(a, m.start - _LOOKBEHIND), m.start)
    }
    roots = {_root(c, parents) for c in named}
    if len(roots) < 2:
        return frozenset()
    ancestors = {ancestor for c in named for ancestor in _ancestors(c, parents)}
    return frozenset(named - ancestors)


def _ancestors(company, parents) -> list:
    chain, seen = [], {company}
    while (company := parents.get(company)) is not None and company not in seen:
        chain.append(company)
        seen.add(company)
    return chain


def _root(company, parents):
    chain = _ancestors(company, parents)
    return chain[-1] if chain else company


# --- Unknown organisations -----------------------------------------------------------------------------

# No full stops inside a word: "Monday. Acme Robotics Inc." must not read as one name.
_WORD = r"[A-Z][\w&'-]*"
_SUFFIXES = (
    r"Inc\.?|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|LLC|PLC|AG|SA|SE|NV|GmbH|Group|Holdings|Electronics|"
    r"Motors?|Technologies|Technology|Systems|Bank|Capital|Partners|Industries|Semiconductor|"
    r"Pharmaceuticals|Networks|Labs|Ventures|Airlines|Energy|Telecom|Robotics|Software|Chemical"
)
_ROLES = r"(?:CEO|chief executive|chairman|Chairman|founder|spokesperson|spokesman|spokeswoman)"
_ORGANISATION = re.compile(
    rf"\b((?:{_WORD} ){{1,3}}(?:{_SUFFIXES}))(?![\w-])|\b((?:{_WORD} ){{0,2}}{_WORD})(?:'s)? {_ROLES}\b"
)
# Capitalised only because they start a sentence or are titles, not part of a name.
_LEADING = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "But", "Its", "Their", "Shares",
    "Former", "Under", "After", "Before", "While", "As", "Of", "To", "Chief", "Executive", "Chairman",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}  # fmt: skip


def unknown_organisations(text: str, known: list[Match]) -> Counter:
    """Names that look like organisations ("Acme Robotics Inc.", "Telekom chief executive") and
    overlap no known company or person, with how often each occurs."""
    text = normalise(text)
    taken = [(m.start, m.end) for m in known]
    found: Counter = Counter()
    for m in _ORGANISATION.finditer(text):
        group = 1 if m.group(1) else 2
        words = m.group(group).split()
        start = m.start(group)
        while words and words[0] in _LEADING:
            start += len(words[0]) + 1
            words = words[1:]
        end = m.end(group)
        if len(words) < (2 if group == 1 else 1) or any(a < end and start < b for a, b in taken):
            continue
        found[" ".join(words).rstrip(".") if group == 2 else " ".join(words)] += 1
    return found
