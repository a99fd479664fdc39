"""A keystore pasted in part: its "crypto" member alone, cut off or not (set 7, f7-0121)."""

from __future__ import annotations

import json

import pytest

from walletdesk.shield.services import secrets_find

_CRYPTO = {
    "cipher": "aes-128-ctr",
    "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
    "cipherparams": {"iv": "6087dab2f9fdbbfaddc31a909735c1e6"},
    "kdf": "pbkdf2",
    "kdfparams": {
        "c": 262144,
        "dklen": 32,
        "prf": "hmac-sha256",
        "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd",
    },
    "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
}


@pytest.mark.parametrize("name", ["crypto", "Crypto"])
@pytest.mark.parametrize("indent", [None, 4])
@pytest.mark.parametrize("cut", [False, True])
def test_a_crypto_member_pasted_alone_is_redacted_with_its_name(
    name: str, indent: int | None, cut: bool
) -> None:
    member = f'"{name}": ' + json.dumps(_CRYPTO, indent=indent)
    if cut:
        member = member[: member.index('"mac"') + 20]
    text = f"here is the part of my wallet file I could copy:\n{member}\n... can you recover it?"
    findings = secrets_find(text=text)
    start, end = text.index(f'"{name}"'), text.index(member) + len(member)
    assert [f.kind for f in findings] == ["keystore_json"]
    assert findings[0].start == start
    assert findings[0].end >= end - 1


def test_prose_before_a_whole_keystore_file_stays() -> None:
    keystore = json.dumps(
        {"address": "008aeeda4d805471df9b2a5b0f38a0c3bcba786b", "crypto": _CRYPTO, "version": 3}
    )
    text = f'my "backup": {keystore}'
    findings = secrets_find(text=text)
    assert [(f.kind, f.start) for f in findings] == [("keystore_json", text.index("{"))]
