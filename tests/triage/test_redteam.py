"""Held-out red-team sets (data/redteam.jsonl, data/redteam2.jsonl): messages written apart from
the training phrases, never trained on. Every theft report must be caught; the category and
complaint scores must not fall below the floors measured when the sets were added."""

from __future__ import annotations

import json

import pytest

from tests.triage.scoring import macro_f1
from walletdesk.triage.dataset import DATA_DIR
from walletdesk.triage.services import CATEGORIES, message_triage

SETS = ("redteam.jsonl", "redteam2.jsonl")
# Measured 0.97+ per language on redteam.jsonl; the floor leaves room for a deliberate trade
# (a false theft alarm is cheap) but catches a real regression.
MACRO_F1_FLOOR = 0.93
COMPLAINT_ACCURACY_FLOOR = 0.95


def _rows(name: str) -> list[dict]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def scored() -> list[tuple[dict, object]]:
    return [(row, message_triage(text=row["text"])) for name in SETS for row in _rows(name)]


def test_redteam_sets_are_well_formed() -> None:
    rows = [row for name in SETS for row in _rows(name)]
    assert len(rows) >= 300
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["category"] for row in rows} == set(CATEGORIES)
    assert {row["lang"] for row in rows} == {"zh", "en", "mixed"}
    assert sum(row["category"] == "account_theft" for row in rows) >= 80


def test_every_redteam_theft_is_caught(scored: list) -> None:
    missed = [row["text"] for row, got in scored if row["category"] == "account_theft" and not got.urgent]
    assert missed == []


def test_redteam_near_misses_rarely_page_security(scored: list) -> None:
    # A false theft alarm is cheap next to a missed theft, so a few are accepted (one today:
    # a deposit "gone" from the customer's view); many would mean the rules lost their shape.
    false_alarms = [
        row["text"]
        for row, got in scored
        if row["category"] != "account_theft" and got.category == "account_theft"
    ]
    assert len(false_alarms) <= 3, false_alarms


@pytest.mark.parametrize("lang", ["zh", "en", "mixed"])
def test_redteam_macro_f1_per_language_stays_above_floor(scored: list, lang: str) -> None:
    pairs = [(row["category"], got.category) for row, got in scored if row["lang"] == lang]
    assert macro_f1(pairs) >= MACRO_F1_FLOOR


def test_redteam_complaint_flag_stays_above_floor(scored: list) -> None:
    hits = sum(row["complaint"] == got.complaint for row, got in scored)
    assert hits / len(scored) >= COMPLAINT_ACCURACY_FLOOR
