"""Third fresh red-team set for the secret shield (bench/data/shield_fresh3.jsonl).

Run: .venv/bin/python bench/data/shield_fresh/set3.py

Written in session 4 before any change to the shield of that session, apart from sets 1 and 2:
new layouts (numbering as "[1]", "#1", "1:", "No.1", full-width "１．", two columns, bullets,
semicolons, arrows, CRLF, ideographic spaces in every language), Chinese glued into prose on
both sides with valid and wrong checksums, misspelt words at the ends, partial runs, hex keys
written beside transaction hashes, wrapped extended keys, escaped keystores; and clean hard
negatives: hashes and addresses in many contexts, public keys, xpubs, PGP/SSH keys, base64
blobs, JWTs, code, long Chinese complaints, Chinese typed with spaces for emphasis, and prose in
English, Spanish, French, Italian, Portuguese and Czech dense with the languages' BIP39 words.
Line format as make.py: {"id", "text", "secret", "kind", "form", "spans"}; spans cover the
secret's words (not the numbering before the first one).
"""

from __future__ import annotations

import base64
import json
import random
import sys
import unicodedata
from pathlib import Path

import base58
from mnemonic import Mnemonic

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make import (  # noqa: E402
    btc_addr,
    eth_addr,
    fill,
    hex_,
    keystore_json,
    order,
    sol_addr,
    solana_secret,
    tron_addr,
    typo,
    wif,
    xprv,
)

OUT = HERE.parent / "shield_fresh3.jsonl"
STANDARD = (
    "english", "chinese_simplified", "chinese_traditional", "japanese", "korean", "spanish",
    "french", "italian", "czech", "portuguese",
)  # fmt: skip
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def words_of(rng: random.Random, language: str, n: int, *, valid: bool = True) -> list[str]:
    strength = {12: 16, 15: 20, 18: 24, 21: 28, 24: 32}[n]
    words = Mnemonic(language).to_mnemonic(rng.randbytes(strength)).split()
    words = [unicodedata.normalize("NFC", w) for w in words]
    if not valid:
        # A mistyped word from the list: the checksum no longer holds (checked below).
        wordlist = Mnemonic(language).wordlist
        while True:
            position = rng.randrange(n)
            changed = list(words)
            changed[position] = unicodedata.normalize("NFC", rng.choice(wordlist))
            if not Mnemonic(language).check(" ".join(changed)):
                return changed
    return words


def layout(rng: random.Random, words: list[str], name: str) -> tuple[str, int]:
    """The phrase written in one layout, and where its first word starts in it."""
    n = len(words)
    if name == "num_colon":
        text = "\n".join(f"{i}: {w}" for i, w in enumerate(words, 1))
    elif name == "num_hash":
        text = " ".join(f"#{i} {w}" for i, w in enumerate(words, 1))
    elif name == "num_bracket":
        text = " ".join(f"[{i}] {w}" for i, w in enumerate(words, 1))
    elif name == "num_paren":
        text = "\n".join(f"({i}) {w}" for i, w in enumerate(words, 1))
    elif name == "num_bare":
        text = " ".join(f"{i} {w}" for i, w in enumerate(words, 1))
    elif name == "num_no":
        text = ", ".join(f"No.{i} {w}" for i, w in enumerate(words, 1))
    elif name == "num_fullwidth":
        text = "\u3000".join(f"{str(i).translate(FULL_DIGITS)}．{w}" for i, w in enumerate(words, 1))
    elif name == "num_dash_lines":
        text = "\r\n".join(f"{i:02d} - {w}" for i, w in enumerate(words, 1))
    elif name == "comma_tight":
        text = ",".join(words)
    elif name == "dash_spaced":
        text = " - ".join(words)
    elif name == "ideo_space":
        text = "\u3000".join(words)
    elif name == "semicolon":
        text = "; ".join(words)
    elif name == "bullets":
        text = "\n".join(f"• {w}" for w in words)
    elif name == "arrow":
        text = " → ".join(words)
    elif name == "quoted_words":
        text = " ".join(f"'{w}'" for w in words)
    elif name == "mixed_case":
        text = " ".join(rng.choice([w.upper(), w.capitalize(), w]) for w in words)
    elif name == "crlf":
        text = "\r\n".join(words)
    elif name == "ideo_comma":
        text = "、".join(words)
    elif name == "two_columns":
        half = n // 2
        rows = [f"{r + 1}. {words[r]}        {r + 1 + half}. {words[r + half]}" for r in range(half)]
        text = "\n".join(rows)
    elif name == "spaced":
        text = " ".join(words)
    elif name == "lines":
        text = "\n".join(words)
    else:
        raise ValueError(name)
    first = text.index(words[0] if name != "mixed_case" else text.split(" ")[0])
    if name == "quoted_words":
        first = 1
    return text, first


