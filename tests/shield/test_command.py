"""`walletdesk shield scan`: stdin to JSON, --jsonl, and clear errors for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"
WALLETDESK = Path(sys.executable).with_name("walletdesk")


def run_scan(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: str, *args: str
) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8"))
    call_command("shield", "scan", *args)
    return capsys.readouterr().out


def test_scan_prints_findings_and_redacted_text(monkeypatch, capsys) -> None:
    text = f"我的助记词：{PHRASE}\r\n谢谢"
    result = json.loads(run_scan(monkeypatch, capsys, text))
    start = text.index(PHRASE)
    assert result == {
        "findings": [{"kind": "mnemonic", "start": start, "end": start + len(PHRASE)}],
        "redacted": "我的助记词：[已隐藏助记词]\r\n谢谢",
    }


def test_scan_jsonl_answers_each_line_in_order(monkeypatch, capsys) -> None:
    lines = [json.dumps({"id": "a", "text": "hello"}), json.dumps({"id": "b", "text": PHRASE})]
    output = run_scan(monkeypatch, capsys, "\n".join(lines) + "\n", "--jsonl", "--locale", "en")
    results = [json.loads(line) for line in output.splitlines()]
    assert results == [
        {"id": "a", "findings": [], "redacted": "hello"},
        {
            "id": "b",
            "findings": [{"kind": "mnemonic", "start": 0, "end": len(PHRASE)}],
            "redacted": "[seed phrase removed]",
        },
    ]


def test_scan_jsonl_reports_bad_lines_and_fails_at_the_end(monkeypatch, capsys) -> None:
    data = 'not json\n{"id": 7, "text": "x"}\n["list"]\n{"id": "ok", "text": "fine"}\n'
    with pytest.raises(CommandError, match="3 line"):
        run_scan(monkeypatch, capsys, data, "--jsonl")
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["ok"]
    assert "line 1: not valid JSON" in captured.err
    assert 'line 2: "id" must be a string' in captured.err
    assert "line 3: expected a JSON object" in captured.err


def test_scan_rejects_input_that_is_not_utf8(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe"), encoding="utf-8"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("shield", "scan")


def test_cli_exits_non_zero_with_a_sentence_and_no_traceback() -> None:
    # One real process: the console script, argument parsing and the exit status together.
    data = b'{"id": "x", "text": "hello"}\n{oops\n'
    result = subprocess.run(
        [str(WALLETDESK), "shield", "scan", "--jsonl"],
        input=data,
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"id": "x", "findings": [], "redacted": "hello"}
    assert b"line 2: not valid JSON" in result.stderr and b"Traceback" not in result.stderr
