"""Find known companies and people in article text.

Names match as whole words, case-sensitively (company names are proper nouns: "Oracle" the company,
not "oracle" the word), longest name first so that "Samsung Electronics" is not also counted as
"Samsung", and possessives ("Kakao’s") count as the name.
"""

import re
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


class NameMatcher:
    """One compiled pattern over every name of every entity: a single pass over the text."""

    def __init__(self, names: Iterable[tuple[object, str]]):
        self._owner: dict[str, object] = {}
        for key, name in names:
            name = normalise(" ".join(name.split()))
            if len(name) >= 2:
                self._owner.setdefault(name, key)
        alternatives = sorted(self._owner, key=len, reverse=True)
        if alternatives:
            body = "|".join(re.escape(name) for name in alternatives)
            # (?<![\w-]) and (?![\w-]): whole words, so "Kakao" is not found in "KakaoTalk" nor
            # "SK" in "SK-II"; a trailing "'s" is allowed by the lookahead since ' is not a word char.
            self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        else:
            self._pattern = None

    def find(self, text: str) -> list[Match]:
        if self._pattern is None:
            return []
        return [
            Match(self._owner[m.group(0)], m.group(0), m.start(), m.end())
            for m in self._pattern.finditer(normalise(text))
        ]

    def count(self, text: str) -> Counter:
        """How many times each entity is named in the text."""
        return Counter(match.key for match in self.find(text))
