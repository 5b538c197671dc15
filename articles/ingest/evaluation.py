"""Measure extraction against the hand-labelled passages in tests/data/: precision and recall of
company mentions and of proposed partnerships (each a set of companies)."""

import json
from dataclasses import dataclass
from pathlib import Path

from .linking import NameMatcher
from .proposing import propose

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    def add(self, predicted: set, expected: set) -> None:
        self.true_positives += len(predicted & expected)
        self.predicted += len(predicted)
        self.expected += len(expected)


@dataclass
class Evaluation:
    mentions: Score
    partnerships: Score
    passages: int
    errors: list[str]  # one line per passage where the extraction differs from the labels


def evaluate(passages_file: Path = DATA_DIR / "passages.json", data_dir: Path = DATA_DIR) -> Evaluation:
    """Run linking and proposing over every passage, against the gazetteer's companies (in memory: the
    database is not touched)."""
    companies = json.loads((data_dir / "gazetteer.json").read_text(encoding="utf-8"))["companies"]
    passages = json.loads(Path(passages_file).read_text(encoding="utf-8"))["passages"]
    matcher = NameMatcher((c["name"], name) for c in companies for name in [c["name"], *c.get("aliases", [])])
    parents = {c["name"]: c["parent"] for c in companies if c.get("parent")}
    mentions, partnerships, errors = Score(), Score(), []
    for passage in passages:
        text = passage["text"]
        found = set(matcher.count(text))
        expected = set(passage["mentions"])
        mentions.add(found, expected)
        if found != expected:
            errors.append(f"{passage['id']}: mentions {sorted(found)} ≠ {sorted(expected)}")
        proposed = {p.companies for p in propose(text, matcher, parents)}
        labelled = {frozenset(names) for names in passage["partnerships"]}
        partnerships.add(proposed, labelled)
        if proposed != labelled:
            errors.append(
                f"{passage['id']}: partnerships {sorted(map(sorted, proposed))} ≠ {sorted(map(sorted, labelled))}"
            )
    return Evaluation(mentions, partnerships, len(passages), errors)
