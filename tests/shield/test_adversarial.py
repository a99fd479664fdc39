"""Adversarial layouts written for session 5 from the issue text alone (no blind set read): the
ways a phrase or key is pasted from HTML mail, chats, spreadsheets and config files, and the
hashes, digests and tokens that look like keys but are not.

The first runs of these found these classes of misses, fixed by class: HTML tags and entities
between words, letters numbering the words ("a) … b) …"), a hex key split in two halves, a key
after a closing tag ("key:</p><pre>…", read as a URL path), a phrase split by an agent's chat
line, a full stop after every word, a chat speaker's name before every word, and ordinal
numbering ("1st … 2nd …"). The rest passed already and stay as regression tests.
"""

from __future__ import annotations

import base64
import json
import random
import unicodedata

import base58
import pytest
from mnemonic import Mnemonic

from walletdesk.shield.services import secrets_find


def _phrase(language: str, seed: int, strength: int = 16) -> list[str]:
    words = Mnemonic(language).to_mnemonic(random.Random(seed).randbytes(strength)).split()
    return [unicodedata.normalize("NFC", word) for word in words]


def _hex(seed: int, size: int = 32) -> str:
    return random.Random(seed).randbytes(size).hex()


def _uncovered(text: str, parts: list[str]) -> list[str]:
    """The parts (in text order) with a letter or digit no finding covers."""
    covered: set[int] = set()
    for finding in secrets_find(text=text):
        covered.update(range(finding.start, finding.end))
    missed, cursor = [], 0
    for part in parts:
        start = text.index(part, cursor)
        cursor = start + len(part)
        if not all(p in covered for p in range(start, cursor) if text[p].isalnum()):
            missed.append(part)
    return missed


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


_ENGLISH_LAYOUTS = {
    "html list": lambda w: "<p>Hello,</p><ol>" + "".join(f"<li>{x}</li>" for x in w) + "</ol><p>thanks</p>",
    "html breaks": lambda w: "<div>my phrase:<br>" + "<br>".join(w) + "</div>",
    "html nbsp": lambda w: "<p>my phrase: " + "&nbsp;".join(w) + "</p>",
    "html table with attributes": lambda w: (
        '<table class="backup-sheet">'
        + "".join(
            f'<tr><td style="padding:4px">{i}</td><td style="padding:4px">{x}</td></tr>'
            for i, x in enumerate(w, 1)
        )
        + "</table>"
    ),
    "letters numbering": lambda w: "seed: " + " ".join(f"{chr(97 + i)}) {x}" for i, x in enumerate(w)),
    "pipes": lambda w: "seed: " + " | ".join(w),
    "tabs": lambda w: "seed:\t" + "\t".join(w),
    "slashes": lambda w: "seed: " + "/".join(w),
    "hyphens": lambda w: "seed: " + "-".join(w),
    "double quotes": lambda w: "seed: " + ", ".join(f'"{x}"' for x in w),
    "python list": lambda w: "seed: [" + ", ".join(f"'{x}'" for x in w) + "]",
    "json array": lambda w: 'payload {"words":' + json.dumps(w) + "}",
    "numbered 1-word": lambda w: "seed: " + " ".join(f"{i}-{x}" for i, x in enumerate(w, 1)),
    "numbered #1": lambda w: "seed: " + " ".join(f"#{i} {x}" for i, x in enumerate(w, 1)),
    "numbered (1)": lambda w: "seed: " + " ".join(f"({i}) {x}" for i, x in enumerate(w, 1)),
    "numbered 1: lines": lambda w: "seed:\n" + "\n".join(f"{i}: {x}" for i, x in enumerate(w, 1)),
    "numbered glued 1)word": lambda w: "seed " + "".join(f"{i}){x}" for i, x in enumerate(w, 1)),
    "numbered after word(1)": lambda w: " ".join(f"{x}({i})" for i, x in enumerate(w, 1)),
    "csv row": lambda w: "id,date,note\n17,2024-01-02," + ",".join(w) + "\n",
    "markdown table": lambda w: (
        "| # | word |\n|---|---|\n" + "\n".join(f"| {i} | {x} |" for i, x in enumerate(w, 1))
    ),
    "email quote": lambda w: (
        "On Mon, John wrote:\n> here it is:\n> " + " ".join(w[:6]) + "\n> " + " ".join(w[6:])
    ),
    "code block": lambda w: "```\n" + " ".join(w) + "\n```",
    "emoji separators": lambda w: "my words 👉 " + " 🔹 ".join(w),
    "upper case": lambda w: "SEED: " + " ".join(x.upper() for x in w),
    "full stop after each": lambda w: "My seed: " + " ".join(f"{x}." for x in w),
    "one word per chat line": lambda w: "\n".join(f"[10:{i:02d}] Customer: {x}" for i, x in enumerate(w)),
    "ordinals": lambda w: " ".join(
        f"{i}{'st' if i == 1 else 'nd' if i == 2 else 'th'} {x}" for i, x in enumerate(w, 1)
    ),
    "chat messages": lambda w: (
        "[10:01] customer: hi my wallet is empty\n"
        f"[10:01] customer: the words are {' '.join(w[:4])}\n[10:02] customer: {' '.join(w[4:8])}\n"
        f"[10:02] agent: please don't send them\n[10:03] customer: {' '.join(w[8:])}"
    ),
}


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("layout", sorted(_ENGLISH_LAYOUTS))
def test_english_phrase_in_pasted_layouts_is_found(layout: str, seed: int) -> None:
    words = _phrase("english", 100 + seed)
    text = _ENGLISH_LAYOUTS[layout](words)
    parts = [word.upper() for word in words] if layout == "upper case" else words
    assert _uncovered(text, parts) == []


