"""Fresh red-team sets for the secret shield, written apart from the detector's own labelled set.

Run: .venv/bin/python bench/data/shield_fresh/make.py [--set 1|2]

Set 1 (bench/data/shield_fresh.jsonl) was written before the speed and blind-spot work of
issue 6 and measured before any change; set 2 (bench/data/shield_fresh2.jsonl) was written
late, with its own framings and clean messages, and measured once. Each line is
{"id", "text", "secret": bool, "kind", "form", "spans": [[start, end], ...]} where spans are
the secret characters that must be covered by findings (empty for clean messages).

Secrets are real: phrases from the `mnemonic` wordlists (valid checksums unless the form says
otherwise), keys with real base58check/ed25519/keystore structure. Clean messages are
hand-written support messages (zh, en, mixed, ja, ko) filled with random but well-formed
transaction hashes, addresses, explorer links, order numbers and amounts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import unicodedata
from pathlib import Path

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from mnemonic import Mnemonic

HERE = Path(__file__).resolve().parent
OUT = {1: HERE.parent / "shield_fresh.jsonl", 2: HERE.parent / "shield_fresh2.jsonl"}
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
STANDARD = (
    "english",
    "chinese_simplified",
    "chinese_traditional",
    "japanese",
    "korean",
    "spanish",
    "french",
    "italian",
    "czech",
    "portuguese",
)


# --- well-formed random values ---------------------------------------------------------------


def hex_(rng: random.Random, n: int) -> str:
    return rng.randbytes(n).hex()


def eth_addr(rng: random.Random) -> str:
    raw = hex_(rng, 20)
    digest = hashlib.sha3_256(raw.encode()).hexdigest()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(d, 16) >= 8 else c for c, d in zip(raw, digest, strict=False)
    )


def tron_addr(rng: random.Random) -> str:
    return base58.b58encode_check(b"\x41" + rng.randbytes(20)).decode()


def btc_addr(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return base58.b58encode_check(rng.choice([b"\x00", b"\x05"]) + rng.randbytes(20)).decode()
    if r < 0.8:
        return "bc1q" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(38))
    return "bc1p" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(58))


def sol_addr(rng: random.Random) -> str:
    return base58.b58encode(rng.randbytes(32)).decode()


def sol_sig(rng: random.Random) -> str:
    return base58.b58encode(rng.randbytes(64)).decode()


def addr(rng: random.Random) -> str:
    return rng.choice([eth_addr, tron_addr, btc_addr, sol_addr])(rng)


def txh(rng: random.Random) -> str:
    return rng.choice(["0x" + hex_(rng, 32), hex_(rng, 32), hex_(rng, 32).upper()])


def link(rng: random.Random) -> str:
    return rng.choice(
        [
            lambda: f"https://etherscan.io/tx/0x{hex_(rng, 32)}",
            lambda: f"https://bscscan.com/tx/0x{hex_(rng, 32)}#eventlog",
            lambda: f"https://tronscan.org/#/transaction/{hex_(rng, 32)}",
            lambda: f"https://arbiscan.io/tx/0x{hex_(rng, 32)}",
            lambda: f"https://polygonscan.com/tx/0x{hex_(rng, 32)}",
            lambda: f"https://blockstream.info/tx/{hex_(rng, 32)}?expand",
            lambda: f"https://solscan.io/tx/{sol_sig(rng)}",
            lambda: f"https://explorer.solana.com/tx/{sol_sig(rng)}?cluster=mainnet-beta",
            lambda: f"https://etherscan.io/address/{eth_addr(rng)}#tokentxns",
            lambda: f"https://tronscan.org/#/address/{tron_addr(rng)}/transfers",
            lambda: f"https://mempool.space/address/{btc_addr(rng)}",
            lambda: f"https://tonviewer.com/transaction/{hex_(rng, 32)}",
        ]
    )()


def order(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randrange(10**17, 10**19)),
            f"W{rng.randrange(10**15, 10**16)}",
            f"DP-{rng.randrange(10**9)}",
        ]
    )


def amount(rng: random.Random) -> str:
    return rng.choice(
        [str(rng.randrange(5, 20000)), f"{rng.uniform(0.001, 9):.4f}", f"{rng.randrange(1, 99)}.5"]
    )


def fill(template: str, rng: random.Random) -> str:
    makers = {
        "TX": lambda: txh(rng),
        "ADDR": lambda: addr(rng),
        "EVM": lambda: eth_addr(rng),
        "TRON": lambda: tron_addr(rng),
        "BTC": lambda: btc_addr(rng),
        "SOL": lambda: sol_addr(rng),
        "SIG": lambda: sol_sig(rng),
        "LINK": lambda: link(rng),
        "ORDER": lambda: order(rng),
        "UID": lambda: str(rng.randrange(10**7, 10**10)),
        "AMT": lambda: amount(rng),
        "COIN": lambda: rng.choice(["USDT", "BTC", "ETH", "TRX", "SOL", "BNB", "USDC", "TON"]),
        "NET": lambda: rng.choice(["TRC20", "ERC20", "BEP20", "Solana", "Arbitrum One", "Polygon"]),
        "HEX32": lambda: hex_(rng, 32),
        "BLK": lambda: hex_(rng, 22),
    }
    out = template
    for name, make in makers.items():
        while "{" + name + "}" in out:
            out = out.replace("{" + name + "}", make(), 1)
    return out


# --- secrets -----------------------------------------------------------------------------------


def phrase(rng: random.Random, language: str, n: int = 0, valid: bool = True) -> list[str]:
    n = n or rng.choice([12, 12, 12, 15, 18, 24])
    strength = {12: 16, 15: 20, 18: 24, 21: 28, 24: 32}[n]
    words = Mnemonic(language).to_mnemonic(rng.randbytes(strength)).split()
    words = [unicodedata.normalize("NFC", w) for w in words] if language in ("japanese", "korean") else words
    if not valid:
        wordlist = Mnemonic(language).wordlist
        words[-1] = rng.choice(wordlist)
    return words


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 4 or not word.isascii():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["drop", "swap", "double", "replace"])
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "swap":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔"


def write_words(rng: random.Random, words: list[str], language: str, form: str) -> str:
    zh = language.startswith("chinese")
    if form == "space":
        return ("\u3000" if language == "japanese" else " ").join(words)
    if form == "lines":
        return "\n".join(words)
    if form == "numbered_dot":
        return "\n".join(f"{i}. {w}" for i, w in enumerate(words, 1))
    if form == "numbered_paren_inline":
        return " ".join(f"{i}){w}" for i, w in enumerate(words, 1))
    if form == "circled":
        return " ".join(f"{CIRCLED[i]}{w}" for i, w in enumerate(words))
    if form == "comma":
        return ("，" if zh and rng.random() < 0.5 else ", ").join(words)
    if form == "dash":
        return "-".join(words)
    if form == "slash":
        return " / ".join(words)
    if form == "upper":
        return " ".join(w.upper() for w in words)
    if form == "title":
        return " ".join(w.capitalize() for w in words)
    if form == "grid":  # three columns, as on a backup card
        rows = []
        third = len(words) // 3
        for r in range(third):
            rows.append("   ".join(f"{r + 1 + c * third:>2}. {words[r + c * third]}" for c in range(3)))
        return "\n".join(rows)
    if form == "quoted_list":
        return "[" + ", ".join(f'"{w}"' for w in words) + "]"
    if form == "glued":  # no separator at all
        return "".join(words)
    if form == "camel":
        return "".join(w.capitalize() for w in words)
    if form == "typo2":
        ws = list(words)
        for i in rng.sample(range(len(ws)), 2):
            ws[i] = typo(rng, ws[i])
        return " ".join(ws)
    if form == "typo1_first":
        return " ".join([typo(rng, words[0]), *words[1:]])
    if form == "pipe":
        return " | ".join(words)
    if form == "tab_pairs":
        return "\n".join(f"{i + 1}\t{w}" for i, w in enumerate(words))
    raise ValueError(form)


PHRASE_FRAMES_EN = [
    "Hi, the support agent on Telegram told me to send my recovery phrase here for verification:\n{S}\nPlease restore my wallet asap",
    "my wallet shows 0 balance after update. seed is {S} can you check what happened",
    "{S}",
    "Hello team,\n\nI am trying to import my wallet into the new phone but it says 'invalid mnemonic'. These are the words:\n\n{S}\n\nThanks in advance,\nMarco",
    "URGENT!!! funds missing. my 12 words: {S}. please help recover",
    "Is this the right format for the backup? ```{S}```",
    "ok here it is\n{S}\nnow can you unlock the account",
    "The validator form asked for my phrase to sync the wallet, I typed {S} and then my USDT was gone",
]
PHRASE_FRAMES_ZH = [
    "客服你好，我的助记词是：{S}，为什么导入后余额是0？",
    "你好，钱包升级后要重新验证，这是我的助记词\n{S}\n麻烦尽快处理",
    "{S}\n以上是我的恢复短语，帮我看看是不是抄错了",
    "有个自称官方客服的人让我把助记词发给他同步钱包，我发了{S}之后币就没了，怎么办",
    "导入钱包提示助记词无效：{S} 求助！！",
    "我抄在本子上的是 {S} 对吗",
]
PHRASE_FRAMES_JA = [
    "サポートの方へ。ウォレットを復元できません。フレーズは{S}です。確認してください。",
    "こんにちは、リカバリーフレーズ：\n{S}\nこれで合っていますか？",
]
PHRASE_FRAMES_KO = [
    "안녕하세요, 지갑 복구가 안 됩니다. 시드 문구는 {S} 입니다. 확인 부탁드립니다.",
    "복구 구문:\n{S}\n잔액이 사라졌어요 도와주세요",
]
PHRASE_FRAMES_EU = [
    "Hola, no puedo restaurar mi billetera. Mis palabras son: {S}. Gracias.",
    "Bonjour, voici ma phrase de récupération : {S} — le portefeuille affiche zéro.",
    "Ciao, la mia frase di recupero è {S}, non riesco ad accedere.",
    "Dobrý den, moje slova pro obnovu: {S}. Děkuji.",
    "Olá, minha frase de recuperação é {S}. Por favor, ajudem.",
    "Hi support, my seed words (written in my language): {S}",
]


def frames_for(language: str) -> list[str]:
    if language == "english":
        return PHRASE_FRAMES_EN
    if language.startswith("chinese"):
        return PHRASE_FRAMES_ZH + PHRASE_FRAMES_EN[:2]
    if language == "japanese":
        return PHRASE_FRAMES_JA + PHRASE_FRAMES_EN[2:4]
    if language == "korean":
        return PHRASE_FRAMES_KO + PHRASE_FRAMES_EN[2:3]
    return PHRASE_FRAMES_EU


def embed(frame: str, secret: str) -> tuple[str, list[list[int]]]:
    start = frame.index("{S}")
    text = frame.replace("{S}", secret, 1)
    return text, [[start, start + len(secret)]]


def mnemonic_rows(rng: random.Random, set_no: int) -> list[dict]:
    rows = []
    latin_forms = [
        "space", "lines", "numbered_dot", "numbered_paren_inline", "circled", "comma", "dash",
        "upper", "title", "grid", "quoted_list", "typo2", "typo1_first", "slash",
    ]  # fmt: skip
    if set_no == 2:
        latin_forms += ["pipe", "tab_pairs"]
    cjk_forms = ["space", "lines", "numbered_dot", "circled", "comma", "numbered_paren_inline"]
    # Separated forms in every language.
    for language in STANDARD:
        forms = cjk_forms if language.startswith("chinese") or language in ("japanese",) else latin_forms
        for _ in range(12 if language == "english" else 7):
            form = rng.choice(forms)
            valid = rng.random() > 0.25
            words = phrase(rng, language, valid=valid)
            secret = write_words(rng, words, language, form)
            frame = rng.choice(frames_for(language))
            text, spans = embed(frame, secret)
            rows.append(dict(text=text, kind="mnemonic", form=f"{language}/{form}", spans=spans))
    # Partial runs: the customer pasted only part of the phrase.
    for language in ("english", "spanish", "french", "korean", "italian"):
        for _ in range(2):
            words = phrase(rng, language, 12)[: rng.choice([9, 10, 11])]
            secret = " ".join(words)
            text, spans = embed(rng.choice(frames_for(language)), secret)
            rows.append(dict(text=text, kind="mnemonic", form=f"{language}/partial", spans=spans))
    # Chinese glued into prose, no spaces at all.
    glue_frames = [
        "我的助记词是{S}请帮我看看",
        "客服说要验证钱包，我就把{S}发过去了，现在币全没了",
        "{S}这是我的恢复词",
        "您好我导入钱包时输入{S}一直提示错误是不是哪里写错了",
        "刚才那个人让我填写{S}然后钱包里的USDT就被转走了",
    ]
    for language in ("chinese_simplified", "chinese_traditional"):
        for _ in range(7):
            words = phrase(rng, language, rng.choice([12, 12, 18, 24]), valid=rng.random() > 0.2)
            text, spans = embed(rng.choice(glue_frames), "".join(words))
            rows.append(dict(text=text, kind="mnemonic", form=f"{language}/glued_prose", spans=spans))
    # The known blind spots: Japanese glued kana, English CamelCase and glued lowercase.
    for _ in range(6):
        words = phrase(rng, "japanese", rng.choice([12, 12, 24]))
        frame = rng.choice(PHRASE_FRAMES_JA + ["{S}", "my phrase: {S}"])
        text, spans = embed(frame, "".join(words))
        rows.append(dict(text=text, kind="mnemonic", form="japanese/glued", spans=spans))
    for form in ("camel", "glued"):
        for _ in range(6):
            words = phrase(rng, "english", rng.choice([12, 12, 24]))
            text, spans = embed(rng.choice(PHRASE_FRAMES_EN), write_words(rng, words, "english", form))
            rows.append(dict(text=text, kind="mnemonic", form=f"english/{form}", spans=spans))
    for language in ("spanish", "french", "italian", "portuguese", "czech", "korean"):
        words = phrase(rng, language, 12)
        form = "glued" if language == "korean" else rng.choice(["camel", "glued"])
        text, spans = embed(rng.choice(frames_for(language)), write_words(rng, words, language, form))
        rows.append(dict(text=text, kind="mnemonic", form=f"{language}/{form}", spans=spans))
    return rows


def wif(rng: random.Random, compressed: bool, testnet: bool = False) -> str:
    payload = (b"\xef" if testnet else b"\x80") + rng.randbytes(32) + (b"\x01" if compressed else b"")
    return base58.b58encode_check(payload).decode()


def xprv(rng: random.Random) -> str:
    versions = {
        "xprv": "0488ade4",
        "yprv": "049d7878",
        "zprv": "04b2430c",
        "tprv": "04358394",
        "Yprv": "0295b005",
        "Zprv": "02aa7a99",
    }
    prefix = rng.choice(list(versions))
    body = (
        bytes.fromhex(versions[prefix])
        + bytes([rng.randrange(0, 6)])
        + rng.randbytes(4)
        + rng.randbytes(4)
        + rng.randbytes(32)
        + b"\x00"
        + rng.randbytes(32)
    )
    return base58.b58encode_check(body).decode()


def solana_secret(rng: random.Random) -> tuple[bytes, str]:
    seed = rng.randbytes(32)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    raw = seed + public
    return raw, base58.b58encode(raw).decode()


def keystore_json(rng: random.Random, pretty: bool) -> str:
    data = {
        "address": hex_(rng, 20),
        "crypto": {
            "cipher": "aes-128-ctr",
            "ciphertext": hex_(rng, 32),
            "cipherparams": {"iv": hex_(rng, 16)},
            "kdf": rng.choice(["scrypt", "pbkdf2"]),
            "kdfparams": {"dklen": 32, "n": 262144, "p": 1, "r": 8, "salt": hex_(rng, 32)},
            "mac": hex_(rng, 32),
        },
        "id": f"{hex_(rng, 4)}-{hex_(rng, 2)}-{hex_(rng, 2)}-{hex_(rng, 2)}-{hex_(rng, 6)}",
        "version": 3,
    }
    if rng.random() < 0.3:
        data["Crypto"] = data.pop("crypto")
    return json.dumps(data, indent=2 if pretty else None)


KEY_FRAMES_EN = [
    "Here is my private key, please move my funds: {S}",
    "privkey={S}",
    "the fake admin asked me to export the key from metamask, it was {S} is it compromised?",
    "{S}",
    "Importing this key fails with 'invalid key': {S}",
    "my secret key {S} thanks",
]
KEY_FRAMES_ZH = [
    "我的私钥是{S}，麻烦帮我把币转出来",
    "私钥：{S}",
    "导出的密钥 {S} 能不能帮我恢复",
    "这是我钱包的私钥\n{S}\n谢谢",
]


def key_rows(rng: random.Random, set_no: int) -> list[dict]:
    rows = []
    frames = KEY_FRAMES_EN + KEY_FRAMES_ZH

    def add(secret: str, kind: str, form: str, frame: str | None = None) -> None:
        text, spans = embed(frame or rng.choice(frames), secret)
        rows.append(dict(text=text, kind=kind, form=form, spans=spans))

    for _ in range(8):
        k = hex_(rng, 32)
        form = rng.choice(["plain", "0x", "upper", "0X"])
        k = {"plain": k, "0x": "0x" + k, "upper": k.upper(), "0X": "0x" + k.upper()}[form]
        add(k, "private_key", f"hex/{form}")
    for _ in range(3):  # grouped, as read off a paper backup
        k = hex_(rng, 32)
        size = rng.choice([4, 8, 16, 32])
        sep = rng.choice([" ", "\n", "-"]) if size < 32 else "\n"
        add(sep.join(k[i : i + size] for i in range(0, 64, size)), "private_key", f"hex/grouped{size}")
    for _ in range(6):
        add(wif(rng, compressed=rng.random() < 0.6, testnet=rng.random() < 0.2), "private_key", "wif")
    for _ in range(6):
        add(xprv(rng), "extended_private_key", "xprv")
    for _ in range(3):
        raw, b58 = solana_secret(rng)
        add(b58, "private_key", "solana/base58")
    for _ in range(3):
        raw, b58 = solana_secret(rng)
        spaced = rng.random() < 0.5
        array = "[" + (", " if spaced else ",").join(str(b) for b in raw) + "]"
        add(array, "private_key", "solana/array")
    for _ in range(4):
        pretty = rng.random() < 0.5
        add(
            keystore_json(rng, pretty),
            "keystore_json",
            "keystore/pretty" if pretty else "keystore/line",
            rng.choice(
                ["My keystore file:\n{S}\npassword is on a sticky note", "{S}", "钱包文件内容如下 {S}"]
            ),
        )
    if set_no == 2:
        for _ in range(2):
            add(
                hex_(rng, 32),
                "private_key",
                "hex/env",
                "PRIVATE_KEY=0x{S}\nRPC_URL=https://mainnet.infura.io/v3/x",
            )
    return rows


# --- clean messages ---------------------------------------------------------------------------

CLEAN_EN = [
    "Hi, I deposited {AMT} {COIN} over {NET} two hours ago and it still isn't in my account. txid: {TX}",
    "Withdrawal {ORDER} has been pending since yesterday. Destination address {ADDR}. Please check.",
    "I sent to the wrong network ({NET} instead of ERC20). Here is the hash {TX}. Can you recover it?",
    "Explorer shows success: {LINK} but my balance did not change.",
    "Why was my account frozen? UID {UID}. I only logged in from a new phone.",
    "Can someone explain the withdrawal fee? I was charged {AMT} USDT for a {AMT} USDT transfer, that's ridiculous.",
    "I lost my phone with Google Authenticator, how do I reset 2FA? My UID is {UID}.",
    "The app keeps crashing when I open the trading screen on Android 14. Please fix.",
    "Hello, my KYC got rejected three times, the selfie is clear. What else do you need?",
    "Please confirm whether this is your official deposit address: {ADDR}",
    "Transaction {TX} shows 'dropped and replaced'. Did my withdrawal fail?",
    "My limit order to buy {COIN} at {AMT} was never filled even though the price went below it.",
    "I got an email saying my wallet will be suspended unless I verify my seed phrase on a website. Is this real? I didn't give them anything.",
    "Someone logged into my account from Nigeria and withdrew {AMT} {COIN} to {ADDR}. I did not do this!!! tx {TX}",
    "Thanks for the quick help yesterday, Anna was great.",
    "How do I export my transaction history as CSV for taxes?",
    "Hi, the memo/tag for my TON deposit was missing. Hash: {HEX32}. Amount {AMT} TON.",
    "The block explorer link you sent doesn't open: {LINK}",
    "Never share your recovery phrase or private key with anyone, including support — got it, thanks for the reminder.",
    "I want to close my account and withdraw everything to {ADDR}.",
    "Is there any way to speed up a stuck BTC transaction? txid {TX}, fee rate was 3 sat/vB.",
    "Hi, I backed up my seed phrase on paper as the app told me. Where should I store it safely? Is a bank safe deposit box ok?",
    "Swap from {COIN} to USDT failed but the gas was deducted: {LINK}",
    "My order {ORDER} was cancelled automatically, why? I had enough balance.",
    "Hello, I need the deposit address for {NET}. The one I used before was {ADDR}, is it still valid?",
    "The mnemonic words screen in the app shows 12 boxes but my old wallet had 24 words, which should I choose? Not sharing them of course.",
    "can u pls check tx {TX} + {TX} both were deposits from binance, only the first arrived",
    "I think I was scammed. A person on WhatsApp promised 20% a week, I sent {AMT} USDT to {ADDR} and now he blocked me.",
    "Staking rewards have not been credited for three days. Account {UID}.",
    "Hey, which browsers do you support for the web wallet? Safari keeps logging me out.",
    "The referral bonus promised in the campaign was never paid. Campaign ID {ORDER}.",
    "I received an airdrop of a weird token to my address {EVM}, should I interact with it?",
    "Signed message verification failed: signature 0x{HEX32}{HEX32}1b for address {EVM}",
    "This is the third time I'm writing. Nobody answers. I want to speak to a manager.",
    "How long does a SEPA withdrawal usually take? I started it Monday.",
    "Hi! Can you add support for Base network deposits? Many of us use it now.",
    "Error code 40017 when I try to withdraw to {TRON}. The address is correct, I checked twice.",
    "please revoke the approval for contract {EVM}, I don't trust it anymore. My wallet address is {EVM}",
    "Solana transfer {SIG} confirmed on chain but not credited.",
    "The API returns 'invalid signature' for my requests. My API key starts with 8f3a... (not pasting the secret).",
]
CLEAN_ZH = [
    "你好，我{AMT}{COIN}充值到现在没到账，哈希{TX}，麻烦查一下。",
    "提币一直显示审核中，订单号{ORDER}，已经两天了，请尽快处理，不然我要投诉了。",
    "我转错网络了，本来应该用ERC20，结果选成了{NET}，交易链接：{LINK}，还能找回吗？",
    "账号被冻结了，说是风控，我什么都没做啊，UID {UID}。",
    "你们的手续费太高了，提{AMT}U扣了我好几U，能不能退一部分？",
    "谷歌验证器换手机后丢了，怎么重置二次验证？",
    "请问你们官方的充值地址是不是{ADDR}？别人发给我的，我怕被骗。",
    "刚才有人在电报上自称客服，让我提供助记词，我没给，他是骗子吧？帮我举报一下。",
    "实名认证一直审核不通过，身份证照片很清楚，为什么？",
    "我的挂单一直没成交，价格明明到了，这是什么情况？",
    "客服态度太差了，问了三次都没人回复，请给我一个解释。",
    "我在外面旅游，用酒店的网络登录，结果提示异地登录，账户被锁了，怎么解锁？",
    "我昨天晚上收到一条短信，说我的钱包有异常交易，需要点击链接验证身份，我没有点，请问这是你们发的吗？以后遇到这种情况我应该怎么办？",
    "你好，我想了解一下你们平台的安全措施。我的朋友之前在别的平台被盗过，所以我比较担心。请问你们有没有冷钱包存储，有没有保险，如果账户被盗了能不能赔偿？另外二次验证除了谷歌验证器还支持哪些方式？谢谢。",
    "提现到{TRON}显示成功，但是对方说没收到，哈希是{TX}，帮忙看一下。",
    "我的资产被盗了！有人登录了我的账号，把{AMT}个{COIN}提到了{ADDR}，我根本不认识这个地址，交易哈希{TX}，请马上冻结！",
    "为什么我的账户余额显示不对？少了一些，但我没有操作过。",
    "兑换的时候滑点太大了，实际到手比预估少很多，这合理吗？",
    "你们的APP界面太复杂了，找个提币按钮找半天，能不能优化一下。",
    "感谢客服小王的耐心解答，问题已经解决了，给你们点个赞！",
    "我想把钱包里的币全部转到新地址{EVM}，需要注意什么？",
    "助记词我已经抄在纸上放在保险柜里了，请问还需要做别的备份吗？",
    "充值USDT选了波场网络，地址是{TRON}，区块浏览器显示已确认：{LINK}",
    "今天早上开始app一直闪退，华为手机，系统是鸿蒙4.0，重装了也不行。",
    "我的邀请奖励一直没有发放，活动规则上写的是七个工作日内到账，现在已经过了半个月了。",
    "请问大额提现需要提前预约吗？我大概要提五十万U左右。",
    "你好，我是做生意的，经常需要收款，请问有没有商户版的收款功能？手续费怎么算？",
    "我的朋友借用了我的手机，我怀疑他看到了我的密码，现在应该怎么做才能保证账户安全？资产目前还在。",
    "质押的收益这两天没有发放，是系统问题吗？",
    "签名交易失败，提示nonce too low，交易哈希{TX}，是不是要重新发？",
    "上个月在你们这里买的币，现在要报税，能不能给我导出一份完整的交易记录？",
    "为什么同样的币在你们这里提现要比别的平台贵那么多？希望你们能调整一下收费标准，不然用户都跑了。",
    "我按照教程创建了新钱包，软件提示我把十二个单词写下来，我写好了，然后让我按顺序点一遍确认，我点完之后提示成功，这样就算备份好了吗？",
    "近期市场波动较大，我想了解一下平台在极端行情下的风控机制，比如强平是怎么计算的，保证金率低于多少会被强平，有没有提前通知？",
    "昨天下午三点左右我在合约页面下了一个市价单，结果成交价格和我看到的价格差了很多，我认为这是平台的问题，要求赔偿差价。",
    "地址簿里保存的地址{ADDR}被改了，不是我改的，请帮我查查登录记录。",
]
CLEAN_MIXED = [
    "你好，我的USDT deposit 还没到，txid是{TX}，network选的是{NET}",
    "withdraw 一直pending，order id {ORDER}，help！！",
    "请问 staking 的 APY 是多少？lock period 多久？",
    "我的account 被 lock 了，2FA 也收不到 code，咋办",
    "hi 客服，address {ADDR} 是你们的 hot wallet 吗？我收到了一笔 unknown transfer",
    "这个 link {LINK} 显示 success 但 balance 没变",
    "手续费 fee 收了 {AMT} USDT，too expensive 啊，能 refund 吗",
    "KYC 审核 rejected 了三次，selfie 很清楚啊，what's wrong",
]
CLEAN_JA = [
    "こんにちは。昨日入金した{AMT} USDTがまだ反映されていません。トランザクションハッシュは{TX}です。ご確認をお願いします。",
    "アカウントにログインできなくなりました。パスワードをリセットしてもメールが届きません。どうすればよいでしょうか。",
    "出金手数料が高すぎると思います。ほかの取引所と比べて二倍以上です。見直しをお願いします。",
    "先日、サポートを名乗る人からリカバリーフレーズを教えてほしいと連絡がありましたが、教えていません。詐欺でしょうか。",
    "スマートフォンを機種変更したので、二段階認証を移行する方法を教えてください。よろしくお願いいたします。",
    "いつもありがとうございます。おかげさまで問題は解決しました。ていねいなたいおうにかんしゃしています。",
    "ひらがなだけでかくとこうなります。わたしはきのうからずっとまっていますが、まだおかねがとどいていません。はやくしらべてください。",
    "送金先アドレス{ADDR}に送ったのですが、相手に届いていないそうです。エクスプローラーのリンクは{LINK}です。",
]
CLEAN_KO = [
    "안녕하세요. 어제 입금한 {AMT} USDT가 아직 반영되지 않았습니다. 거래 해시는 {TX} 입니다. 확인 부탁드립니다.",
    "계정이 잠겨서 로그인이 안 됩니다. 비밀번호를 재설정해도 인증 메일이 오지 않아요.",
    "출금 수수료가 너무 비싸요. 다른 거래소보다 두 배 이상 높습니다. 환불해 주실 수 있나요?",
    "고객센터라고 하는 사람이 시드 문구를 알려 달라고 했는데 알려주지 않았습니다. 사기인가요?",
    "휴대폰을 바꿔서 구글 OTP를 옮기고 싶습니다. 방법을 알려주세요. 감사합니다.",
    "지갑 주소 {ADDR} 로 보냈는데 상대방이 못 받았다고 합니다. 링크: {LINK}",
    "앱이 계속 꺼져요. 갤럭시 S23 쓰고 있고 최신 버전으로 업데이트했습니다. 빨리 고쳐 주세요.",
]
CLEAN_OTHER = [
    "Hola, hice un retiro de {AMT} USDT hace dos días y todavía no llega. El hash es {TX}. ¿Pueden revisar?",
    "Bonjour, mon dépôt de {AMT} {COIN} n'est toujours pas arrivé, voici le lien : {LINK}",
    "Ciao, il mio conto è bloccato e non riesco a fare il login. Potete aiutarmi per favore?",
    "Olá, gostaria de saber por que a taxa de saque está tão alta neste mês. Obrigado.",
    "Dobrý den, nemohu se přihlásit do účtu, aplikace píše chybu sítě. Děkuji za pomoc.",
    "Здравствуйте, мой вывод средств завис уже третий день, номер заявки {ORDER}.",
]
# Long text: several paragraphs of Chinese prose, a pasted log, a pasted article.
LONG_ZH = (
    "事情是这样的。上周五晚上我在家里用电脑登录账户，准备把一部分币提到冷钱包里。"
    "提币的时候系统提示我需要进行身份验证，我就按照提示输入了验证码，结果页面一直转圈，"
    "过了大概十分钟才显示提交成功。但是到今天为止，钱包里还是没有收到这笔钱。"
    "我查了区块浏览器，上面显示交易已经确认了，哈希是{TX}，接收地址也是我自己的{ADDR}，"
    "所以我不明白为什么钱包里看不到。我也问过钱包那边的客服，他们说可能是你们这边没有真正发出。"
    "我希望你们能够认真地查一下这笔交易到底去了哪里，并且给我一个明确的答复。"
    "如果是你们的问题，请尽快补发；如果是我的问题，也请告诉我应该怎么处理。"
    "另外，我觉得你们的提币流程太复杂了，每次都要验证好几次，希望以后可以简化一些。"
    "我在你们平台用了三年多了，一直觉得还不错，这次的经历让我有点失望。谢谢。"
)
LONG_ZH_2 = (
    "关于账户安全的几点建议：第一，不要把助记词、私钥告诉任何人，包括自称客服的人；"
    "第二，开启二次验证，最好使用硬件密钥；第三，定期检查授权，撤销不再使用的合约授权；"
    "第四，不要点击来历不明的链接，尤其是短信和社交软件里发来的所谓空投活动；"
    "第五，大额资产建议存放在冷钱包中，并把助记词抄写在纸上，分开保存在安全的地方。"
    "如果您发现账户有异常登录或者资产被转走，请立即修改密码、冻结账户，并联系我们的客服团队，"
    "我们会在第一时间协助您处理。感谢您对平台的信任与支持，祝您投资顺利，生活愉快。"
)
LONG_LOG = (
    "2026-11-20 10:01:22 INFO withdraw request id={ORDER} user={UID} asset={COIN} amount={AMT}\n"
    "2026-11-20 10:01:23 INFO broadcast tx hash={TX} chain={NET}\n"
    "2026-11-20 10:01:40 WARN confirmation pending txid={TX} depth=0\n"
    "2026-11-20 10:05:02 INFO confirmed block 00000000000000000002{BLK} tx={TX}\n"
    "2026-11-20 10:05:03 INFO credited to={ADDR}\n"
)


def clean_rows(rng: random.Random, set_no: int, pool: dict[str, list[str]]) -> list[dict]:
    rows = []
    for language, templates in pool.items():
        for template in templates:
            for _ in range(3 if set_no == 1 else 5):
                rows.append(dict(text=fill(template, rng), form=f"clean/{language}"))
    if set_no == 2:
        return rows
    for _ in range(8):
        text = fill(LONG_ZH, rng) + "\n\n" + LONG_ZH_2
        rows.append(dict(text=text, form="clean/long_zh"))
    for _ in range(5):
        rows.append(dict(text=fill(LONG_LOG, rng), form="clean/log"))
    return rows


def build(set_no: int) -> list[dict]:
    rng = random.Random(6000 + set_no)
    if set_no == 1:
        pool = {
            "en": CLEAN_EN,
            "zh": CLEAN_ZH,
            "mixed": CLEAN_MIXED,
            "ja": CLEAN_JA,
            "ko": CLEAN_KO,
            "other": CLEAN_OTHER,
        }
    else:
        sys.path.insert(0, str(HERE))
        from set2 import CLEAN_POOL_2  # written late, apart from set 1

        pool = CLEAN_POOL_2
    secrets = mnemonic_rows(rng, set_no) + key_rows(rng, set_no)
    if set_no == 2:
        from set2 import extra_secret_rows

        secrets += extra_secret_rows(rng)
    clean = clean_rows(rng, set_no, pool)
    rows = []
    for row in secrets:
        rows.append(
            {
                "text": row["text"],
                "secret": True,
                "kind": row["kind"],
                "form": row["form"],
                "spans": row["spans"],
            }
        )
    for row in clean:
        rows.append({"text": row["text"], "secret": False, "kind": None, "form": row["form"], "spans": []})
    rng.shuffle(rows)
    for number, row in enumerate(rows, 1):
        row["id"] = f"f{set_no}-{number:04d}"
    return [{"id": r["id"], **{k: v for k, v in r.items() if k != "id"}} for r in rows]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=int, choices=(1, 2), default=1)
    args = parser.parse_args()
    rows = build(args.set)
    with OUT[args.set].open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{OUT[args.set]}: {sum(r['secret'] for r in rows)} secret, {sum(not r['secret'] for r in rows)} clean"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