LATIN_LAYOUTS = [
    "num_colon", "num_hash", "num_bracket", "num_paren", "num_bare", "num_no", "num_dash_lines",
    "comma_tight", "dash_spaced", "ideo_space", "semicolon", "bullets", "arrow", "quoted_words",
    "mixed_case", "crlf", "two_columns",
]  # fmt: skip
CJK_LAYOUTS = [
    "num_colon", "num_hash", "num_bracket", "num_paren", "num_bare", "num_fullwidth", "comma_tight",
    "ideo_space", "ideo_comma", "bullets", "crlf", "two_columns", "spaced", "lines",
]  # fmt: skip

FRAMES = {
    "en": [
        "Dear support,\nyour colleague Mike (@wallet_helpdesk_official) said I must re-sync. The words from my card:\n{S}\nBest, Tom",
        "ticket #{UID} follow-up — I already gave the words yesterday but here again: {S}",
        "Is my backup ok? I am not sure about the order.\n\n{S}\n\n(I photographed it too)",
        "copy-paste from my notes app >>> {S} <<< end",
        "Hi! Wallet restore says 'checksum error'. Here's what I typed: {S}. What did I do wrong?",
    ],
    "zh": [
        "在吗？官方客服让我把助记词发过来核验，我抄一下：\n{S}\n核验完请尽快解冻",
        "我钱包里的币被转走了，之前在一个空投网站输入过助记词：{S}，是这个原因吗",
        "【紧急】恢复钱包一直失败，我的助记词如下 {S} 请技术帮忙看看",
        "备份卡片上写的是：{S}。顺序应该没错吧？",
    ],
    "ja": [
        "ウォレットが開けません。バックアップの単語です：\n{S}\nよろしくお願いします。",
        "サポート担当者に言われたので送ります。{S} 以上です。",
    ],
    "ko": [
        "지갑을 복구하려고 하는데 계속 오류가 납니다. 제 단어는 다음과 같습니다:\n{S}\n확인 부탁드려요.",
        "상담원이 보내라고 해서 보냅니다 {S} 빨리 처리해 주세요",
    ],
    "es": [
        "Buenas tardes, el agente de soporte me pidió las palabras para sincronizar: {S}. ¿Ya está resuelto?",
        "Mi cartera aparece vacía. Estas son mis palabras de respaldo:\n{S}\nSaludos",
    ],
    "fr": [
        "Bonsoir, le conseiller m'a demandé ma phrase secrète pour débloquer le compte : {S}. Merci d'avance.",
        "Voici les mots de ma carte de sauvegarde :\n{S}\nCordialement",
    ],
    "it": [
        "Salve, l'operatore mi ha chiesto le parole di recupero: {S}. Quando sarà sbloccato?",
        "Le mie parole segrete:\n{S}\nGrazie mille",
    ],
    "cs": [
        "Dobrý den, podpora po mně chtěla slova k obnovení peněženky: {S}. Kdy to bude hotové?",
        "Moje záložní slova:\n{S}\nS pozdravem",
    ],
    "pt": [
        "Boa tarde, o atendente pediu minhas palavras de recuperação: {S}. Já podem liberar?",
        "Minhas palavras de backup:\n{S}\nObrigado",
    ],
}
LANGUAGE_FRAMES = {
    "english": "en", "chinese_simplified": "zh", "chinese_traditional": "zh", "japanese": "ja",
    "korean": "ko", "spanish": "es", "french": "fr", "italian": "it", "czech": "cs", "portuguese": "pt",
}  # fmt: skip


