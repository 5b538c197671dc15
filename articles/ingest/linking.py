"""Find known companies and people in article text.

Names match as whole words, longest name first so that "Samsung Electronics" is not also counted as
"Samsung", and possessives ("Kakao’s") count as the name. Case rules keep common words out: a name
written exactly as stored always matches; otherwise a multi-word name matches in any capitalisation that
starts with a capital ("SK hynix", "Samsung electronics") and any name of four letters or more matches
in ALL CAPS (headlines: "NAVER"), but "apple" and "shell" never match Apple and Shell.

The pattern is a trie of the names (common prefixes factored out), so one pass over an article costs
about the same with 10 or 10,000 known names.
"""

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Curly apostrophes are folded to straight ones, character for character, so offsets stay valid.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise(text: str) -> str:
    return text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class Match:
    key: object  # what the name belongs to (a company or person id)
    name: str
    start: int
    end: int


def _trie_pattern(names: Iterable[str]) -> str:
    """A regex matching any of the (lower-case) names, longest first, with shared prefixes factored."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy "?": the longer name is tried first and the shorter one only if the longer fails.
        return f"(?:{body})?" if ends_here else body

    return build(trie)


class NameMatcher:
    """One compiled pattern over every name of every entity: a single pass over the text."""

    def __init__(self, names: Iterable[tuple[object, str]]):
        # lower-cased name -> (key, the name as stored); the first entity to claim a name keeps it.
        self._owner: dict[str, tuple[object, str]] = {}
        for key, name in names:
            name = normalise(" ".join(name.split()))
            if len(name) >= 2:
                self._owner.setdefault(name.lower(), (key, name))
        if self._owner:
            # (?<![\w-]) and (?![\w-]|-[A-Z0-9]) are case-sensitive word edges: "Kakao" is not found in
            # "KakaoTalk" nor "SK" in "SK-II", while "Kakao-backed" and "Kakao's" still name Kakao.
            self._pattern = re.compile(
                rf"(?<![\w-])(?:{_trie_pattern(self._owner)})(?!\w|(?-i:-[A-Z0-9]))", re.IGNORECASE
            )
        else:
            self._pattern = None

    def find(self, text: str) -> list[Match]:
        if self._pattern is None:
            return []
        matches = []
        for m in self._pattern.finditer(normalise(text)):
            found = m.group(0)
            key, stored = self._owner.get(found.lower(), (None, ""))
            if stored and _case_fits(found, stored):
                matches.append(Match(key, found, m.start(), m.end()))
        return matches

    def count(self, text: str) -> Counter:
        """How many times each entity is named in the text."""
        return Counter(match.key for match in self.find(text))


def _case_fits(found: str, stored: str) -> bool:
    if found == stored:
        return True
    if " " in stored and found[0].isupper():
        return True
    return len(stored) >= 4 and found.isupper()


# Built from the database once per process and rebuilt only when the data changes: the version is
# one aggregate query (row count, newest change, highest id), so an edit, an addition or a deletion
# is noticed and an unchanged table costs nothing more.
_cache: dict[str, tuple[tuple, object]] = {}
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class CompanyIndex:
    matcher: NameMatcher
    parents: dict  # company id -> parent id, for telling group structure from partnerships


def _cached(model, build):
    from django.db.models import Count, Max

    label = model._meta.label
    version = tuple(model.objects.aggregate(n=Count("id"), latest=Max("updated_at"), top=Max("id")).values())
    with _cache_lock:
        hit = _cache.get(label)
        if hit and hit[0] == version:
            return hit[1]
    value = build(model.objects.all())
    with _cache_lock:
        _cache[label] = (version, value)
    return value


def company_index() -> CompanyIndex:
    """Every company's names (keyed by company id) and parents."""
    from ..models import Company

    def build(companies):
        rows = list(companies.values_list("pk", "name", "aliases", "parent_id"))
        matcher = NameMatcher((pk, name) for pk, own, aliases, _ in rows for name in [own, *aliases])
        return CompanyIndex(matcher, {pk: parent for pk, _, _, parent in rows if parent})

    return _cached(Company, build)


def person_matcher() -> NameMatcher:
    """Every person's names, keyed by person id."""
    from ..models import Person

    return _cached(
        Person,
        lambda people: NameMatcher(
            (pk, name) for pk, own, aliases in people.values_list("pk", "name", "aliases") for name in [own, *aliases]
        ),
    )
