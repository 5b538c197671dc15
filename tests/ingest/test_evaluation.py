"""Extraction quality on the hand-labelled passages in tests/data/ stays above the targets."""

import json
from io import StringIO

from django.core.management import call_command

from articles.ingest.evaluation import DATA_DIR, evaluate


def test_the_labelled_data_has_at_least_30_passages_with_hard_negatives():
    passages = json.loads((DATA_DIR / "passages.json").read_text())["passages"]
    assert len(passages) >= 30
    assert sum(not p["partnerships"] and len(p["mentions"]) >= 2 for p in passages) >= 10


def test_mention_precision_and_recall_are_at_least_095():
    result = evaluate()
    assert result.mentions.precision >= 0.95, result.errors
    assert result.mentions.recall >= 0.95, result.errors


def test_partnership_precision_is_at_least_09_and_recall_at_least_085():
    result = evaluate()
    assert result.partnerships.precision >= 0.9, result.errors
    assert result.partnerships.recall >= 0.85, result.errors


def test_evaluate_extraction_prints_precision_and_recall():
    out = StringIO()
    call_command("evaluate_extraction", stdout=out)
    assert "Mentions      precision" in out.getvalue()
    assert "Partnerships  precision" in out.getvalue()


HELDOUT = DATA_DIR / "heldout_passages.json"


def test_held_out_passages_keep_mention_quality_and_partnership_recall():
    # Written by someone who never saw the rules, and not used to tune them. Partnership precision
    # here was 0.864 when the set was written (below the 0.9 target: see the closing notes), so
    # 0.85 is a floor that catches regressions, not the target.
    result = evaluate(HELDOUT)
    assert result.passages >= 40
    assert result.mentions.precision >= 0.95 and result.mentions.recall >= 0.95, result.errors
    assert result.partnerships.recall >= 0.85, result.errors
    assert result.partnerships.precision >= 0.85, result.errors


def test_evaluate_extraction_scores_another_passage_file():
    out = StringIO()
    call_command("evaluate_extraction", "--passages", str(HELDOUT), stdout=out)
    assert out.getvalue().startswith("Passages: 40")
