"""The literal gates in front of the rule patterns (rules._Gated): a gate may only rule out
texts the pattern cannot match, so a gated search returns what the plain one does."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from walletdesk.triage import rules
from walletdesk.triage.features import text_normalise

ROOT = Path(__file__).resolve().parents[2]
GATED = {name: value for name, value in vars(rules).items() if isinstance(value, rules._Gated)}

# Shapes the derivation must get right: optional parts, bounded and unbounded repeats,
# lookarounds, classes, nested alternatives, a branch with no literal, lazy repeats.
SHAPES = (
    r"ab|ba",
    r"a(?:b|被)?c",
    r"(?:a|b)[^c]{0,2}被",
    r"被(?:a|b){1,3}c",
    r"(?<![a])b(?!c)",
    r"\ba+b",
    r"(?:a|b)+c|被",
    r"a.{0,3}?b",
    r"[ab]c|c[ab]",
    r"(?:ab){2}|被a",
    r"a(?:b|)c",
    r"(?:a|[^a])c",
    r"(?:被|a?)b",
    r"^a|b$",
    r"(?:a|b)(?:a|b)(?:c|被)",
    r"a\s*b|\s",
    r"(?:a(?:b|c(?:被|a)))+",
    # An exact set cut inside a group: the group's exact strings are then unknown.
    r"\s*被(?:(?:a|b)(?:c|被)c|cc)b",
)


@pytest.mark.parametrize("exact_max", [rules._EXACT_MAX, 2])
@pytest.mark.parametrize("shape", SHAPES)
def test_every_match_of_a_small_pattern_holds_one_of_its_literals(
    shape: str, exact_max: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Brute force over every string of up to six characters from the pattern's alphabet; with
    exact sets cut at two strings too, as the long patterns' are at _EXACT_MAX."""
    monkeypatch.setattr(rules, "_EXACT_MAX", exact_max)
    plain = re.compile(shape, re.ASCII)
    gated = rules._compile(shape)
    gated.build()
    literals = rules._gate_literals(plain)
    for length in range(7):
        for chars in itertools.product("abc被 ", repeat=length):
            text = "".join(chars)
            match = plain.search(text)
            if match:
                assert not literals or any(lit in text for lit in literals), (shape, text, literals)
            found = gated.search(text)
            assert (found and found.span()) == (match and match.span()), (shape, text)


def test_the_gate_is_built_from_the_pattern() -> None:
    assert rules._gate_literals(
        re.compile(r"被(?:人|别人)?盗|stolen?|hack\w*|钱[^，。]{0,6}没了", re.ASCII)
    ) == [
        "hack",
        "stole",
        "没了",  # rarer than 钱, the other literal that branch needs
        "被人盗",
        "被别人盗",
        "被盗",
    ]
    # A pattern that is itself a list of literals needs no gate; nor does one with a branch
    # that names no literal.
    assert rules._gate_literals(re.compile(r"被盗|stole(?![a-z])", re.ASCII)) == []
    assert rules._gate_literals(re.compile(r"被盗|[^a]{2}", re.ASCII)) == []


@pytest.mark.parametrize(
    "name",
    [
        "_THEFT_RE",
        "_FOUL_RE",
        "_LOSS_RE",
        "_OUTFLOW_RE",
        "_STILL_THERE_RE",
        "_INTACT_RE",
        "_OWN_FUNDS_GONE_RE",
        "_HYPOTHETICAL_RE",
        "_FIGURATIVE_RE",
        "_SCAM_RE",
    ],
)
def test_the_long_patterns_keep_a_gate(name: str) -> None:
    """These cost 15-100 µs a search without one. An alternative that names no literal (a
    branch made only of classes and wildcards) switches the gate off: give it a literal."""
    assert rules._gate_literals(GATED[name].regex), name


def _texts() -> list[str]:
    paths = sorted((ROOT / "src" / "walletdesk" / "triage" / "data").glob("*.jsonl"))
    paths += sorted((ROOT / "bench" / "data").glob("triage_fresh*.jsonl"))
    texts = []
    for path in paths:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        # Every 12th row: a sample of each writer's style (the full comparison is too slow here).
        texts += [json.loads(line)["text"] for line in lines[::12]]
    return [text_normalise(text) for text in texts]


def test_gated_searches_find_what_plain_ones_find_on_the_data_sets() -> None:
    texts = _texts()
    assert len(texts) > 1000
    rules.gates_build()
    for name, gated in GATED.items():
        for text in texts:
            # Past the gate the plain pattern runs, so only a text the gate shuts out can differ.
            if not gated._open(text):
                assert gated.regex.search(text) is None, (name, text)


def test_the_theft_gate_rules_out_a_plain_message() -> None:
    gated = rules._compile(rules._THEFT_RE.regex.pattern)
    gated.build()
    assert gated.search(text_normalise("充值没到账，已经两个小时了")) is None
    assert gated.search(text_normalise("my account was hacked")) is not None
    assert gated._gate not in (None, True)


def test_a_gate_is_built_only_after_its_pattern_searched_enough_text() -> None:
    """A short run (one CLI message) must not pay for gates it cannot recoup."""
    gated = rules._compile(rules._THEFT_RE.regex.pattern)
    text = "充值没到账，已经两个小时了"
    searches = -(-rules._GATE_AFTER_CHARS // len(text))
    for _ in range(searches - 1):
        assert gated.search(text) is None
    assert gated._gate is None
    assert gated.search("my account was hacked") is not None
    assert gated._gate not in (None, True)
    assert gated.search(text) is None


def test_gates_build_builds_every_gate() -> None:
    rules.gates_build()
    assert all(gated._gate is not None for gated in GATED.values())
