"""Text features shared by training (sklearn) and inference (pure Python over JSON weights).

Character n-grams carry Chinese (no segmenter needed, so no jieba start-up cost) and catch typos
in English; whole English words and word pairs carry English meaning. Ids, hashes and numbers
are folded to placeholders: their exact digits say nothing about the category.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import opencc

from walletdesk.triage.codeswitch import code_switch_read
from walletdesk.triage.lexicon import lexicon_features

# Cantonese "all gone" (冇晒, 轉走晒): 晒 after a result verb reads as 了. 冒認 is 冒充.
_CANTONESE_RESULT_RE = re.compile(r"(?<=[走光冇没完空])晒")
_LONG_TOKEN_RE = re.compile(r"[0-9A-Za-z]{20,}")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_RE = re.compile(r"[a-z][a-z']*")
_SPACE_RE = re.compile(r"\s+")


# Traditional characters customers in HK/TW type, folded to the simplified forms the set uses.
def _trad_table() -> dict[int, str]:
    pairs = (
        "帳账號号幣币臺台體体錢钱錯错額额現现轉转賬账戶户請请問问為为這这個个們们時时間间過过還还沒没"
        "點点開开關关註注冊册證证認认審审驗验鎖锁凍冻結结盜盗騙骗詐诈資资產产網网絡络鏈链幫帮處处說说"
        "話话給给費费續续價价單单買买賣卖務务態态員员導导應应該该發发"
    )
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}


# Pinyin-IME homophones customers leave in (体现 for 提现, 冲值 for 充值, 帐 for 账): the words the
# set and the rules know. 帐 as 账 covers 帐户/帐号/到帐; 体现 as a real word ("这体现了") is rare
# in support messages and costs little if folded.
_IME_TYPOS = (("体现", "提现"), ("冲值", "充值"), ("冲币", "充币"), ("冲进", "充进"), ("帐", "账"))

# Written Cantonese particles (HK customers) folded to their Mandarin forms, so "錢全部冇咗"
# reads like "钱全部没了" to the rules and the model (俾人 is the passive 被人).
_CANTONESE = "冇没咗了唔不嘅的佢他搵找係是畀给睇看啲些俾被"

# Pinyin initials chat users type for common words (kf 客服, zh 账号, tb 提币, cz 充值, yhk 银行卡),
# folded only beside a Chinese character ("zh登不了", "kf在吗"): alone in English they mean other
# things ("zh-hans", "tb" for terabyte).
_PINYIN_INITIALS = {"kf": "客服", "zh": "账号", "tb": "提币", "cz": "充值", "yhk": "银行卡", "sfz": "身份证"}
_PINYIN_INITIALS_RE = re.compile(
    r"(?<![a-z])(kf|zh|tb|cz|yhk|sfz)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(kf|zh|tb|cz|yhk|sfz)(?![a-z])"
)


def _opencc_chars() -> dict[int, str]:
    """OpenCC's traditional->simplified character table (first reading), applied with
    str.translate: every traditional character a customer may type, not only the ones the
    hand-written list above happened to name (見, 戶, 領 …)."""
    folder = Path(opencc.__file__).resolve().parent / "dictionary"
    chars: dict[int, str] = {}
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            simplified = parts[1].split(" ")[0]
            if len(simplified) == 1:
                chars[ord(parts[0])] = simplified
    return chars


_TRAD_TABLE = {
    **_opencc_chars(),
    **_trad_table(),
    **{ord(_CANTONESE[i]): _CANTONESE[i + 1] for i in range(0, len(_CANTONESE), 2)},
}


@lru_cache(maxsize=256)
def text_normalise(text: str) -> str:
    """Lowercase, simplified, ids and numbers folded; cached because rules and features both ask."""
    text = text.translate(_TRAD_TABLE).lower()
    if "晒" in text or "冒认" in text:
        text = _CANTONESE_RESULT_RE.sub("了", text).replace("冒认", "冒充")
    for typo, word in _IME_TYPOS:
        if typo in text:
            text = text.replace(typo, word)
    text = _PINYIN_INITIALS_RE.sub(lambda m: _PINYIN_INITIALS[m.group(1) or m.group(2)], text)
    text = _LONG_TOKEN_RE.sub(" Ⓐ ", text)
    text = _DIGITS_RE.sub("0", text)
    return _SPACE_RE.sub(" ", text).strip()


def features_of(text: str) -> list[str]:
    """Feature strings for one message (order irrelevant, repeats count)."""
    norm = text_normalise(text)
    # Characters are read with code-switched English in Chinese ("被freeze了" as "被冻结了"), so
    # the Chinese rows' n-grams apply; whole words below keep the English as written.
    read = code_switch_read(norm)
    padded = f" {read} "
    n = len(padded)
    feats = [padded[i : i + 2] for i in range(n - 1)]
    feats += [padded[i : i + 3] for i in range(n - 2)]
    # Single Chinese characters: a loss told in a word the set never paired ("划", "盗", "骗" inside
    # new compounds) still carries its character. Chosen by 5-fold grouped CV on 5,644 rows
    # (bench/triage_model_sweep.py): zh macro-F1 0.951 -> 0.962 with C 0.5 -> 1.0, the model alone
    # 0.931 -> 0.949; Latin letters as unigrams only added noise to English.
    feats.extend("c:" + ch for ch in read if "\u4e00" <= ch <= "\u9fff")
    words = _WORD_RE.findall(norm)
    feats.extend("w:" + w for w in words)
    feats.extend(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    # Word stems by prefix: withdraw/withdrawal/withdrew share "p:withd" without a stemmer.
    feats.extend("p:" + w[:5] for w in words if len(w) > 5)
    feats.extend(lexicon_features(norm))
    return feats