def test_phrase_in_an_html_mail_keeps_the_markup_around_it() -> None:
    words = _phrase("english", 7)
    text = "<p>Hi,</p><ul>" + "".join(f"<li>{x}</li>" for x in words) + "</ul><p>Regards, Ann</p>"
    findings = secrets_find(text=text)
    assert len(findings) == 1
    assert text[: findings[0].start].startswith("<p>Hi,</p><ul>")
    assert "Regards, Ann" in text[findings[0].end :]


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("first", [4, 8])
def test_phrase_split_by_an_agent_line_in_a_chat_is_found(first: int, seed: int) -> None:
    words = _phrase("english", 150 + seed)
    text = (
        f"[10:01] customer: {' '.join(words[:first])}\n"
        "[10:02] agent: Stop, please do not send them here!\n"
        f"[10:03] customer: {' '.join(words[first:])}\n[10:04] agent: ok"
    )
    assert _uncovered(text, words) == []


@pytest.mark.parametrize("seed", range(2))
def test_24_words_across_three_timestamped_chat_lines_are_found(seed: int) -> None:
    words = _phrase("english", 200 + seed, strength=32)
    text = "\n".join(
        f"[2024-05-01 10:0{k}] Customer (web): " + " ".join(words[k * 8 : (k + 1) * 8]) for k in range(3)
    )
    assert _uncovered(text, words) == []


def test_24_words_written_in_two_columns_are_found() -> None:
    words = _phrase("english", 210, strength=32)
    text = "\n".join(f"{i + 1}. {words[i]:<10} {i + 13}. {words[i + 12]}" for i in range(12))
    assert _uncovered(text, [w for i in range(12) for w in (words[i], words[i + 12])]) == []


def test_twelve_words_with_two_typos_and_23_of_24_are_found() -> None:
    words = _phrase("english", 220)
    typed = [w[:-1] + ("q" if w[-1] != "q" else "z") if i in (3, 8) else w for i, w in enumerate(words)]
    assert _uncovered("my words " + " ".join(typed), [words[0], words[-1]]) == []
    long = _phrase("english", 221, strength=32)
    assert _uncovered("phrase: " + " ".join(long[:10] + long[11:]), long[:10] + long[11:]) == []


@pytest.mark.parametrize("language", ["spanish", "french"])
def test_accented_words_without_accents_or_decomposed_are_found(language: str) -> None:
    words = _phrase(language, 300)
    bare = [_strip_accents(w) for w in words]
    assert _uncovered("frase: " + " ".join(bare), bare) == []
    decomposed = [unicodedata.normalize("NFD", w) for w in words]
    assert _uncovered("frase: " + " ".join(decomposed), decomposed) == []
    assert _uncovered("<ul>" + "".join(f"<li>{w}</li>" for w in bare) + "</ul>", bare) == []


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
@pytest.mark.parametrize("separator", ["、", "，"])
def test_chinese_words_separated_by_chinese_commas_are_found(language: str, separator: str) -> None:
    words = _phrase(language, 600)
    text = "我的助记词是：" + separator.join(words) + "。请帮我看看"
    assert _uncovered(text, words) == []


