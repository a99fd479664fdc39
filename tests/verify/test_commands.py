"""`walletdesk verify VALUE` and `walletdesk verify --jsonl`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args, stdin=None, monkeypatch=None):
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("verify", *args, stdout=out)
    return out.getvalue()


def test_verify_value_prints_exactly_the_contract(demo_registry):
    result = json.loads(run("dеmowallet.com"))
    assert set(result) == {"verdict", "kind", "matched", "reason"}
    assert result["verdict"] == "lookalike" and result["kind"] == "website"
    assert result["matched"] == "https://demowallet.com"


def test_verify_unknown_has_null_matched(demo_registry):
    result = json.loads(run("example.org"))
    assert result == {"verdict": "unknown", "kind": "website", "matched": None, "reason": result["reason"]}


def test_jsonl_keeps_ids_and_order(demo_registry, monkeypatch):
    lines = (
        "\n".join(
            json.dumps(x)
            for x in [
                {"id": "a", "value": "t.me/DemoWalletSupport"},
                {"id": 7, "value": "+86 400 820 8821"},
                {"id": "c", "value": "finance.com"},
            ]
        )
        + "\n"
    )
    rows = [json.loads(line) for line in run("--jsonl", stdin=lines, monkeypatch=monkeypatch).splitlines()]
    assert [(r["id"], r["verdict"]) for r in rows] == [("a", "official"), (7, "lookalike"), ("c", "unknown")]
    assert set(rows[0]) == {"id", "verdict", "kind", "matched", "reason"}


def test_jsonl_bad_line_gets_an_error_in_place_and_a_nonzero_exit(demo_registry, monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(
        "sys.stdin", io.StringIO('{"id": 1, "value": "demowallet.com"}\nnot json\n{"id": 3}\n')
    )
    with pytest.raises(CommandError, match="could not be checked"):
        call_command("verify", "--jsonl", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["verdict"] == "official"
    assert "not JSON" in rows[1]["error"] and rows[2]["id"] == 3 and "value" in rows[2]["error"]


def test_verify_without_value_or_with_blank_value_fails_with_a_sentence(demo_registry):
    with pytest.raises(CommandError, match="Give a VALUE"):
        call_command("verify")
    with pytest.raises(CommandError, match="Paste a website"):
        call_command("verify", "   ")
