"""Address validators: a string counts as an address only if its own checksum says so.

Order numbers, UIDs and random tokens look like addresses to a regex; the checksum is what
keeps them out (the issue's rule: "validated, so order numbers and UIDs are not addresses").
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58_ALPHABET)}
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3


def b58decode(text: str) -> bytes | None:
    """Decode base58 (Bitcoin alphabet); None if a character is outside the alphabet."""
    num = 0
    for ch in text:
        digit = _B58_INDEX.get(ch)
        if digit is None:
            return None
        num = num * 58 + digit
    body = num.to_bytes((num.bit_length() + 7) // 8, "big") if num else b""
    leading = len(text) - len(text.lstrip("1"))
    return b"\x00" * leading + body


def _b58check_payload(text: str) -> bytes | None:
    raw = b58decode(text)
    if raw is None or len(raw) < 5:
        return None
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        return None
    return payload


@cache
def _keccak256():  # noqa: ANN202 - the pycryptodome module
    # Imported on first use: only a mixed-case EVM address needs it, and importing the hash
    # library costs more start-up time than `walletdesk triage` may spend.
    from Crypto.Hash import keccak

    return keccak


def evm_address_valid(text: str) -> bool:
    """0x + 40 hex; a mixed-case address must carry a correct EIP-55 checksum."""
    if len(text) != 42 or not text.startswith(("0x", "0X")):
        return False
    body = text[2:]
    try:
        int(body, 16)
    except ValueError:
        return False
    if body == body.lower() or body == body.upper():
        return True
    digest = _keccak256().new(digest_bits=256, data=body.lower().encode("ascii")).hexdigest()
    for ch, nibble in zip(body, digest[:40], strict=True):
        if ch.isalpha() and (ch.isupper() != (int(nibble, 16) >= 8)):
            return False
    return True


# Version bytes of Bitcoin base58check addresses: mainnet P2PKH (1…) and P2SH (3…), testnet
# P2PKH (m…/n…) and P2SH (2…). A testnet address is still the customer's address: that they pasted
# one is often the very problem the agent has to see.
_BTC_VERSIONS = {0x00, 0x05, 0x6F, 0xC4}


def btc_base58_valid(text: str) -> bool:
    """P2PKH or P2SH address, mainnet (1…, 3…) or testnet (m…, n…, 2…), with a valid base58check."""
    if not 26 <= len(text) <= 35 or text[0] not in "13mn2":
        return False
    payload = _b58check_payload(text)
    return payload is not None and len(payload) == 21 and payload[0] in _BTC_VERSIONS


def tron_address_valid(text: str) -> bool:
    """TRON base58check address: T…, 34 characters, version byte 0x41."""
    if len(text) != 34 or text[0] != "T":
        return False
    payload = _b58check_payload(text)
    return payload is not None and len(payload) == 21 and payload[0] == 0x41


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def btc_bech32_valid(text: str) -> bool:
    """Segwit address bc1… (mainnet) or tb1… (testnet): bech32 for v0, bech32m for v1+ (BIP-173 / BIP-350)."""
    if text != text.lower() and text != text.upper():
        return False
    low = text.lower()
    if not low.startswith(("bc1", "tb1")) or not 14 <= len(low) <= 74:
        return False
    hrp, data_part = low[:2], low[3:]
    try:
        data = [_BECH32_CHARSET.index(c) for c in data_part]
    except ValueError:
        return False
    if len(data) < 7:
        return False
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    const = _bech32_polymod(expanded + data)
    version = data[0]
    if version == 0 and const != _BECH32_CONST:
        return False
    if version != 0 and const != _BECH32M_CONST:
        return False
    program_len = (len(data) - 7) * 5 // 8
    if version == 0:
        return program_len in (20, 32)
    return version <= 16 and 2 <= program_len <= 40


def solana_address_valid(text: str) -> bool:
    """Solana public key: base58 of exactly 32 bytes (no checksum exists, so demand variety).

    Solana keys carry no checksum, so a long alphanumeric run (a UID, an order id made of digits)
    could decode to 32 bytes by chance; real keys mix upper, lower case and digits.
    """
    if not 32 <= len(text) <= 44:
        return False
    if not (
        any(c.isupper() for c in text) and any(c.islower() for c in text) and any(c.isdigit() for c in text)
    ):
        return False
    raw = b58decode(text)
    return raw is not None and len(raw) == 32


def solana_signature_valid(text: str) -> bool:
    """A Solana transaction signature: base58 of exactly 64 bytes."""
    if not 80 <= len(text) <= 90:
        return False
    raw = b58decode(text)
    return raw is not None and len(raw) == 64


def _crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def ton_address_valid(text: str) -> bool:
    """TON user-friendly address (EQ…/UQ…, 48 chars of base64/base64url) with its CRC16."""
    if len(text) != 48:
        return False
    try:
        raw = base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_"))
    except (ValueError, TypeError):
        return False
    if len(raw) != 36 or raw[0] & 0x3F != 0x11:
        return False
    return _crc16_xmodem(raw[:34]) == int.from_bytes(raw[34:], "big")


def ton_raw_address_valid(text: str) -> bool:
    """TON raw form: workchain 0 or -1, a colon, the 32-byte account id in hex."""
    workchain, _, account = text.partition(":")
    if workchain not in ("0", "-1") or len(account) != 64:
        return False
    try:
        int(account, 16)
    except ValueError:
        return False
    return True


def address_kind(text: str) -> str | None:
    """The chain family of a valid address ("evm", "btc", "tron", "solana", "ton") or None.

    A prefix only says which check to run first: a Solana key may begin with "bc1", "T" or "1"
    and still be a Solana key, so a failed check falls through to the next.
    """
    if text.startswith(("0x", "0X")):
        return "evm" if evm_address_valid(text) else None
    if ":" in text:
        return "ton" if ton_raw_address_valid(text) else None
    if text[:3].lower() in ("bc1", "tb1") and btc_bech32_valid(text):
        return "btc"
    if text[0] in "13mn2" and btc_base58_valid(text):
        return "btc"
    if text[0] == "T" and tron_address_valid(text):
        return "tron"
    if len(text) == 48 and text[:2] in ("EQ", "UQ", "Ef", "Uf", "kQ", "0Q") and ton_address_valid(text):
        return "ton"
    if solana_address_valid(text):
        return "solana"
    return None