@pytest.mark.parametrize(
    "write",
    [
        lambda w: "<p>助记词：</p><p>" + "</p><p>".join(w) + "</p>",
        lambda w: "|序号|词|\n|--|--|\n" + "\n".join(f"|{i}|{x}|" for i, x in enumerate(w, 1)),
        lambda w: "助记词：" + "".join(f"{i}.{x}" for i, x in enumerate(w, 1)),
    ],
    ids=["html", "markdown table", "numbers glued"],
)
def test_chinese_words_in_markup_and_tables_are_found(write) -> None:
    words = _phrase("chinese_simplified", 610)
    assert _uncovered(write(words), words) == []


def test_kana_with_ascii_spaces_and_hangul_without_spaces_are_found() -> None:
    kana = _phrase("japanese", 400)
    assert _uncovered("フレーズ: " + " ".join(kana), kana) == []
    hangul = _phrase("korean", 500)
    assert _uncovered("니모닉: " + "".join(hangul) + " 입니다", hangul) == []


def test_full_width_latin_phrase_is_found() -> None:
    secret = "".join(chr(ord(c) + 0xFEE0) if c.isalpha() else c for c in " ".join(_phrase("english", 8)))
    assert _uncovered("助记词：" + secret, [secret]) == []


@pytest.mark.parametrize(
    "write",
    [
        lambda k: f"private key part 1: {k[:32]}\npart 2: {k[32:]}",
        lambda k: f"[10:01] me: my private key first half {k[:32]}\n[10:02] me: second half {k[32:]}",
        lambda k: f"私钥前半段：{k[:32]}，后半段：{k[32:]}",
    ],
    ids=["two parts", "two chat lines", "chinese"],
)
def test_hex_key_sent_in_two_halves_is_found(write) -> None:
    key = _hex(1)
    text = write(key)
    assert _uncovered(text, [key[:32], key[32:]]) == []


@pytest.mark.parametrize(
    "write",
    [
        lambda k: f"my private key {k.upper()}",
        lambda k: f"private key: 0X{k}",
        lambda k: f"私钥：{k}",
        lambda k: f"我的私鑰是 0x{k} 幫我看看",
        lambda k: f"秘密鍵：{k}",
        lambda k: f"PRIVATE_KEY={k.upper()}\nRPC_URL=https://rpc.example",
        lambda k: json.dumps({"address": "0x" + "ab" * 20, "privateKey": "0x" + k}),
        lambda k: f"<p>my key:</p><pre>{k}</pre>",
    ],
)
def test_hex_key_forms_are_found(write) -> None:
    key = _hex(2)
    text = write(key)
    start = text.lower().index(key)
    assert _uncovered(text, [text[start : start + 64]]) == []


def _b58check(payload: bytes) -> str:
    return base58.b58encode_check(payload).decode()


def test_testnet_wif_and_descriptor_xprv_are_found() -> None:
    raw = random.Random(3).randbytes(32)
    for wif in (_b58check(b"\xef" + raw + b"\x01"), _b58check(b"\xef" + raw)):
        assert _uncovered(f"my key is {wif} pls", [wif]) == []
    rb = random.Random(4).randbytes
    xprv = _b58check(bytes.fromhex("0488ade4") + b"\x03" + rb(8) + rb(32) + b"\0" + rb(32))
    text = f"descriptor: wpkh([d34db33f/84h/0h/0h]{xprv}/0/*)#abcd1234"
    assert _uncovered(text, [xprv]) == []


def _keystore(seed: int) -> dict:
    rb = random.Random(seed).randbytes
    return {
        "address": rb(20).hex(),
        "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": {"iv": rb(16).hex()},
            "ciphertext": rb(32).hex(),
            "kdf": "scrypt",
            "kdfparams": {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": rb(32).hex()},
            "mac": rb(32).hex(),
        },
        "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
        "version": 3,
    }


def test_keystore_pretty_printed_or_escaped_inside_a_json_string_is_found() -> None:
    keystore = _keystore(5)
    pretty = json.dumps(keystore, indent=4)
    assert _uncovered("here is my UTC file:\n" + pretty + "\nthanks", [pretty]) == []
    escaped = json.dumps({"ticket": 1, "body": "keystore: " + json.dumps(keystore)})
    crypto = keystore["crypto"]
    assert _uncovered(escaped, [crypto["ciphertext"], crypto["mac"]]) == []


def test_solana_key_as_a_byte_array_over_lines_is_found() -> None:
    key = random.Random(6).randbytes(64)
    one_per_line = "[\n" + ",\n".join(f"  {b}" for b in key) + "\n]"
    assert _uncovered("my id.json:\n" + one_per_line, [one_per_line]) == []
    two_lines = "[" + ", ".join(map(str, key[:32])) + ",\n " + ", ".join(map(str, key[32:])) + "]"
    assert _uncovered("keypair\n" + two_lines, [two_lines]) == []