def embed(frame: str, secret: str, first: int = 0) -> tuple[str, list[list[int]]]:
    start = frame.index("{S}")
    text = frame.replace("{S}", secret, 1)
    return text, [[start + first, start + len(secret)]]


def frame_for(rng: random.Random, language: str) -> str:
    own = FRAMES[LANGUAGE_FRAMES[language]]
    if language != "english" and rng.random() < 0.2:
        return fill(rng.choice(FRAMES["en"]), rng)
    return fill(rng.choice(own), rng)


def separated_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language in STANDARD:
        cjk = language.startswith("chinese") or language == "japanese"
        layouts = CJK_LAYOUTS if cjk else LATIN_LAYOUTS
        for name in rng.sample(layouts, 8 if language == "english" else 5):
            words = words_of(rng, language, rng.choice([12, 12, 15, 18, 21, 24]))
            secret, first = layout(rng, words, name)
            text, spans = embed(frame_for(rng, language), secret, first)
            rows.append(dict(text=text, kind="mnemonic", form=f"{language}/{name}", spans=spans))
    return rows


def typo_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language in ("english", "english", "english", "spanish", "french", "italian", "czech", "portuguese"):
        for where in ("inside2", "ends"):
            words = words_of(rng, language, rng.choice([12, 24]))
            if where == "ends":
                words[0], words[-1] = typo(rng, words[0]), typo(rng, words[-1])
            else:
                for i in rng.sample(range(1, len(words) - 1), 2):
                    words[i] = typo(rng, words[i])
            secret, first = layout(rng, words, rng.choice(["spaced", "lines", "num_colon", "comma_tight"]))
            text, spans = embed(frame_for(rng, language), secret, first)
            rows.append(dict(text=text, kind="mnemonic", form=f"{language}/typo_{where}", spans=spans))
    return rows


def wrong_checksum_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language in STANDARD:
        cjk = language.startswith("chinese") or language == "japanese"
        name = rng.choice(CJK_LAYOUTS if cjk else LATIN_LAYOUTS)
        words = words_of(rng, language, 12, valid=False)
        secret, first = layout(rng, words, name)
        text, spans = embed(frame_for(rng, language), secret, first)
        rows.append(dict(text=text, kind="mnemonic", form=f"{language}/wrong_checksum_{name}", spans=spans))
    return rows


def partial_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language in ("english", "spanish", "french", "japanese", "korean", "chinese_simplified", "czech",
                     "portuguese", "italian", "chinese_traditional"):  # fmt: skip
        words = words_of(rng, language, 24)
        count = rng.choice([9, 10, 11, 14])
        begin = rng.randrange(0, 24 - count)
        piece = words[begin : begin + count]
        secret, first = layout(rng, piece, rng.choice(["spaced", "lines", "comma_tight", "num_colon"]))
        frame = rng.choice(
            [
                "I only remember part of it: {S} ... the rest is on the other card",
                "前面几个词忘了，后面是 {S}",
                "{S} (that's the second half)",
            ]
        )
        text, spans = embed(frame, secret, first)
        rows.append(dict(text=text, kind="mnemonic", form=f"{language}/partial{count}", spans=spans))
    return rows


# Prose glued on both sides, no punctuation at the seams: the hardest Chinese case.
GLUED_FRAMES_ZH = [
    "那个自称客服的人说只要把{S}发给他就能解冻我照做了结果第二天钱包就空了",
    "我记在手机备忘录里的是{S}不知道有没有抄错麻烦帮忙看下",
    "麻烦看一下为什么我输入{S}以后显示的地址和原来的不一样",
    "他让我在网页上填了{S}然后我的币全都被转走了请帮我追回",
    "导入的时候我输的是{S}提示无效",
    "帮我恢复一下钱包吧{S}谢谢啦",
    "我的钱包恢复词{S}",
    "{S}就是这些字请尽快帮我把资产转出来",
]
GLUED_FRAMES_ZH_TRAD = [
    "那個自稱客服的人說只要把{S}發給他就能解凍我照做了結果第二天錢包就空了",
    "我記在手機備忘錄裡的是{S}不知道有沒有抄錯麻煩幫忙看下",
    "導入的時候我輸的是{S}提示無效請幫我看看",
    "我的錢包恢復詞{S}",
]


