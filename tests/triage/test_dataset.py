"""The labelled set folds in every data/written_*.jsonl, and a bad row stops training with a sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from walletdesk.triage import dataset
from walletdesk.triage.dataset import LABEL_CATEGORIES, LabelledRowInvalid, handwritten, labelled_build
from walletdesk.triage.services import CATEGORIES


def _write(path: Path, rows: list[dict | str]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _row(text: str, category: str = "deposit", **extra: object) -> dict:
    return {"text": text, "category": category, "complaint": False, **extra}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    _write(tmp_path / "handwritten.jsonl", [_row("hand row one")])
    return tmp_path


def test_label_categories_are_the_services_categories() -> None:
    assert LABEL_CATEGORIES == CATEGORIES


def test_written_files_follow_handwritten_in_name_order(data_dir: Path) -> None:
    _write(data_dir / "written_tdata_zh.jsonl", [_row("充值没到账", group="g1")])
    _write(
        data_dir / "written_tdata_en.jsonl",
        [_row("deposit missing", "deposit"), _row("hacked", "account_theft")],
    )
    _write(data_dir / "notes.jsonl", [_row("not a written file")])

    rows = handwritten(data_dir)

    assert [r["text"] for r in rows] == ["hand row one", "deposit missing", "hacked", "充值没到账"]
    assert [r["source"] for r in rows] == ["hand", "written_tdata_en", "written_tdata_en", "written_tdata_zh"]
    assert rows[3]["lang"] == "zh"


def test_a_writers_group_is_kept_apart_from_another_files_same_group(data_dir: Path) -> None:
    _write(data_dir / "written_a.jsonl", [_row("one", group="g1"), _row("two", group="g1")])
    _write(data_dir / "written_b.jsonl", [_row("three", group="g1"), _row("four")])

    groups = [r["group"] for r in handwritten(data_dir)[1:]]

    assert groups == ["written_a:g1", "written_a:g1", "written_b:g1", "written_b:four"]


def test_labelled_build_includes_written_rows_with_fresh_ids(data_dir: Path) -> None:
    _write(data_dir / "written_x.jsonl", [_row("a sentence no template writes, surely 4711")])

    rows = labelled_build(data_dir=data_dir)

    texts = [r["text"] for r in rows]
    assert texts[-1] == "a sentence no template writes, surely 4711"
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("bad_line", "words"),
    [
        ('{"text": "x", "category": "deposit", "complaint": false', "not a JSON object"),
        ('["deposit"]', "not a JSON object"),
        (json.dumps(_row("x", "refunds")), "unknown category 'refunds'"),
        (json.dumps({"text": "x", "complaint": False}), "unknown category None"),
        (json.dumps({"text": "", "category": "deposit", "complaint": False}), '"text" must be'),
        (json.dumps({"text": "x", "category": "deposit", "complaint": "no"}), '"complaint" must be'),
        (json.dumps(_row("x", group=3)), '"group" must be'),
    ],
)
def test_a_bad_row_names_its_file_and_line(data_dir: Path, bad_line: str, words: str) -> None:
    _write(data_dir / "written_tdata_en.jsonl", [_row("fine"), "", bad_line])

    with pytest.raises(LabelledRowInvalid) as caught:
        handwritten(data_dir)

    assert str(caught.value).startswith("written_tdata_en.jsonl line 3: ")
    assert words in str(caught.value)


def test_training_command_stops_with_the_sentence(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(data_dir / "written_tdata_zh.jsonl", [json.dumps(_row("提币失败", "withdrawl"))])
    monkeypatch.setattr(dataset, "DATA_DIR", data_dir)
    # Should the check ever let the row through, fail here rather than overwrite the shipped files.
    command = "walletdesk.triage.management.commands.triage_train"
    monkeypatch.setattr(f"{command}.labelled_write", lambda *a: pytest.fail("bad row reached labelled.jsonl"))
    monkeypatch.setattr(f"{command}.model_write", lambda *a: pytest.fail("bad row reached model.npz"))

    with pytest.raises(CommandError, match=r"written_tdata_zh.jsonl line 1: unknown category 'withdrawl'"):
        call_command("triage_train", "--regenerate")
