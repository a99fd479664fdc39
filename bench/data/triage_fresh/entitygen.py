"""Independent generators of valid (and look-alike) chain identifiers for the fresh triage sets.

Written apart from walletdesk.triage so the evaluation does not reuse the code it measures:
base58check via hashlib, bech32/bech32m from BIP-173/350, EIP-55 via eth_utils.
"""

from __future__ import annotations

import hashlib
import random

from eth_utils import to_checksum_address

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def b58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + out


def b58check(payload: bytes) -> str:
    chk = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    return b58(payload + chk)


def _polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((top >> i) & 1) else 0
    return chk


def _convertbits(data: bytes, frombits: int, tobits: int) -> list[int]:
    acc = bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for b in data:
        acc = (acc << frombits) | b
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if bits:
        out.append((acc << (tobits - bits)) & maxv)
    return out


def segwit(version: int, program: bytes, hrp: str = "bc") -> str:
    const = 1 if version == 0 else 0x2BC830A3
    data = [version] + _convertbits(program, 8, 5)
    hrp_exp = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    pm = _polymod(hrp_exp + data + [0] * 6) ^ const
    checksum = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + checksum)


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def _b(self, n: int) -> bytes:
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def evm(self) -> str:
        while True:
            a = to_checksum_address("0x" + self._b(20).hex())
            if any(c.isupper() for c in a[2:]):
                return a

    def evm_lc(self) -> str:
        return "0x" + self._b(20).hex()

    def evm_bad(self) -> str:
        a = self.evm()
        i = next(i for i in range(2, 42) if a[i].isalpha())
        return a[:i] + a[i].swapcase() + a[i + 1 :]

    def btc1(self) -> str:
        return b58check(b"\x00" + self._b(20))

    def btc3(self) -> str:
        return b58check(b"\x05" + self._b(20))

    def bc1q(self) -> str:
        return segwit(0, self._b(20))

    def bc1p(self) -> str:
        return segwit(1, self._b(32))

    def btc_bad(self) -> str:
        a = self.btc1()
        c = a[-1]
        return a[:-1] + ("2" if c != "2" else "3")

    def tron_bad(self) -> str:
        a = self.tron()
        c = a[-1]
        return a[:-1] + ("2" if c != "2" else "3")

    def bech_bad(self) -> str:
        a = self.bc1q()
        c = a[-1]
        return a[:-1] + ("q" if c != "q" else "p")

    def evm_short(self) -> str:
        return "0x" + self._b(20).hex()[:-1]

    def tron(self) -> str:
        return b58check(b"\x41" + self._b(20))

    def sol(self) -> str:
        while True:
            s = b58(self._b(32))
            if 43 <= len(s) <= 44:
                return s

    def ethtx(self) -> str:
        return "0x" + self._b(32).hex()

    def hex64(self) -> str:
        return self._b(32).hex()

    def soltx(self) -> str:
        return b58(self._b(64))

    def order(self) -> str:
        return str(self.rng.randrange(10**17, 10**19))

    def uid(self) -> str:
        return str(self.rng.randrange(10**7, 10**9))