def glued_zh_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language, frames in (
        ("chinese_simplified", GLUED_FRAMES_ZH),
        ("chinese_traditional", GLUED_FRAMES_ZH_TRAD),
    ):
        for number in range(12 if language == "chinese_simplified" else 8):
            valid = number % 3 != 0
            n = rng.choice([12, 12, 12, 15, 18, 24])
            words = words_of(rng, language, n, valid=valid)
            text, spans = embed(rng.choice(frames), "".join(words))
            form = f"{language}/glued_prose_{'valid' if valid else 'wrong_checksum'}{n}"
            rows.append(dict(text=text, kind="mnemonic", form=form, spans=spans))
    # Glued, then quoted with Chinese brackets, and glued with a misspelt (unlisted) character.
    for _ in range(2):
        words = words_of(rng, "chinese_simplified", 12)
        text, spans = embed("我的助记词是「{S}」请核对", "".join(words))
        rows.append(dict(text=text, kind="mnemonic", form="chinese_simplified/glued_brackets", spans=spans))
    for _ in range(2):
        words = words_of(rng, "chinese_simplified", 12)
        words[rng.randrange(2, 10)] = rng.choice("璐瑾瀛骞晗")  # a character off the list
        text, spans = embed(rng.choice(GLUED_FRAMES_ZH[:4]), "".join(words))
        rows.append(dict(text=text, kind="mnemonic", form="chinese_simplified/glued_offlist", spans=spans))
    return rows


def glued_other_rows(rng: random.Random) -> list[dict]:
    rows = []
    for language, frame in (
        ("japanese", "これが私のフレーズです{S}。確認してください"),
        ("japanese", "{S}"),
        ("korean", "제 복구 단어 {S} 입니다"),
        ("english", "my seed (no spaces, sorry): {S}"),
        ("spanish", "Mis palabras juntas: {S}"),
    ):
        words = words_of(rng, language, 12)
        secret = "".join(w.capitalize() for w in words) if language == "english" else "".join(words)
        text, spans = embed(frame, secret)
        rows.append(dict(text=text, kind="mnemonic", form=f"{language}/glued", spans=spans))
    return rows


