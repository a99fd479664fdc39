"""`walletdesk triage`: the JSONL contract and the human form."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

TRON = "TD7jnbP7yB6P4XSurjQ7Teb8YP7po5K3zW"


def _run_jsonl(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> tuple[list[dict], str]:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out, err = io.StringIO(), io.StringIO()
    call_command("triage", "--jsonl", stdout=out, stderr=err)
    return [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue()


def test_jsonl_prints_one_line_per_message_with_the_contract_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    rows, _ = _run_jsonl(
        monkeypatch,
        [
            json.dumps({"id": "a1", "text": f"充值 1,200u 到 {TRON} 走波场 没到账"}),
            json.dumps({"id": 7, "text": "my account was hacked and all my coins are gone"}),
        ],
    )
    assert [r["id"] for r in rows] == ["a1", 7]
    first = rows[0]
    assert set(first) == {"id", "category", "complaint", "entities"}
    assert first["category"] == "deposit"
    assert first["complaint"] is False
    assert first["entities"] == {
        "tx_hashes": [],
        "addresses": [TRON],
        "networks": ["TRC20"],
        "amounts": [{"value": "1200", "asset": "USDT"}],
    }
    assert rows[1]["category"] == "account_theft"


def test_bad_lines_are_reported_and_the_rest_still_triaged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('not json\n{"id": 1}\n{"id": 2, "text": "提现没到"}\n'))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="2 input line"):
        call_command("triage", "--jsonl", stdout=out, stderr=err)
    assert [json.loads(x)["id"] for x in out.getvalue().splitlines()] == [2]
    assert "line 1: not JSON" in err.getvalue()
    assert 'line 2: expected an object with a string "text"' in err.getvalue()


def test_input_file_option_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "KYC 一直审核不通过"}) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("triage", "--jsonl", "--input", str(path), stdout=out)
    assert json.loads(out.getvalue())["category"] == "verification"
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("triage", "--jsonl", "--input", str(tmp_path / "missing.jsonl"))


def test_single_text_argument_prints_a_readable_result() -> None:
    out = io.StringIO()
    call_command("triage", "提现手续费太高了", stdout=out)
    result = json.loads(out.getvalue())
    assert result["category"] == "fees"
    assert result["urgent"] is False


def test_no_input_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Nothing to triage"):
        call_command("triage")
    with pytest.raises(CommandError, match="not both"):
        call_command("triage", "text", "--jsonl")
