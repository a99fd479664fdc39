"""Build src/walletdesk/shield/data/redteam.jsonl, the independent red-team set (issue 6).

Written before reading the shield's code, as an examiner would: secrets in the shapes customers
really paste them, and clean messages a wallet support desk really gets. Deterministic (seeded),
so the committed file can be regenerated: `.venv/bin/python tests/shield/redteam_make.py`.

Product decision recorded here: exchange API keys/secrets (Binance, OKX, Kraken) are not wallet
secrets; the shield leaves them alone, so they are in the clean part.
"""

from __future__ import annotations

import base64
import json
import random
import unicodedata
import uuid
from pathlib import Path

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from eth_account import Account
from mnemonic import Mnemonic

OUT = Path(__file__).resolve().parents[2] / "src/walletdesk/shield/data/redteam.jsonl"
rng = random.Random(20261126)

LANGS = [
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
]
STRENGTH = {12: 128, 15: 160, 18: 192, 21: 224, 24: 256}


def rbytes(n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def phrase_words(lang: str, n: int = 12) -> list[str]:
    m = Mnemonic(lang)
    return m.to_mnemonic(rbytes(STRENGTH[n] // 8)).replace("\u3000", " ").split(" ")


def bad_checksum(lang: str, n: int = 12) -> list[str]:
    m = Mnemonic(lang)
    while True:
        words = [rng.choice(m.wordlist) for _ in range(n)]
        if not m.check(" ".join(words)):
            return words


def typo(word: str) -> str:
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["drop", "swap", "dup"])
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "swap":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def b58check(payload: bytes) -> str:
    return base58.b58encode_check(payload).decode()


def wif() -> str:
    return b58check(b"\x80" + rbytes(32) + rng.choice([b"\x01", b""]))


def xprv(prefix: str) -> str:
    version = {
        "xprv": "0488ade4",
        "yprv": "049d7878",
        "zprv": "04b2430c",
        "tprv": "04358394",
    }[prefix]
    depth = rng.choice([0, 3, 4])
    payload = (
        bytes.fromhex(version)
        + bytes([depth])
        + (b"\0" * 4 if depth == 0 else rbytes(4))
        + (b"\0" * 4 if depth == 0 else rbytes(4))
        + rbytes(32)
        + b"\0"
        + rbytes(32)
    )
    return b58check(payload)


def solana_keypair() -> bytes:
    sk = ed25519.Ed25519PrivateKey.from_private_bytes(rbytes(32))
    seed = sk.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    pub = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return seed + pub


def keystore() -> str:
    acct = Account.from_key(rbytes(32))
    ks = Account.encrypt(acct.key, "hunter2", kdf="pbkdf2", iterations=2)
    return json.dumps(ks)


def hex64() -> str:
    return rbytes(32).hex()


def eth_addr() -> str:
    return Account.from_key(rbytes(32)).address


def btc_addr() -> str:
    kind = rng.choice(["p2pkh", "p2sh", "bech32", "taproot"])
    if kind == "p2pkh":
        return b58check(b"\x00" + rbytes(20))
    if kind == "p2sh":
        return b58check(b"\x05" + rbytes(20))
    alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    n = 39 if kind == "bech32" else 59
    head = "bc1q" if kind == "bech32" else "bc1p"
    return head + "".join(rng.choice(alphabet) for _ in range(n - 1))


def tron_addr() -> str:
    return b58check(b"\x41" + rbytes(20))


def sol_addr() -> str:
    return base58.b58encode(rbytes(32)).decode()


def sol_sig() -> str:
    return base58.b58encode(rbytes(64)).decode()


def any_addr() -> str:
    return rng.choice([eth_addr, btc_addr, tron_addr, sol_addr, ltc_addr, doge_addr, xrp_addr])()


def ltc_addr() -> str:
    return rng.choice(
        [
            b58check(b"\x30" + rbytes(20)),
            "ltc1q" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(38)),
        ]
    )


def doge_addr() -> str:
    return b58check(b"\x1e" + rbytes(20))


def xrp_addr() -> str:
    alphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
    return "r" + "".join(rng.choice(alphabet) for _ in range(33))


def order_no() -> str:
    return rng.choice(
        [
            str(rng.randrange(10**17, 10**18)),
            "W" + str(rng.randrange(10**11, 10**12)),
            "DEP-2026-" + str(rng.randrange(100000, 999999)),
        ]
    )


def uid() -> str:
    return str(rng.randrange(10**7, 10**10))


items: list[dict] = []


def add(text: str, secret: bool, kind: str | None) -> None:
    items.append({"id": f"rt{len(items) + 1:04d}", "text": text, "secret": secret, "kind": kind})


# ---------------------------------------------------------------- secrets: mnemonics
def sep_join(words: list[str], lang: str) -> str:
    if lang == "japanese":
        return "\u3000".join(words)
    return " ".join(words)


EN_WRAPPERS = [
    "my 12 words are: {p}",
    "Hi support, here is my recovery phrase so you can check: {p}",
    "{p}",
    "I can't log in anymore. seed: {p} please help me restore",
    "Hello,\nI wrote my backup words on paper, they are\n{p}\nbut the app says invalid. What's wrong??",
    "is this phrase correct?? {p} thanks",
    '"{p}"',
    "My wallet shows 0 balance after update. My mnemonic is {p}. I need my funds back asap!!!",
]
ZH_WRAPPERS = [
    "我的助记词是{p}请帮我找回资产",
    "助记词：{p}",
    "你好，钱包打不开了，助记词 {p} 帮我看看",
    "{p}",
    "客服您好，我导入钱包一直提示助记词错误，我的助记词是：{p}，麻烦帮我查一下是哪里错了",
    "这是我抄下来的：\n{p}\n是不是少了一个词？",
]

for lang in LANGS:
    for n in [12, 24] if lang in ("english", "chinese_simplified") else [12]:
        w = phrase_words(lang, n)
        add(rng.choice(EN_WRAPPERS).format(p=sep_join(w, lang)), True, "mnemonic")

# English in many shapes
for n in (12, 15, 18, 21, 24):
    w = phrase_words("english", n)
    add("Recovery phrase:\n" + "\n".join(f"{i + 1}. {x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add(" ".join(f"{i + 1}) {x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add("".join(f"{chr(0x2460 + i)}{x} " for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add("words: " + ", ".join(w), True, "mnemonic")
w = phrase_words("english")
add("-".join(w), True, "mnemonic")
w = phrase_words("english")
add(" ".join(x.upper() if i % 3 == 0 else x.capitalize() for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add("  ".join(w[:6]) + "\n\n" + "   ".join(w[6:]), True, "mnemonic")  # OCR spacing
w = phrase_words("english")
add(
    "1.{}   2.{}   3.{}\n4.{}   5.{}   6.{}\n7.{}   8.{}   9.{}\n10.{}  11.{}  12.{}".format(*tuple(w)),
    True,
    "mnemonic",
)
w = phrase_words("english")
add("\t".join(w), True, "mnemonic")
w = phrase_words("english", 24)
add(
    "1 "
    + w[0]
    + "   13 "
    + w[12]
    + "\n"
    + "\n".join(f"{i + 1} {w[i]}   {i + 13} {w[i + 12]}" for i in range(1, 12)),
    True,
    "mnemonic",
)
for _ in range(6):
    w = bad_checksum("english")
    add("my seed phrase is " + " ".join(w) + " but it doesn't import", True, "mnemonic")
for _ in range(6):
    w = phrase_words("english")
    for j in rng.sample(range(12), rng.choice([1, 2])):
        w[j] = typo(w[j])
    add(rng.choice(EN_WRAPPERS).format(p=" ".join(w)), True, "mnemonic")
for _ in range(3):
    w = phrase_words("english", 24)
    add("I only remember part of it: " + " ".join(w[: rng.choice([9, 10, 11])]), True, "mnemonic")
w = phrase_words("english")
add(
    "I have been a customer for 3 years and never had a problem until today. After the update the app "
    "asked me to re-import my wallet, so I typed " + " ".join(w) + " and now it shows an empty wallet "
    "with a different address. Where did my 2.3 ETH go? This is unacceptable, I want an answer today.",
    True,
    "mnemonic",
)
w = phrase_words("english")
add(
    "Words (from screenshot): " + " ".join(x + ("," if i % 4 == 3 else "") for i, x in enumerate(w)),
    True,
    "mnemonic",
)
w = phrase_words("english")
add("seed=" + "_".join(w), True, "mnemonic")
w = phrase_words("english")
add("\n".join(" ".join(w[i : i + 3]) for i in range(0, 12, 3)), True, "mnemonic")
w = phrase_words("english")
add("Word #1: " + "  Word #".join(f"{i + 1}: {x}" for i, x in enumerate(w))[len("1: ") :], True, "mnemonic")

# Chinese simplified / traditional: glued, spaced, numbered, with prose
for lang in ("chinese_simplified", "chinese_traditional"):
    for n in (12, 12, 12, 24):
        w = phrase_words(lang, n)
        add(rng.choice(ZH_WRAPPERS).format(p="".join(w)), True, "mnemonic")
    for _ in range(3):
        w = phrase_words(lang)
        add(rng.choice(ZH_WRAPPERS).format(p=" ".join(w)), True, "mnemonic")
    w = phrase_words(lang)
    add("助记词\n" + "\n".join(f"{i + 1}.{x}" for i, x in enumerate(w)), True, "mnemonic")
    w = phrase_words(lang)
    add("".join(f"{chr(0x2460 + i)}{x}" for i, x in enumerate(w)), True, "mnemonic")
    w = phrase_words(lang)
    add("，".join(w), True, "mnemonic")
    w = bad_checksum(lang)
    add("我的助记词是" + "".join(w) + "请帮我找回", True, "mnemonic")
    w = phrase_words(lang)
    add("請幫我恢復錢包，我的助記詞是：" + " ".join(w) + "，謝謝", True, "mnemonic")
    w = phrase_words(lang)
    add(
        "我在你们平台买了一些币，昨天晚上钱包突然没有余额了，我很着急。我把助记词发给你们："
        + "".join(w)
        + "。请尽快帮我处理，不然我就去报警了！",
        True,
        "mnemonic",
    )
    w = phrase_words(lang)
    add("".join(w[:6]) + "\n" + "".join(w[6:]), True, "mnemonic")
    w = phrase_words(lang)
    add("  ".join(w[:4]) + "   " + "  ".join(w[4:]), True, "mnemonic")
    w = phrase_words(lang)
    w[rng.randrange(12)] = rng.choice("的一是在不了有和人这中大为上个国我以要他")
    add("助记词" + "".join(w) + "少了一个字吗", True, "mnemonic")

# Japanese, Korean, Romance languages, Czech
for _ in range(3):
    w = phrase_words("japanese")
    add("復元フレーズはこちらです：" + "\u3000".join(w) + "　よろしくお願いします", True, "mnemonic")
w = phrase_words("japanese")
add("\n".join(f"{i + 1}. {x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("japanese")
add(" ".join(w), True, "mnemonic")
for _ in range(3):
    w = phrase_words("korean")
    add("복구 문구입니다: " + " ".join(w) + " 지갑을 복구해 주세요", True, "mnemonic")
w = phrase_words("korean")
add("\n".join(f"{i + 1}) {x}" for i, x in enumerate(w)), True, "mnemonic")
for lang, pre in (
    ("spanish", "Hola, mi frase semilla es: {p} ¿pueden ayudarme?"),
    ("spanish", "{p}"),
    ("french", "Bonjour, voici ma phrase de récupération : {p}. Merci de m'aider."),
    ("french", "phrase: {p}"),
    ("italian", "Ciao, le mie parole sono {p} grazie"),
    ("italian", "{p}"),
    ("czech", "Dobrý den, moje fráze je {p}, prosím o pomoc"),
    ("czech", "{p}"),
    ("portuguese", "Olá, minha frase de recuperação: {p} obrigado"),
    ("portuguese", "{p}"),
):
    add(pre.format(p=" ".join(phrase_words(lang, rng.choice([12, 24])))), True, "mnemonic")
# accents stripped, as typed on a phone without them
for lang in ("spanish", "french", "portuguese", "czech"):
    w = phrase_words(lang)
    w = ["".join(c for c in unicodedata.normalize("NFD", x) if not unicodedata.combining(c)) for x in w]
    add("frase: " + " ".join(w), True, "mnemonic")
for lang in ("spanish", "french", "korean", "italian"):
    w = phrase_words(lang)
    w[rng.randrange(12)] = typo(w[rng.randrange(12)])
    add(" ".join(w), True, "mnemonic")

# ---------------------------------------------------------------- secrets: keys
for tmpl in (
    "private key: {k}",
    "私钥：{k}",
    "私钥是 {k} 帮我转出来",
    "{k}",
    "my private key is 0x{k}",
    "Here's the key from my MetaMask export: {k}\nPlease recover the funds.",
    "这是我的钱包私钥0x{k}，资产被盗了",
    "pk={k}",
    "PRIVATE KEY\n{K}",
    "key:\n{k1}\n{k2}",
    "Exported account key {k} — is it safe?",
    "秘钥 {k}",
    "0x{k}",
):
    k = hex64()
    add(tmpl.format(k=k, K=k.upper(), k1=k[:32], k2=k[32:]), True, "private_key")
for tmpl in (
    "WIF: {w}",
    "{w}",
    "my bitcoin private key {w} from my old paper wallet",
    "私钥(WIF)：{w}",
    "import this please {w}",
):
    add(tmpl.format(w=wif()), True, "wif")
for prefix in ("xprv", "yprv", "zprv", "tprv", "xprv", "zprv"):
    add(
        rng.choice(
            [
                "{x}",
                "extended key: {x}",
                "主私钥 {x}",
                "Electrum shows {x} in the wallet info, is that ok to share?",
            ]
        ).format(x=xprv(prefix)),
        True,
        "xprv",
    )
for tmpl in (
    "{arr}",
    "my solana keypair.json: {arr}",
    "Phantom 私钥 {b58}",
    "{b58}",
    "solana private key: {b58}",
    "id.json content:\n{arr_nl}",
):
    kp = solana_keypair()
    arr = json.dumps(list(kp), separators=(",", ":"))
    add(
        tmpl.format(
            arr=arr, b58=base58.b58encode(kp).decode(), arr_nl="[" + ",\n".join(str(b) for b in kp) + "]"
        ),
        True,
        "solana_key",
    )
for tmpl in ("{ks}", "keystore file: {ks} password is hunter2", "这是我的keystore：\n{ks}"):
    add(tmpl.format(ks=keystore()), True, "keystore")
add("UTC--2026-01-01 file:\n" + json.dumps(json.loads(keystore()), indent=2), True, "keystore")

# ---------------------------------------------------------------- clean
COINS = ["USDT", "BTC", "ETH", "TRX", "SOL", "BNB", "USDC", "DOGE", "LTC"]
NETS = ["TRC20", "ERC20", "BEP20", "Solana", "Arbitrum", "Polygon", "Bitcoin"]


def amount() -> str:
    return rng.choice(["100", "0.05", "2,500", "35.8", "1000", "0.0021"])


def tx_for(labelled: bool = True) -> str:
    h = hex64()
    return rng.choice([h, "0x" + h]) if labelled else h


clean_templates = [
    "Hi, my deposit of {amt} {coin} has not arrived. TXID: {tx}",
    "withdrawal stuck for 3 hours, tx hash {tx}",
    "交易哈希：{tx}，到现在还没到账",
    "充值没到账，哈希是 {tx}，网络 {net}",
    "提币显示成功但是对方没收到 txid {tx}",
    "Transaction hash: {tx}\nNetwork: {net}\nAmount: {amt} {coin}",
    "The transaction {tx} shows confirmed on the explorer but my balance is still 0",
    "hash {tx} please check",
    "I sent {amt} {coin} to {addr} and it's still pending. tx: {tx}",
    "转账记录 {tx} 链上已经确认了，为什么平台还没入账",
    "Tx ID {tx} — deposit to my account UID {uid}",
    "my withdrawal order {order} tx hash is {tx}, the recipient says nothing arrived",
    "区块浏览器上查到这笔交易 {tx} 状态是 success",
    "交易ID:{tx}",
    "txhash={tx}",
    "Deposit txn {tx} on {net}, amount {amt} {coin}",
    "请帮我查一下这笔转账：{tx}",
    "我提现到 {addr} 的那笔，交易号 {tx}，一直显示处理中",
    "Withdrawal TxID\n{tx}\nstatus: completed, but not received",
]
for t in clean_templates:
    for _ in range(3):
        add(
            t.format(
                tx=tx_for(),
                amt=amount(),
                coin=rng.choice(COINS),
                net=rng.choice(NETS),
                addr=any_addr(),
                uid=uid(),
                order=order_no(),
            ),
            False,
            None,
        )

LINKS = [
    lambda: "https://etherscan.io/tx/0x" + hex64(),
    lambda: "https://bscscan.com/tx/0x" + hex64(),
    lambda: "https://tronscan.org/#/transaction/" + hex64(),
    lambda: "https://mempool.space/tx/" + hex64(),
    lambda: "https://www.blockchain.com/explorer/transactions/btc/" + hex64(),
    lambda: "https://solscan.io/tx/" + sol_sig(),
    lambda: "https://explorer.solana.com/tx/" + sol_sig(),
    lambda: "https://arbiscan.io/tx/0x" + hex64(),
    lambda: "https://polygonscan.com/tx/0x" + hex64() + "#eventlog",
    lambda: "https://etherscan.io/address/" + eth_addr(),
    lambda: "https://tronscan.org/#/address/" + tron_addr(),
    lambda: "https://blockchair.com/bitcoin/block/00000000000000000002" + rbytes(22).hex(),
]
for mk in LINKS:
    for tmpl in (
        "{l}",
        "see {l}",
        "浏览器链接 {l} 显示已经成功了",
        "Here is the link: {l} — still not credited.",
    ):
        add(tmpl.format(l=mk()), False, None)

ADDR_T = [
    "please whitelist my address {a}",
    "我的充值地址是 {a} 对吗？",
    "withdraw to {a}",
    "收款地址：{a}",
    "{a}",
    "I accidentally sent USDT to {a} on the wrong network, can you recover it?",
    "地址 {a} 是不是你们的官方地址",
]
for mk in (eth_addr, btc_addr, tron_addr, sol_addr, ltc_addr, doge_addr, xrp_addr):
    for t in rng.sample(ADDR_T, 4):
        add(t.format(a=mk()), False, None)
add("Solana tx signature " + sol_sig() + " failed with error 'blockhash not found'", False, None)
add("交易签名 " + sol_sig() + " 一直没有确认", False, None)
add(sol_sig(), False, None)
add("memo/tag: " + str(rng.randrange(10**8, 10**9)) + " address " + xrp_addr(), False, None)
add("TON address UQ" + base58.b58encode(rbytes(30)).decode()[:46] + " memo 12345", False, None)
add("cosmos1" + "".join(rng.choice("qpzry9x8gf2tvdw0s3jn54khce6mua7l") for _ in range(38)), False, None)
add("block hash 00000000000000000001" + rbytes(22).hex() + " height 871234", False, None)
add("Contract: 0xdAC17F958D2ee523a2206206994597C13D831ec7 (USDT)", False, None)
add("ETH 合约地址 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 是 USDC 吗", False, None)

ORDERS = [
    "Order number {o}, please check why it is still processing",
    "订单号{o}，卖家一直不放币",
    "UID: {u}",
    "我的UID是{u}，账号被冻结了",
    "P2P order {o} — buyer says paid but I didn't receive money",
    "工单号 {o} 三天了没人回复",
    "My account ID {u} can't pass KYC",
    "提现单号：{o}，金额 {amt} USDT",
    "ref {o} / uid {u}",
]
for t in ORDERS:
    for _ in range(3):
        add(t.format(o=order_no(), u=uid(), amt=amount()), False, None)

ZH_PROSE = [
    "你好，我昨天在你们平台充值了一笔USDT，到现在已经过去一天了还没有到账，请问是什么原因？我已经等了很久了，希望你们尽快给我一个答复。",
    "我的账号突然被冻结了，我没有做任何违规的操作，为什么要冻结我的账号？请尽快帮我解冻，我还有很多资产在里面。",
    "提现一直显示审核中，已经超过二十四小时了，之前都是几分钟就到账的，这次是怎么回事？",
    "客服你好，我想问一下手续费为什么这么高，上个月提现才收一块钱，现在要收五块钱，能不能给我一个解释。",
    "我忘记了登录密码，手机号也换了，收不到验证码，要怎么找回我的账号？",
    "你们的服务态度太差了，我问了三次都没有人理我，我要投诉！",
    "我被骗了，有人冒充你们的客服让我把币转到一个地址，现在钱全都没了，怎么办啊？",
    "请问怎么开启谷歌验证？我在设置里面找不到这个选项。",
    "我买的币一直没有到账，订单显示已经完成了，但是资产里面没有，麻烦帮我看一下。",
    "为什么我的身份认证一直不通过？我已经上传了三次身份证照片了，每次都说不清楚。",
    "今天早上打开钱包发现里面的币少了一半，我没有做过任何转账，是不是被盗了？请马上帮我查一下。",
    "我想把钱包里的币转到交易所，但是不知道应该选择哪个网络，选错了会不会丢失？",
    "你们是不是跑路了？网站打不开，客服也联系不上，我的钱还在里面！",
    "我在群里看到有人说可以帮忙找回被盗的资产，只要先交一点保证金，这是真的吗？",
    "交易的时候价格突然变了，我下的限价单没有成交，反而按市价成交了，这不合理。",
    "请问你们支持哪些链的充值？我有一些在波场上的币想转过来。",
    "我的手机丢了，钱包也在手机里面，还能找回来吗？我记得密码但是没有备份。",
    "我要注销账号，请告诉我怎么操作。",
    "这个月已经第三次出现这种问题了，每次都要等很久，能不能改进一下你们的系统？",
    "大家好，我是新手，想问一下什么是助记词，为什么大家都说不能告诉别人？",
    "客服说会在二十四小时内回复我，但是现在已经过去三天了，还是没有消息。",
    "我的朋友给我转了一笔钱，他说已经转了，但是我这边一直没有收到，帮我查一下好吗？",
    "请问最低提现金额是多少？我只有十几个币能提吗？",
    "昨天晚上系统维护，我的挂单全部被取消了，损失谁来负责？",
    "我在应用里面看到一个空投活动，是不是你们官方的？需要我连接钱包授权。",
    "为什么我不能给这个地址转账？提示地址格式不正确。",
    "我要求退还多扣的手续费，一共是十二点五个USDT，请核实后退给我。",
    "我们公司想和你们合作，请问商务对接的邮箱是多少？",
    "我设置了资金密码但是忘记了，要怎么重置？重置之后是不是二十四小时不能提现？",
    "我的账户显示异常登录，地点在国外，我本人在国内，是不是有人盗了我的号？",
    "春天来了，天气很好，希望你们的服务也能越来越好。谢谢你们一直以来的帮助！",
    "我在他们的网站上看到了你们的标志，请问这个是不是你们的官方网站？他们让我先充值一百元。",
    "你好我想问一下就是我那个钱包里面的东西怎么都没有了我什么都没有动过啊你们能不能帮我看看是怎么回事",
    "我一直在用你们的软件，从来没有出过问题，这次更新以后就打不开了，一打开就闪退，手机是安卓的。",
    "我不会用这个，请问怎么把币卖掉换成人民币？有没有详细的教程？",
    "我已经把所有的资料都发给你们了，身份证、银行卡、手持照片，还要什么？",
    "山高水长，天地之间，人生如梦，一时一事，不如归去。",
    "白日依山尽，黄河入海流。欲穷千里目，更上一层楼。",
    "床前明月光，疑是地上霜。举头望明月，低头思故乡。",
    "你们能不能快一点处理？我明天要用这笔钱交房租，真的很急很急。",
    "是的，我确认是我本人操作的，没有问题，谢谢。",
    "好的，知道了，那我再等一等看。",
    "不是我做的，我没有授权任何人登录我的账号，请立即冻结！",
    "我的资产被转走了，转到了一个我不认识的地址，请问能追回来吗？我已经报警了。",
    "请帮我把这个工单转给技术部门，谢谢，问题说了好几遍了一直没解决。",
    "今天的行情太差了，我的合约被强平了，但是我觉得价格不对，当时的标记价格不是这个。",
    "我想知道为什么我的邀请返佣没有发放，上个月邀请了五个人都完成了交易。",
    "我要反馈一个问题：在苹果手机上，点击提现按钮没有反应。",
    "助记词丢了怎么办？我只记得前面几个词，后面的都忘了。",
    "官方客服会不会问我要私钥或者助记词？有人在电报上说是你们的客服。",
]
for t in ZH_PROSE:
    add(t, False, None)
# long complaints: several sentences glued
for _ in range(15):
    add("".join(rng.sample(ZH_PROSE, rng.choice([3, 4, 5]))), False, None)
TRAD = [
    "您好，我昨天儲值的USDT到現在還沒有到帳，請問是什麼原因？麻煩幫我查一下，謝謝。",
    "我的帳號被凍結了，我沒有做任何違規的事情，請盡快幫我處理。",
    "提幣一直顯示審核中，已經超過一天了，這樣的服務真的讓人很失望。",
    "請問你們的官方網站是哪一個？我在網路上看到好幾個很像的。",
    "我在香港，可以用港幣入金嗎？手續費是多少？",
    "我忘記資金密碼了，要怎麼重新設定？",
    "今天早上發現帳戶裡的資產不見了，我沒有登入過，是不是被盜了？",
    "你們客服回覆太慢了，已經等了三天還是沒有人處理我的問題。",
]
for t in TRAD:
    add(t, False, None)

EN_PROSE = [
    "Hello, I have been trying to withdraw my funds for the past two days but every time I try it says there is an error. Can you please look into this and let me know what is going on? I really need the money for my family.",
    "I think someone got access to my account because I see a login from a country I have never been to. I already changed my password but I am still worried. What else should I do to keep my account safe?",
    "Your app is great but the fees are too high. I would like to know if there is any way to reduce them, maybe with a VIP level or by holding your token.",
    "Can you explain what happens if I send tokens on the wrong network? I chose BEP20 instead of ERC20 by mistake and the balance is not showing up.",
    "I am writing to complain about the service. Nobody answered my ticket for a week and when someone finally did, they just copied a standard answer that did not help at all.",
    "Please close my account and send the remaining balance to my bank. I do not want to use this service anymore.",
    "The price on the chart was different from the price I actually got. I placed a market order and the slippage was huge, around five percent. Is that normal?",
    "Someone on Telegram said they were from your support team and asked me to verify my wallet on a website. Is that really you? It looked very official.",
    "I lost my phone and my two factor authentication was on it. How can I reset it so I can log in again?",
    "My friend told me about a promotion where I can get a bonus for depositing. Where can I find the details and the rules?",
    "Good morning. I would like to ask about the process for verifying my identity. I uploaded my passport but it was rejected because of the photo quality. Can I try again?",
    "I never authorized this transaction. I was asleep when it happened. Please freeze my account right now and help me get my money back.",
    "What is a seed phrase and why does everyone say I should never share it? I wrote mine down on paper, is that enough?",
    "Thank you for your help yesterday, the issue is solved and I received my coins. Have a nice day!",
    "The app keeps crashing when I open the wallet tab on my Android phone. I tried to reinstall it but it did not help.",
    "I want to report a bug: when I switch the language to English some of the buttons are still in Chinese.",
    "Is there a limit on how much I can withdraw per day? I need to move a large amount for a house purchase.",
    "My order was canceled automatically and I don't understand why. The message said something about risk control.",
    "Can you add support for the Base network? Many of my friends use it and it is much cheaper than Ethereum.",
    "I gave the buyer time to pay, he uploaded a fake receipt and now the order is in dispute. What evidence do you need from me?",
    "Please tell me the official email address of your support team so I can make sure I am not talking to a scammer.",
    "I have a question about taxes. Can I download a report of all my trades for last year?",
    "It has been more than a week and my deposit is still missing. I am very disappointed with how slow this process is. Please give me an update today.",
    "Where can I find the option to change my phone number? The old number is no longer active.",
    "The staking rewards for this month are lower than what was promised on the page. Could you check the calculation?",
]
for t in EN_PROSE:
    add(t, False, None)
for _ in range(12):
    add(" ".join(rng.sample(EN_PROSE, 3)), False, None)
# English prose dense with BIP39 words
BIP_DENSE = [
    "Actually the whole family agreed it was a good idea to buy a house near the ocean, but the price was above our budget and the bank said no.",
    "I want to cancel my order because the market moved and the price is wrong now, please help me fast, thank you very much for your time.",
    "Happy birthday to my brother, we had a great dinner with cake, wine and music until midnight, then we walked home under the moon.",
    "The winter was cold and the river froze, so the children would skate on the ice every morning before school, laughing and shouting.",
    "apple banana orange lemon grape cherry melon mango peach pear kiwi",
    "shopping list: milk, bread, butter, cheese, egg, sugar, salt, pepper, coffee, tea, rice, chicken",
    "Action items: review the budget, call the bank, update the report, check the account, send the invoice, plan the trip",
    "Roses are red, violets are blue, sugar is sweet, and so are you. The river runs to the ocean, the wind blows over the hill.",
    "I walked along the beach at dawn, the sun rose above the water, a bird flew over my head and the wave came to my feet.",
    "Our team will travel to the city next month for the annual conference, then we plan to visit a museum and a famous garden.",
    "please help me my account is locked and i cannot access my money i need it for rent this month thank you",
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa",
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june",
    "red orange yellow green blue purple black white brown pink gray silver gold",
    "one two three four five six seven eight nine ten eleven twelve",
]
for t in BIP_DENSE:
    add(t, False, None)
ROMANCE = [
    "Hola, hice un depósito de 200 USDT ayer y todavía no aparece en mi cuenta. ¿Pueden revisar, por favor? Gracias.",
    "Bonjour, mon retrait est bloqué depuis hier soir. Pouvez-vous vérifier ce qui se passe ? Merci beaucoup.",
    "Ciao, non riesco ad accedere al mio account dopo l'aggiornamento dell'app. Potete aiutarmi?",
    "Olá, meu saque está pendente há dois dias. Por favor, verifiquem o motivo do atraso.",
    "Dobrý den, nemohu se přihlásit do svého účtu, prosím o pomoc co nejdříve.",
    "Buenas tardes, quiero saber por qué mi cuenta fue bloqueada sin ningún aviso previo. Es muy urgente.",
    "Je voudrais fermer mon compte et récupérer mon solde sur ma carte bancaire, comment faire ?",
]
for t in ROMANCE:
    add(t, False, None)
JAKO = [
    "こんにちは。昨日入金したUSDTがまだ反映されていません。確認をお願いします。",
    "出金が保留中のままです。いつ処理されますか？",
    "アカウントにログインできなくなりました。パスワードをリセットしたいです。",
    "公式サイトはどれですか？似たようなサイトがたくさんあって不安です。",
    "안녕하세요. 어제 입금한 코인이 아직 도착하지 않았습니다. 확인 부탁드립니다.",
    "출금이 계속 대기 중으로 표시됩니다. 언제 처리되나요?",
    "계정이 잠겼어요. 비밀번호를 잊어버렸는데 어떻게 해야 하나요?",
    "가격 차트가 이상합니다. 주문이 체결되지 않았는데 수수료가 부과되었습니다.",
    "고객센터 답변이 너무 늦습니다. 벌써 삼일째 기다리고 있어요.",
    "감사합니다. 문제가 해결되었습니다. 좋은 하루 보내세요!",
]
for t in JAKO:
    add(t, False, None)
MIXED = [
    "我的USDT充值到了TRC20地址，但是app显示0，help!!",
    "Hi 客服，我的 withdrawal 一直 pending，order {o}",
    "请问 KYC level 2 需要什么材料？passport 可以吗？",
    "app 打不开 after update，手机 iPhone 15，iOS 18",
    "我在 Binance 提现到你们这里，network 选的 BEP20，amount {amt}",
    "为什么我的 2FA 验证码一直显示 invalid？时间已经同步过了",
    "Google Authenticator 换手机了怎么办",
    "我的 API 调用一直返回 429 Too Many Requests",
]
for t in MIXED:
    add(t.format(o=order_no(), amt=amount()), False, None)

# code snippets, blobs, tokens, API keys (product decision: exchange API credentials are not wallet secrets)
CODE = [
    'const tx = await contract.transfer("{a}", ethers.parseUnits("10", 6));\nconsole.log(tx.hash);',
    "curl -X GET 'https://api.example.com/v1/deposits?coin=USDT' -H 'X-API-KEY: ***'",
    "def get_balance(address):\n    return w3.eth.get_balance(address)\n\nprint(get_balance('{a}'))",
    "Error: execution reverted: ERC20: transfer amount exceeds balance\n    at {a}",
    "SELECT * FROM orders WHERE user_id = 1234 AND status = 'pending' ORDER BY created_at DESC;",
    '{{"code": -2010, "msg": "Account has insufficient balance for requested action."}}',
    "git commit -m 'fix withdraw button' && git push origin main",
    "sha256sum wallet-v2.3.1.apk\n" + hex64() + "  wallet-v2.3.1.apk",
    "The APK checksum on your site is SHA-256 " + hex64() + ", is that right?",
    "md5: " + rbytes(16).hex() + " sha1: " + rbytes(20).hex(),
]
for t in CODE:
    add(t.format(a=eth_addr()), False, None)

for _ in range(4):
    add(
        "attachment: data:image/png;base64," + base64.b64encode(rbytes(rng.choice([60, 120, 300]))).decode(),
        False,
        None,
    )
add(base64.b64encode(rbytes(48)).decode(), False, None)
for _ in range(3):
    hdr = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    body = (
        base64.urlsafe_b64encode(json.dumps({"sub": uid(), "exp": 1790000000}).encode()).decode().rstrip("=")
    )
    sig = base64.urlsafe_b64encode(rbytes(32)).decode().rstrip("=")
    add(rng.choice(["token: ", "Authorization: Bearer ", ""]) + f"{hdr}.{body}.{sig}", False, None)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
for _ in range(3):
    key = "".join(rng.choice(ALNUM) for _ in range(64))
    sec = "".join(rng.choice(ALNUM) for _ in range(64))
    add(f"Binance API key: {key}\nSecret: {sec}\nwhy does it say invalid signature?", False, None)

add(f"OKX API key {uuid.UUID(bytes=rbytes(16))} passphrase set, my bot fails with 50113", False, None)
add(
    "Kraken API private key " + base64.b64encode(rbytes(64)).decode() + " gives EAPI:Invalid key", False, None
)
add("我的API Key是 " + "".join(rng.choice(ALNUM) for _ in range(64)) + "，为什么下单失败", False, None)
add(f"device id {uuid.UUID(bytes=rbytes(16))}, app version 3.2.1 build 4521", False, None)
add("request id " + rbytes(16).hex() + " returned 500", False, None)
add("错误码 10086，请求ID " + rbytes(12).hex(), False, None)
add("IPFS CID QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco for my NFT metadata", False, None)
add("My NFT token id is 0x" + rbytes(8).hex() + " in contract " + eth_addr(), False, None)
add(
    "Lightning invoice lnbc2500u1pvjluezpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu",
    False,
    None,
)
add("EVM signature 0x" + rbytes(65).hex() + " rejected by the dapp", False, None)
add("My public key (xpub) is xpub" + base58.b58encode(rbytes(74)).decode()[:107], False, None)
add("hex dump: " + " ".join(rbytes(1).hex() for _ in range(40)), False, None)
add("colors #ff0000 #00ff00 #0000ff and numbers 1234567890 0987654321", False, None)
add("Phone +86 138 0013 8000, email support@example.com, WeChat kefu_2026", False, None)
add(
    "12 words? I don't have them. I only have the app with password. The support agent told me never to share the seed words.",
    False,
    None,
)
add("Support never asks for your 12 or 24 recovery words. 客服不会索要你的助记词。", False, None)

# ---------------------------------------------------------------- second batch: harder shapes
w = phrase_words("english")
add(json.dumps({"mnemonic": " ".join(w), "path": "m/44'/60'/0'/0/0"}), True, "mnemonic")
w = phrase_words("english")
add(" / ".join(w), True, "mnemonic")
w = phrase_words("english")
add("\u00a0".join(w), True, "mnemonic")  # copied from a web page: no-break spaces
w = phrase_words("english")
add("\n".join(f"\u2022 {x}" for x in w), True, "mnemonic")
w = phrase_words("english")
add(" ".join(f"{i + 1}-{x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add(" ".join(f"{i + 1}{x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("english")
add(" | ".join(w[:6]) + "\n" + " | ".join(w[6:]), True, "mnemonic")
w = phrase_words("english")
add(" ".join(x.upper() for x in w), True, "mnemonic")
w = phrase_words("english", 24)
add(
    "Hey, quick question. My backup is "
    + " ".join(w)
    + ". Is it okay that the last word is strange? Thanks a lot, Mike",
    True,
    "mnemonic",
)
w = phrase_words("english")
add("i typed " + " ".join(w[:6]) + " and then " + " ".join(w[6:]) + " is that right", True, "mnemonic")
w = phrase_words("english")
for j in rng.sample(range(12), 2):
    w[j] = typo(w[j])
add("Words:\n" + "\n".join(f"{i + 1}. {x}" for i, x in enumerate(w)), True, "mnemonic")
w = bad_checksum("english", 24)
add(" ".join(w), True, "mnemonic")
w = phrase_words("chinese_simplified")
add("、".join(w), True, "mnemonic")
w = phrase_words("chinese_simplified")
add("客服你好我的钱包助记词" + "".join(w) + "帮我看看余额为什么是零", True, "mnemonic")
w = phrase_words("chinese_simplified", 24)
add("".join(w), True, "mnemonic")
w = phrase_words("chinese_traditional", 24)
add("助記詞：" + "".join(w) + "。", True, "mnemonic")
w = phrase_words("chinese_simplified")
w[rng.randrange(12)] = "龘"
w[rng.randrange(12)] = "乂"
add("我记的助记词" + " ".join(w) + "有两个字可能写错了", True, "mnemonic")
w = phrase_words("chinese_simplified")
add("1-6：" + "".join(w[:6]) + "\n7-12：" + "".join(w[6:]), True, "mnemonic")
w = phrase_words("japanese", 24)
add("バックアップ：" + "\u3000".join(w), True, "mnemonic")
w = phrase_words("korean", 24)
add(" ".join(w), True, "mnemonic")
w = phrase_words("spanish")
add("mi frase: " + ", ".join(x.capitalize() for x in w), True, "mnemonic")
w = phrase_words("french")
add("\n".join(f"{i + 1}. {x}" for i, x in enumerate(w)), True, "mnemonic")
w = phrase_words("italian", 24)
add("parole: " + " ".join(w), True, "mnemonic")
w = phrase_words("portuguese")
add("\n".join(w), True, "mnemonic")
k = hex64()
add("private key: " + " ".join(k[i : i + 4] for i in range(0, 64, 4)), True, "private_key")
k = hex64()
add("这个是私钥" + k + "你们能帮我导入吗", True, "private_key")
k = hex64()
add('{"address": "' + eth_addr() + '", "privateKey": "0x' + k + '"}', True, "private_key")
add("WIF私钥" + wif() + "是从纸钱包上抄的", True, "wif")
add("主私钥" + xprv("xprv") + "请帮我恢复", True, "xprv")
kp = solana_keypair()
add("keypair: [" + ", ".join(str(b) for b in kp) + "]", True, "solana_key")
ks = json.loads(keystore())
ks["Crypto"] = ks.pop("crypto")
add(json.dumps(ks), True, "keystore")

LISTS = [
    "apple banana orange lemon grape cherry melon mango peach pear kiwi",
    "cat dog horse cow pig sheep goat chicken duck rabbit lion tiger eagle",
    "Ingredients: flour, sugar, butter, egg, milk, salt, lemon, vanilla, cream, honey, rice, chicken",
    "Things to pack: shirt, jacket, shoe, umbrella, camera, laptop, phone, wallet, ticket, passport, book, pillow",
    "Vocabulary test: ability, able, about, above, absent, absorb, abstract, absurd, abuse, access",
    "spring summer autumn winter north south east west day night morning evening",
    "tags: crypto, wallet, bitcoin, ethereum, trading, security, support, help, account, deposit, withdraw, fee",
    "monday tuesday wednesday thursday friday saturday sunday",
    "Our office: coffee machine, water, kitchen, table, chair, desk, lamp, window, door, floor, wall, roof",
]
for t in LISTS:
    add(t, False, None)
POEMS = [
    "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go before I sleep,\nAnd miles to go before I sleep.",
    "Twinkle, twinkle, little star,\nHow I wonder what you are!\nUp above the world so high,\nLike a diamond in the sky.",
    "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。",
    "国破山河在，城春草木深。感时花溅泪，恨别鸟惊心。烽火连三月，家书抵万金。白头搔更短，浑欲不胜簪。",
    "日出江花红胜火，春来江水绿如蓝。能不忆江南？",
    "千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。",
    "人生得意须尽欢，莫使金樽空对月。天生我材必有用，千金散尽还复来。",
]
for t in POEMS:
    add(t, False, None)
ZH_MORE = [
    "我在你们这里买了一千个币，现在一个都没有了，你们要给我一个说法。",
    "为什么我的钱包地址变了？之前的地址还能用吗？",
    "这个是不是诈骗网站？他们说我中奖了，要我先交手续费才能领取。",
    "我要投诉你们的客服人员，态度非常不好，说话很不客气。",
    "有没有人工客服？机器人回答的都不是我想要的。",
    "我的银行卡被冻结了，银行说是因为我在你们平台的交易，这个怎么解决？",
    "请问在中国大陆可以使用你们的服务吗？需要注意什么？",
    "我不小心把币转到了合约地址，能不能帮我退回来？",
    "我想了解一下你们的理财产品，年化收益是多少，有没有风险？",
    "上次客服说已经处理好了，但是我的问题还是存在，一点变化都没有。",
    "我家里老人不会用手机，我帮他开了一个账户，现在他想把钱取出来，要怎么操作？",
    "你们的应用在华为手机上安装不了，提示解析包错误。",
    "我是做生意的，每天要收很多笔款，有没有商家版的功能？",
    "我刚才提交的工单写错了，正确的金额是五百，不是五千。",
    "可以开发票吗？公司报销需要。",
    "你们的年会活动什么时候开始？我想参加抽奖。",
    "他说他是你们公司的员工，可以帮我提高额度，只要我把验证码告诉他。",
    "这件事情对我来说非常重要，请你们一定要认真对待，不要再拖了。",
    "我已经按照你们说的方法做了，还是不行，还有没有别的办法？",
    "谢谢你们的耐心解答，问题已经解决了，给你们点个赞！",
    "明天是周末，你们的客服上班吗？我周末才有时间处理。",
    "我的孩子偷偷用我的手机买了币，我想申请退款，可以吗？",
    "我看到新闻说有交易所被黑客攻击了，你们这边安全吗？我的资产会不会有问题？",
    "我发现这个月的账单里面多了几笔我不认识的交易，时间都是在半夜。",
    "我是第一次用这个，不太懂，你们能不能一步一步教我怎么充值？",
    "我们一家人都在用你们的产品，希望你们越做越好，也希望能多出一些优惠活动。",
    "我老公把我的账号密码改了，现在我登录不了，我要怎么证明这个账号是我的？",
    "已经过了七个工作日了，你们说的退款到现在还没有到，到底什么时候能到？",
    "你们公司在哪里？我想去当面解决这个问题。",
    "我要把全部的资产转出，然后注销账号，以后再也不用了。",
]
for t in ZH_MORE:
    add(t, False, None)
for _ in range(8):
    add("".join(rng.sample(ZH_MORE + ZH_PROSE, 4)), False, None)
CTX_HEX = [
    "deposit not arrived:\n{h}",
    "充值没到账\n{h}",
    "提现记录里的这个：{h}",
    "I sent it yesterday, here: {h}",
    "到账了吗 {h}",
    "on etherscan it shows {h} as success",
    "转账截图上的编号是 {h}",
]
for t in CTX_HEX:
    add(t.format(h=rng.choice(["0x", ""]) + hex64()), False, None)
for t in (
    "私钥和助记词我都没有，只有一个账号密码",
    "Should I send you my private key so you can check? I haven't yet.",
    "你们客服要我提供私钥，是真的吗？",
    "What is the difference between a private key and a seed phrase?",
):
    add(t, False, None)

for _ in range(3):
    # genuinely ambiguous in real life, but the issue settles it: bare 64 hex with no tx context is a key
    add(hex64(), True, "private_key")

OUT.parent.mkdir(parents=True, exist_ok=True)
with OUT.open("w", encoding="utf-8") as fh:
    for it in items:
        fh.write(json.dumps(it, ensure_ascii=False) + "\n")
n_secret = sum(it["secret"] for it in items)
print(f"{len(items)} messages, {n_secret} secret, {len(items) - n_secret} clean -> {OUT}")