def key_rows(rng: random.Random) -> list[dict]:
    rows = []

    def add(frame: str, secret: str, kind: str, form: str) -> None:
        frame = fill(frame, rng)
        text, spans = embed(frame, secret)
        rows.append(dict(text=text, kind=kind, form=form, spans=spans))

    hex_frames = [
        "Deposit tx {TX} never arrived. The private key of the sending wallet is {S} if you need it to check",
        "交易哈希：{TX}\n私钥：{S}\n请帮我查一下币去哪了",
        "txid {TX} — and this is my key {S}",
        "I pasted my key in a site: {S}. Right after that a transaction {TX} drained the wallet.",
        "MetaMask > Account details > Show private key gave me\n{S}\nand the withdrawal hash was {TX}",
        "私钥{S}转账记录{LINK}",
        "export from trust wallet:\n{S}",
        "Here: {S}",
        "秘密鍵は{S}です。送金履歴のハッシュは{TX}です。",
        "개인키: {S} / 트랜잭션 해시: {TX}",
        'PRIVATE_KEY = "{S}"  # wallet that did tx {TX}',
        "La clave privada es {S} y el hash de la transacción {TX}",
    ]
    for number, frame in enumerate(hex_frames):
        key = hex_(rng, 32)
        style = number % 4
        key = {0: key, 1: "0x" + key, 2: key.upper(), 3: "0x" + key.upper()}[style]
        add(frame, key, "private_key", f"hex/near_tx_{['plain', '0x', 'upper', '0X'][style]}")
    wif_frames = [
        "Payment {TX} was sent from this wallet, key: {S}",
        "WIF {S}",
        "我的比特币私钥{S}，转账一直没到",
        "electrum export -> {S} (testnet one, if that matters)",
        'old paper wallet says "{S}" — can you sweep it?',
        "{S}",
    ]
    for number, frame in enumerate(wif_frames):
        add(frame, wif(rng, compressed=number % 2 == 0, testnet=number == 3), "private_key", "wif")
    for number in range(7):
        key = xprv(rng)
        frame = rng.choice(
            [
                "account extended key: {S}",
                "{S}",
                "钱包导出的扩展私钥 {S} 请帮我找回",
                "Sparrow shows the master key {S} for this wallet",
            ]
        )
        if number == 6:  # wrapped at 60 characters by a mail client
            wrapped = key[:60] + "\n" + key[60:]
            text, spans = embed("Master private key (from the backup email):\n{S}\nThanks", wrapped)
            rows.append(
                dict(text=text, kind="extended_private_key", form=f"xprv/{key[:4]}_wrapped", spans=spans)
            )
            continue
        add(frame, key, "extended_private_key", f"xprv/{key[:4]}")
    for layout_name in ("compact", "spaced", "lines", "bytes_label"):
        raw, _ = solana_secret(rng)
        numbers = [str(b) for b in raw]
        if layout_name == "compact":
            array = "[" + ",".join(numbers) + "]"
        elif layout_name == "spaced":
            array = "[ " + ", ".join(numbers) + " ]"
        elif layout_name == "lines":
            array = "[\n" + ",\n".join("  " + ", ".join(numbers[i : i + 8]) for i in range(0, 64, 8)) + "\n]"
        else:
            array = "[" + ", ".join(numbers) + "]"
        frame = rng.choice(
            [
                "my phantom id.json: {S}",
                "solana-keygen output\n{S}",
                "Solana keypair file content {S} tx {TX}",
                "这是我的Solana钱包文件 {S}",
            ]
        )
        add(frame, array, "private_key", f"solana/array_{layout_name}")
    for frame in (
        "Phantom > Export Private Key: {S}",
        "Solana sig {TX}? no wait, that's the key: {S}",
        "私钥 {S} 交易记录 {LINK}",
        "{S}",
    ):
        add(frame, solana_secret(rng)[1], "private_key", "solana/base58")
    store = keystore_json(rng, pretty=True)
    add(
        "UTC--2026-11-02T10-11-12.123Z--file content:\n{S}\npassword hint: dog's name",
        store,
        "keystore_json",
        "keystore/pretty",
    )
    store = keystore_json(rng, pretty=False)
    add("keystore {S} 密码我忘了", store, "keystore_json", "keystore/line")
    store = keystore_json(rng, pretty=False)
    escaped = json.dumps(store)[1:-1]
    add('{"from": "widget", "attachment_text": "{S}"}', escaped, "keystore_json", "keystore/escaped")
    store = keystore_json(rng, pretty=True)
    add("Truncated paste, sorry:\n{S}", store[: len(store) * 2 // 3], "keystore_json", "keystore/truncated")
    return rows


# --- clean hard negatives ------------------------------------------------------------------


def pubkey_hex(rng: random.Random) -> str:
    return hex_(rng, 32)


def xpub(rng: random.Random) -> str:
    prefix = rng.choice(["0488b21e", "049d7cb2", "04b24746"])  # xpub, ypub, zpub
    body = (
        bytes.fromhex(prefix)
        + bytes([3])
        + rng.randbytes(8)
        + rng.randbytes(32)
        + b"\x02"
        + rng.randbytes(32)
    )
    return base58.b58encode_check(body).decode()


def ssh_key(rng: random.Random) -> str:
    if rng.random() < 0.5:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + rng.randbytes(32)
        return "ssh-ed25519 " + base64.b64encode(blob).decode() + " ops@laptop"
    blob = b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01\x00" + rng.randbytes(256)
    return "ssh-rsa " + base64.b64encode(blob).decode() + " deploy@ci"


def pgp_block(rng: random.Random) -> str:
    body = base64.b64encode(rng.randbytes(300)).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
        + "\n".join(lines)
        + "\n="
        + base64.b64encode(rng.randbytes(3)).decode()
        + "\n-----END PGP PUBLIC KEY BLOCK-----"
    )


def jwt(rng: random.Random) -> str:
    def part(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    header = part(b'{"alg":"HS256","typ":"JWT"}')
    payload = part(json.dumps({"sub": str(rng.randrange(10**8)), "iat": 1763500000}).encode())
    return f"{header}.{payload}.{part(rng.randbytes(32))}"


def b64_blob(rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(rng.choice([48, 64, 96, 200]))).decode()


def block_hash(rng: random.Random) -> str:
    return "00000000000000000001" + hex_(rng, 22)


CLEAN_EN_3 = [
    "Hello, I want to report a problem with my account balance. I made a deposit last week and the amount "
    "arrived, but then the bonus was removed without any notice. Please review the decision and tell me what "
    "rule I broke, because I did follow every step of the promotion.",
    "Quick question about the mobile app: after the update the screen goes black when I open the market page, "
    "and the price alert I set for bitcoin never rings. Is this a known issue? I already tried to uninstall "
    "and install again.",
    "I would like to close the old account and open a new one for my business. We are a small family company, "
    "we trade coffee and sugar, and we need to pay suppliers in USDT. What documents do you require?",
    "Your agent told me to wait, then another agent told me to submit the form again, and now the system says "
    "the request expired. This is a waste of my time. I expect a proper answer today, not another template.",
    "The key point is simple: tx {TX} left my wallet four hours ago and your deposit page still shows nothing.",
    "Here is the transaction hash you asked for. The key thing is that it has been three hours already: {TX}",
    "My validator's public key is {PUB} and the reward address is {EVM}. Why did the rewards stop on Monday?",
    "Nostr pubkey {PUB} — can you verify this is the official support account? Someone is messaging me from it.",
    "Here is my xpub for the watch-only wallet, the balance there looks wrong: {XPUB}",
    "Accounting needs the zpub/xpub to audit: {XPUB}. No private data, just the public view.",
    "My SSH key for the API whitelist request:\n{SSH}",
    "Please use my PGP key to encrypt the statement:\n{PGP}",
    "The API returns 401. Header was Authorization: Bearer {JWT}. Is the token expired?",
    "Attachment preview failed, raw content was: {B64}",
    "I verified the download: sha256sum walletdesk-setup.exe gives {HEX32}. Does that match your site?",
    "Latest block {BLK} and my tx {TX} is still not in it.",
    "Order {ORDER} / withdrawal {ORDER} / deposit {ORDER} — all three stuck. Network {NET}, address {ADDR}.",
    "```python\nfrom web3 import Web3\nw3 = Web3(Web3.HTTPProvider(url))\nreceipt = w3.eth.get_transaction_receipt('{TX}')\nprint(receipt.status, receipt.blockNumber)\n```\nreturns status 0, why did my swap fail?",
    "```js\nconst tx = await contract.approve(spender, amount);\nawait tx.wait();\nconsole.log(tx.hash); // {TX}\n```\nAfter this approval my tokens moved. Was it a malicious contract?",
    "SELECT id, amount, status FROM withdrawals WHERE user_id = {UID} ORDER BY created_at DESC; -- this is what your dev asked me to run on my export, result below\n{ORDER} | 250.00 | pending",
    "Invoice lnbc25u1p{HEX32}pp5{HEX32} failed to pay, sats left my balance.",
    "I bought a hardware wallet, wrote the recovery words on the steel card, and never typed them anywhere. Now the device asks for a firmware update. Safe to do it?",
    "Fine print: the offer says 'a simple task, a small fee, a big reward'. Sounds like a scam to me, please check.",
    "the wallet address is {SOL} on Solana and the signature is {SIG}. Explorer: {LINK}",
    "Please add these to my withdrawal whitelist:\n{EVM}\n{TRON}\n{BTC}\n{SOL}",
    "Deposits this month:\n1. {TX}\n2. {TX}\n3. {TX}\n4. {TX}\nOnly 1 and 3 are credited.",
]
CLEAN_ZH_3 = [
    "我真的很生气，这已经是我第三次联系你们了。上个星期我在你们平台上充值了一笔USDT，区块浏览器上早就显示成功了，"
    "可是我的账户里一直没有到账。我按照客服的要求提交了截图、交易哈希和充值地址，每一次都说已经转给技术部门处理，"
    "让我耐心等待，可是等了一个星期还是没有任何结果。我想问问你们到底有没有人在处理这件事？如果今天之内还没有一个"
    "明确的答复，我会把这件事发到社交媒体上，让大家都知道你们是怎么对待用户的。我要求你们马上处理，并且给我一个合理的解释。",
    "你好，我是一个新手，对这些都不太懂。我朋友推荐我用你们的钱包，我下载以后按照提示创建了钱包，也把那些字抄在本子上了，"
    "然后在别的平台买了一点币转过来。现在我想问一下，如果我手机丢了，是不是用本子上的字就能找回来？还有就是，"
    "如果有人自称是你们的工作人员来问我要这些字，我应该怎么办？我听说最近骗子特别多，所以想先问清楚。",
    "关于昨天晚上的那次系统维护，我有几点意见：第一，维护时间没有提前通知；第二，维护期间我的合约仓位被强平了，"
    "损失了将近两千U；第三，维护结束以后客服一直排队，根本联系不上。希望平台能够重视用户的体验，给受影响的用户一个说法，"
    "至少应该赔偿因为维护造成的损失。",
    "我 要 投 诉 你 们 的 客 服 ， 根 本 不 解 决 问 题 ！",
    "退 钱 ！ 退 钱 ！ 马 上 把 我 的 钱 退 回 来",
    "请 帮 我 查 一 下 这 笔 充 值 为 什 么 还 没 有 到 账",
    "提现地址：{TRON}\n交易哈希：{TX}\n提现时间：今天下午两点\n提现金额：{AMT} USDT\n状态：已完成但未到账",
    "充值记录如下：\n{TX}\n{TX}\n{TX}\n第二笔一直没到，请核实。",
    "你们的公钥是不是{PUB}？我想验证一下公告的签名。",
    "区块高度870000，区块哈希{BLK}，我的交易{TX}为什么还没有打包？",
    "订单号{ORDER}，付款凭证已上传，卖家一直不放币，申诉也没人处理。",
    "我用的是硬件钱包，扩展公钥是{XPUB}，为什么你们的系统显示余额不对？",
    "最近收到很多陌生地址转来的小额USDT，地址都和我常用的地址长得很像，开头和结尾一样，是不是有人想骗我转错？比如{TRON}。",
    "我老家在黑龙江省齐齐哈尔市，现在在广东省深圳市南山区工作，请问实名认证的地址填哪一个？身份证上的还是现在住的？",
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。——这是我设置的防钓鱼码提示语，是不是太长了？",
]
CLEAN_MIXED_3 = [
    "我的 wallet address 是 {EVM}，deposit 了 {AMT} USDT，hash {TX}，到现在 balance 还是 0",
    "客服你好，API 调用返回 invalid signature，我的 API key 是 ab12…（secret 没贴），请问 timestamp 要用毫秒吗？",
    "下面是 debug log：\n[INFO] withdraw id={ORDER} status=PENDING\n[INFO] txid={TX}\n[WARN] retry=3\n请帮忙看看",
    "我的 xpub {XPUB} 导入 watch-only 以后 balance 不对",
    "这个 contract {EVM} 是不是 scam？我 approve 了以后 token 就没了，tx {TX}",
]
CLEAN_JA_3 = [
    "おはようございます。きのうのよるからアプリがひらけません。なんどもためしましたが、ずっとくるくるまわっているだけです。"
    "どうすればいいでしょうか。はやめにおへんじをいただけるとたすかります。",
    "出金のトランザクションハッシュは{TX}です。まだ着金していません。ご確認をお願いします。",
    "公開鍵{PUB}は公式のものですか。署名を検証したいです。",
]
CLEAN_KO_3 = [
    "안녕하세요. 어제 저녁부터 앱이 열리지 않습니다. 여러 번 다시 설치해 봤지만 계속 로딩 화면에서 멈춥니다. 빠른 답변 부탁드립니다.",
    "출금 트랜잭션 해시는 {TX} 입니다. 아직 도착하지 않았어요. 확인 부탁드립니다.",
    "가격 알림 기능이 작동하지 않습니다. 비트코인 가격이 목표 가격에 도달했는데도 알림이 오지 않았어요.",
]
CLEAN_EU_3 = [
    # Spanish, French, Italian, Portuguese and Czech prose: everyday words, many of them on the
    # language's BIP39 list.
    "Hola, quiero abrir una cuenta nueva para mi negocio familiar. Vendemos café, azúcar y cacao en el mercado "
    "de la ciudad y necesitamos recibir pagos. ¿Qué documentos hay que enviar? Gracias por la ayuda.",
    "Buenas, la aplicación no abre desde ayer por la noche. Ya probé a borrar la caché y a instalarla otra vez, "
    "pero sigue igual. El teléfono es nuevo y tiene la última versión del sistema.",
    "Bonjour, je voudrais savoir pourquoi mon retrait est toujours bloqué. J'ai envoyé tous les documents demandés "
    "hier soir, le passeport, la facture et la photo, mais le dossier reste en attente. Merci de vérifier rapidement.",
    "Madame, monsieur, votre agent m'a promis une réponse avant midi. Il est maintenant seize heures et personne "
    "ne répond. Ce service client est une honte, je veux parler à un responsable.",
    "Buongiorno, vorrei sapere perché il mio prelievo è ancora in sospeso. Ho inviato ieri tutti i documenti richiesti, "
    "la carta d'identità e la bolletta, ma la pratica non è ancora chiusa. Grazie per la pazienza.",
    "Olá, o aplicativo fecha sozinho quando abro a tela de mercado. Já tentei reinstalar, limpar o cache e reiniciar "
    "o celular, mas o problema continua. Vocês podem ajudar?",
    "Dobrý den, včera večer jsem poslal peníze na účet, ale dosud nedorazily. Banka tvrdí, že platba odešla. "
    "Prosím o kontrolu, číslo objednávky je {ORDER}. Děkuji za pomoc.",
    "Hola, el hash de la transacción es {TX} y la dirección {ADDR}. El depósito no aparece.",
]


def clean_rows(rng: random.Random) -> list[dict]:
    makers = {
        "PUB": lambda: pubkey_hex(rng),
        "XPUB": lambda: xpub(rng),
        "SSH": lambda: ssh_key(rng),
        "PGP": lambda: pgp_block(rng),
        "JWT": lambda: jwt(rng),
        "B64": lambda: b64_blob(rng),
        "BLK": lambda: block_hash(rng),
        "SOL": lambda: sol_addr(rng),
        "EVM": lambda: eth_addr(rng),
        "TRON": lambda: tron_addr(rng),
        "BTC": lambda: btc_addr(rng),
    }

    def render(template: str) -> str:
        for name, make in makers.items():
            while "{" + name + "}" in template:
                template = template.replace("{" + name + "}", make(), 1)
        return fill(template, rng)

    rows = []
    for language, templates, copies in (
        ("en", CLEAN_EN_3, 2),
        ("zh", CLEAN_ZH_3, 2),
        ("mixed", CLEAN_MIXED_3, 2),
        ("ja", CLEAN_JA_3, 2),
        ("ko", CLEAN_KO_3, 2),
        ("eu", CLEAN_EU_3, 2),
    ):
        for template in templates:
            for _ in range(copies):
                rows.append(dict(text=render(template), form=f"clean/{language}"))
    for _ in range(3):
        rows.append(dict(text=render("\n".join(rng.sample(CLEAN_ZH_3[:3], 3))), form="clean/long_zh"))
    for _ in range(2):
        rows.append(dict(text=f"order ids: {order(rng)}, {order(rng)}, {order(rng)}", form="clean/orders"))
    return rows


def build() -> list[dict]:
    rng = random.Random(6003)
    secrets = (
        separated_rows(rng)
        + typo_rows(rng)
        + wrong_checksum_rows(rng)
        + partial_rows(rng)
        + glued_zh_rows(rng)
        + glued_other_rows(rng)
        + key_rows(rng)
    )
    clean = clean_rows(rng)
    rows = [
        {"text": r["text"], "secret": True, "kind": r["kind"], "form": r["form"], "spans": r["spans"]}
        for r in secrets
    ]
    rows += [
        {"text": r["text"], "secret": False, "kind": None, "form": r["form"], "spans": []} for r in clean
    ]
    rng.shuffle(rows)
    return [{"id": f"f3-{number:04d}", **row} for number, row in enumerate(rows, 1)]


def main() -> int:
    rows = build()
    for row in rows:
        for start, end in row["spans"]:
            assert 0 <= start < end <= len(row["text"]), row
    with OUT.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT}: {sum(r['secret'] for r in rows)} secret, {sum(not r['secret'] for r in rows)} clean")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
