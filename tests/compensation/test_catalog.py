"""zh-hans ships complete: every string of the app is translated, and the compiled catalog holds
them all (a .po edited without compiling fails here)."""

from __future__ import annotations

import gettext
import re
import subprocess
from pathlib import Path

import pytest

APP = Path(__file__).parents[2] / "src/walletdesk/compensation"
PO = APP / "locale/zh_Hans/LC_MESSAGES/django.po"
MO = APP / "locale/zh_Hans/LC_MESSAGES/django.mo"


def _entries() -> list[tuple[str, str]]:
    """(msgid, msgstr or msgstr[0]) of every entry but the header."""
    text = PO.read_text(encoding="utf-8")
    found = []
    for block in text.split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[0\])?) (\".*\")$", line)
            if match:
                key = match.group(1).replace("[0]", "")
                fields[key] = ""
                line = match.group(2)
            if key and line.startswith('"'):
                fields[key] += eval(line)  # noqa: S307 - a quoted string from our own catalog
        if "msgid" in fields:
            found.append((fields["msgid"], fields.get("msgstr", "")))
    return found


def test_every_string_has_a_chinese_translation_with_the_same_placeholders():
    entries = _entries()
    assert len(entries) > 80
    assert [msgid for msgid, msgstr in entries if not msgstr] == []
    for msgid, msgstr in entries:
        assert set(re.findall(r"%\(\w+\)s", msgid)) == set(re.findall(r"%\(\w+\)s", msgstr)), msgid


def test_the_compiled_catalog_holds_every_translation():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = compiled._catalog  # type: ignore[attr-defined]
    keys = {k[0] if isinstance(k, tuple) else k for k in catalog}
    assert [msgid for msgid, _ in _entries() if msgid not in keys] == []


@pytest.mark.skipif(
    subprocess.run(["which", "msgfmt"], capture_output=True).returncode != 0, reason="no msgfmt"
)
def test_the_catalog_compiles_cleanly():
    done = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(PO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
