"""A fifth batch of phrases, composed rather than listed (round 4, issue 6): the customer's own
holdings told gone in words of absence (empty, 一片空白, 只剩零头, not there anymore, 易主, at a
stranger's address), with or without a disowning, against the hard negatives that share those
words (a pending withdrawal, a market loss or liquidation, someone else's loss, a frozen account
with its assets in view, a scam the customer refused). Each list is a fixed sample of a product
of short vocabularies, so the model learns the shape "my holding + absent + not me", not phrases.
"""

from __future__ import annotations

import random
from itertools import product

_HOLDING = {
    "zh": [
        "我的资产",
        "账户余额",
        "钱包里的U",
        "我存的币",
        "账户里的BTC",
        "我的资金",
        "总资产",
        "我的以太坊",
    ],
    "en": [
        "my balance",
        "my coins",
        "all my USDT",
        "my savings here",
        "my BTC",
        "the funds in my account",
        "my whole portfolio",
        "my ETH",
    ],
    "mixed": [
        "我的 balance",
        "wallet 里的 USDT",
        "我的 assets",
        "account 里的 coins",
        "我的 funds",
        "portfolio 里的币",
    ],
}
_ABSENT = {
    "zh": [
        "一夜之间没了",
        "只剩零头了",
        "显示一片空白",
        "变成了0",
        "全部不见了",
        "不翼而飞",
        "被人搬空了",
        "凭空少了一大截",
        "全部易主了",
        "一个都找不到了",
        "只剩几毛钱",
    ],
    "en": [
        "is just gone",
        "is not there anymore",
        "shows zero now",
        "has vanished",
        "walked out of the account",
        "is sitting at a stranger's address now",
        "went to nothing overnight",
        "is down to dust",
        "is no longer in my account",
        "belongs to someone else now",
        "got emptied out",
    ],
    "mixed": [
        "全部 gone 了",
        "变成 0 了",
        "disappear 了",
        "只剩 dust",
        "被 move 到陌生 address",
        "empty 了",
        "not there 了",
        "一夜之间 vanish 了",
    ],
}
_TAIL = {
    "zh": [
        "",
        "，我什么都没操作",
        "，我没交易也没提币",
        "，记录里有一笔不是我做的转出",
        "，昨天还好好的",
        "，不是我弄的",
    ],
    "en": [
        "",
        ", I didn't touch it",
        ", and I never withdrew",
        ", there's a transfer out I didn't make",
        ", it was all there yesterday",
        ", nobody here did it",
    ],
    "mixed": [
        "",
        "，我没有 withdraw",
        "，不是我 transfer 的",
        "，history 里有陌生的 withdrawal",
        "，我什么都没 click",
    ],
}
_NOUN = {
    "zh": ["币", "资产", "余额", "U", "资金"],
    "en": ["my coins", "my funds", "my balance", "my crypto", "my USDT"],
    "mixed": ["funds", "coins", "assets", "USDT", "balance"],
}
# Hard negatives with the same words: each category keeps its own reason for the money moving.
_NEGATIVE = {
    "withdrawal": {
        "zh": [
            "提现还在处理中，{h}已经扣了",
            "我自己提币到冷钱包，{h}少了是正常的吗，还没到账",
            "转给朋友的币他说还没收到",
        ],
        "en": [
            "my withdrawal is still pending and {h} already went down",
            "I sent {h} to my own wallet, it hasn't arrived yet",
            "transferred coins to my sister's wallet, she says nothing arrived",
        ],
        "mixed": ["withdraw 还在 processing，{h} 已经扣了", "我把 USDT transfer 给朋友，他说没收到"],
    },
    "trading": {
        "zh": ["币价暴跌，{h}缩水了一大半", "合约爆仓了，{h}只剩零头", "买的币跌没了，{h}差不多归零"],
        "en": [
            "the market crashed and {h} dropped by half",
            "got liquidated, {h} is down to dust",
            "the token I bought went to zero and took {h} with it",
        ],
        "mixed": ["market dump 了，{h} 少了一半", "被 liquidate 了，{h} 只剩一点"],
    },
    "security": {
        "zh": [
            "我朋友的{h}被盗了，我该怎么保护我自己的",
            "有人叫我把{h}转到安全账户，我没转",
            "收到异地登录提醒，{h}都还在",
        ],
        "en": [
            "my friend got his crypto stolen, how do I keep mine safe",
            "a fake agent asked me to move {h} to a safe wallet, I refused",
            "got a new-device login email but {h} are all still there",
        ],
        "mixed": [
            "我朋友的 {h} 被 hack 了，我的要怎么 protect",
            "fake support 叫我 transfer {h}，我没转",
            "收到 login alert，但是 {h} 都还在",
        ],
    },
    "account_login": {
        "zh": ["账户被冻结了，{h}看得到但是用不了"],
        "en": ["my account is frozen, I can see {h} but can't move it"],
        "mixed": ["account 被 freeze 了，{h} 还在但不能 withdraw"],
    },
}


def _composed(seed: int, per_lang: int) -> dict[str, dict[str, list[str]]]:
    rng = random.Random(seed)
    out: dict[str, dict[str, list[str]]] = {"account_theft": {}}
    for lang in ("zh", "en", "mixed"):
        sep = "" if lang == "zh" else " "
        combos = list(product(_HOLDING[lang], _ABSENT[lang], _TAIL[lang]))
        rng.shuffle(combos)
        out["account_theft"][lang] = [f"{h}{sep}{a}{t}" for h, a, t in combos[:per_lang]]
        for category, langs in _NEGATIVE.items():
            phrases = out.setdefault(category, {}).setdefault(lang, [])
            for template in langs[lang]:
                nouns = rng.sample(_NOUN[lang], 2) if "{h}" in template else [""]
                phrases.extend(template.replace("{h}", noun) for noun in nouns)
    return out


INTENTS_LOSS: dict[str, dict[str, list[str]]] = _composed(seed=4, per_lang=20)