def _xpub(version: str, seed: int) -> str:
    rb = random.Random(seed).randbytes
    return _b58check(bytes.fromhex(version) + b"\x03" + rb(8) + rb(32) + b"\x02" + rb(32))


_DECOYS = {
    "tx hash": lambda h: f"my tx hash is {h}, still pending",
    "txid 0x": lambda h: f"txid: 0x{h} not arrived",
    "chinese tx hash": lambda h: f"交易哈希：0x{h}，一直没到账",
    "explorer link": lambda h: f"see https://etherscan.io/tx/0x{h}",
    "explorer link bare": lambda h: f"https://bscscan.com/tx/{h}",
    "download checksum": lambda h: f"sha256sum says {h}  walletdesk-1.2.3.dmg, is it genuine?",
    "checksum upper": lambda h: f"SHA-256: {h.upper()}",
    "git commit": lambda h: f"fixed in commit {h[:40]} on main; build {h[:7]}",
    "block hash": lambda h: f"block hash 0000000000000000000{h[19:]}",
    "two tx hashes": lambda h: f"first hash {h}\nsecond hash {h[::-1]}",
    "api key and secret": lambda h: f"my api key is {h[:32]} and api secret {h[32:]}, the key does not work",
    "md5 pair": lambda h: f"file checksums: md5 {h[:32]} / {h[32:]}",
    "request ids in a log": lambda h: (
        f"INFO request_id={h[:32]} session={h[32:]} path=/api/v1/balance status=200"
    ),
    "license key": lambda h: f"license key {h[:32]}, order 12345",
    "quoted html mail": lambda h: (
        "<html><body><p>Hi,</p><p>I still need help with the withdrawal.</p><blockquote><p>On Tue, "
        "Support wrote:</p><p>Thank you for contacting us. Please provide the transaction hash and the "
        f"network you used.</p><p>Best regards,<br>Support Team</p></blockquote><p>Here it is: txid {h}, "
        "network BEP20.</p></body></html>"
    ),
    "xpub": lambda h: f"my xpub is {_xpub('0488b21e', 1)}, the balance is wrong",
    "zpub descriptor": lambda h: f"wpkh([d34db33f/84h/0h/0h]{_xpub('04b24746', 2)}/0/*)",
    "ssh public key": lambda h: (
        "my ssh key: ssh-ed25519 " + base64.b64encode(bytes.fromhex(h) * 2).decode() + " me@laptop"
    ),
    "english prose of listed words": lambda h: (
        "Hello, I want to report a problem with my account. After the latest update the app shows an "
        "error whenever I try to withdraw. I checked my balance, the amount is correct, but the transfer "
        "button does nothing. I tried again later, cleared the cache, and even tried another phone. My "
        "friend had the same issue last month and support told him to wait. Can you check what is wrong?"
    ),
    "english recovery question": lambda h: (
        "Hi team, I lost access to my wallet after I changed phone. I still have my email and my "
        "password, but the app asks for a recovery phrase that I never wrote down. Is there any other way "
        "to restore my account? I can prove my identity with my passport and a recent bank statement."
    ),
    "chinese prose": lambda h: (
        "您好，我是你们的老用户了，最近几天一直遇到问题。昨天晚上我想把钱包里的一部分资产转到交易所，结果页面一直"
        "显示处理中，等了三个多小时都没有到账。我去区块浏览器查了一下，交易已经确认了，但是交易所那边说没有收到。"
        "我联系了交易所的客服，他们让我找你们这边确认一下发送的网络是不是正确的。另外我发现应用更新以后，有时候打开"
        "会闪退，重新安装也没有用。我的手机是安卓系统，版本比较新。还有一个问题，我设置的提醒功能好像不起作用，价格"
        "变化的时候没有收到任何通知。希望你们能尽快帮我看看，这笔钱对我来说很重要，下个月还要用来交房租。如果需要我"
        "提供什么信息，请告诉我，我会配合。非常感谢你们的帮助，祝工作顺利。"
    ),
    "shopping list": lambda h: (
        "Need: apple, banana, orange, milk, bread, butter, cheese, coffee, sugar, salt, pepper, rice"
    ),
}


@pytest.mark.parametrize("decoy", sorted(_DECOYS))
def test_decoys_are_not_flagged(decoy: str) -> None:
    text = _DECOYS[decoy](_hex(9))
    assert secrets_find(text=text) == []
