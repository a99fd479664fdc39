"""Text analysis shared by indexing and querying: one normaliser, one tokenizer, both languages.

Chinese: Traditional is folded to Simplified (OpenCC t2s plus the domain's 帐→账 choice), then
jieba search-mode words (with the domain user dictionary) and overlapping character bigrams.
Bigrams give recall where jieba splits differently in the article and in the query; words give
precision. English: lower-cased words, stop words dropped, Snowball (Porter 2) stems.
Every token is alphanumeric so the database's own full-text tokenizers keep them intact.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
from pathlib import Path

import jieba
import opencc
import snowballstemmer

_DATA = Path(__file__).resolve().parent.parent / "data"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN_RE = re.compile(rf"[{_CJK}]+|[a-z0-9]+(?:[.'][a-z0-9]+)*")
_CJK_RE = re.compile(rf"[{_CJK}]")
_LATIN_RE = re.compile(r"[a-z]")
_APOSTROPHE_RE = re.compile(r"(?<=[a-z])['’](?=[a-z])")
# TRC-20 / ERC 20 / BEP-20 are the same network names as TRC20.
_HYPHEN_CODE_RE = re.compile(r"\b(trc|erc|bep|brc|spl)[- ]?(\d{2,3})\b")

EN_STOPWORDS = frozenset(
    """a an the and or but if of to in on at for from by with without about as into onto over under
    is am are was were be been being do does did doing done have has had having i me my mine we us our
    you your yours he him his she her it its they them their this that these those there here what which
    who whom whose when where why how can could would should will shall may might must not no yes so
    than then too very just also any some all each every own same other such only s t d ll m re ve
    please pls plz help hi hello thanks thank anyone somebody someone get got still already yet again
    up down out off""".split()
)
# Single-character and function words that carry no topic in a customer's question.
ZH_STOPWORDS = frozenset(
    """的 了 吗 呢 吧 啊 呀 哦 嘛 么 我 你 您 他 她 它 我们 你们 他们 是 在 有 和 与 或 及 就 都 也 还 又 把 被 给
    对 从 向 到底 怎么 怎么办 怎样 怎么样 如何 为什么 为何 什么 哪里 哪儿 哪 请问 请 一下 一直 已经 这个
    那个 这 那 个 能 能不能 可以 可不可以 会 要 想 让 该 没 不 很 太 非常 就是 还是 但是 可是 然后 所以 因为 如果
    现在 刚才 刚刚 之前 之后 时候 谢谢 你好 您好 客服 问题 一 上 中 下 里 后 前 啥 咋 咋办 得 着 过 等""".split()
)
# Characters never worth a bigram of their own when both halves are function characters.
_FUNCTION_CHARS = frozenset(
    "的了吗呢吧啊呀哦嘛么我你您他她它是在有和与或就都也还又把被给对从向怎什这那个能可以会要想让该没不很太"
)


def _t2s_tables() -> tuple[dict[int, str], list[tuple[str, str]]]:
    """OpenCC's own t2s dictionaries, applied with str.translate: the pure-Python OpenCC converter
    costs milliseconds per sentence, this costs microseconds and gives the same characters."""
    folder = Path(opencc.__file__).resolve().parent / "dictionary"
    chars: dict[int, str] = {}
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            chars[ord(parts[0])] = parts[1].split(" ")[0]
    phrases = []
    for line in (folder / "TSPhrases.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            phrases.append((parts[0], parts[1].split(" ")[0]))
    # OpenCC keeps 帐 (a valid Simplified character) where mainland usage in finance writes 账.
    chars.update({ord("帐"): "账", ord("帳"): "账", ord("臺"): "台", ord("裏"): "里"})
    return chars, phrases


_T2S_CHARS, _T2S_PHRASES = _t2s_tables()


def _phrases_by_first_char() -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for trad, simp in _T2S_PHRASES:
        index.setdefault(trad[0], []).append((trad, simp))
    return index


_T2S_BY_FIRST = _phrases_by_first_char()


def t2s(text: str) -> str:
    # Only phrases starting with a character of the text can occur in it: a dict probe per
    # character instead of a scan of every OpenCC phrase per call.
    found = {trad: simp for ch in set(text) for trad, simp in _T2S_BY_FIRST.get(ch, ()) if trad in text}
    if not found:
        return text.translate(_T2S_CHARS)
    # A phrase's own conversion wins over the per-character one (乾隆 stays 乾隆, not 干隆).
    pattern = re.compile("|".join(re.escape(p) for p in sorted(found, key=len, reverse=True)))
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()].translate(_T2S_CHARS))
        out.append(found[m.group(0)])
        last = m.end()
    out.append(text[last:].translate(_T2S_CHARS))
    return "".join(out)


# Latin stems are also indexed cut to five letters: Porter 2 splits families a customer does not
# (recover → recov, recovery → recoveri); the cut form is a weaker alternative at query time.
TRUNCATE_AT = 5

_stemmer_local = threading.local()
_jieba_lock = threading.Lock()
_jieba_ready = False


def _stemmer() -> snowballstemmer.stemmer:
    # Snowball stemmer objects keep state between calls, so each thread gets its own.
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def _ensure_jieba() -> None:
    global _jieba_ready
    if _jieba_ready:
        return
    with _jieba_lock:
        if not _jieba_ready:
            jieba.setLogLevel(logging.WARNING)
            jieba.initialize()
            jieba.load_userdict(str(_DATA / "userdict.txt"))
            # The bundled synonyms' Chinese terms are words too. Only bundled files feed the
            # segmenter: every process must cut the same text the same way, at index and query time.
            for word in _bundled_synonym_words():
                if len(word) >= 2 and not jieba.dt.FREQ.get(word):
                    jieba.add_word(word, freq=5000)
            _jieba_ready = True


def _bundled_synonym_words() -> list[str]:
    text = (_DATA / "synonyms.txt").read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for part in re.split(r"=>|\||,", line):
            part = part.strip()
            if part and " " not in part and all(_CJK_RE.match(ch) for ch in part):
                words.append(part)
    return words


@functools.lru_cache(maxsize=20000)
def _normalize_cached(text: str) -> str:
    return _normalize(text)


def normalize(text: str) -> str:
    """Full-width → half-width, lower case, Traditional → Simplified."""
    return _normalize_cached(text) if len(text) <= 300 else _normalize(text)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    # can't → cant, didn’t → didnt: customers type both, synonyms list one.
    text = _APOSTROPHE_RE.sub("", text)
    text = _HYPHEN_CODE_RE.sub(r"\1\2", text)
    if _CJK_RE.search(text):
        text = t2s(text)
    return text


def detect_locale(text: str) -> str:
    """zh-hans when the text has any Chinese character (mixed queries are Chinese questions)."""
    return "zh-hans" if _CJK_RE.search(normalize(text)) else "en"


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@functools.lru_cache(maxsize=20000)
def _cut_cached(run: str) -> tuple[str, ...]:
    return tuple(jieba.cut_for_search(run, HMM=True))


def cjk_words(run: str) -> list[str]:
    _ensure_jieba()
    return [w for w in _cut_cached(run) if w not in ZH_STOPWORDS]


def cjk_bigrams(run: str) -> list[str]:
    out = []
    for i in range(len(run) - 1):
        pair = run[i : i + 2]
        if pair[0] in _FUNCTION_CHARS and pair[1] in _FUNCTION_CHARS:
            continue
        out.append(pair)
    return out


@functools.lru_cache(maxsize=50000)
def latin_token(word: str) -> str | None:
    word = word.replace("'", "").replace(".", "")
    if not word or word in EN_STOPWORDS:
        return None
    if not _LATIN_RE.search(word):
        return word  # numbers: amounts, error codes
    stemmed = stem(word)
    # Porter 2 leaves verify→verifi but verification→verif, recovery→recoveri but recover→recover:
    # dropping a final "i" joins these families (they are the same question to a customer).
    if len(stemmed) > 4 and stemmed.endswith("i"):
        stemmed = stemmed[:-1]
    return stemmed


def analyze(text: str) -> list[str]:
    """Index tokens of one field, in order (duplicates kept: term frequency matters)."""
    tokens: list[str] = []
    for run in _RUN_RE.findall(normalize(text)):
        if _CJK_RE.match(run):
            words = cjk_words(run)
            tokens.extend(words)
            seen = set(words)
            tokens.extend(b for b in cjk_bigrams(run) if b not in seen)
        else:
            tok = latin_token(run)
            if tok:
                tokens.append(tok)
                if len(tok) > TRUNCATE_AT and tok.isalpha():
                    tokens.append(tok[:TRUNCATE_AT])
    return tokens


def runs(text: str) -> list[tuple[str, str]]:
    """(kind, run) pairs of a normalised text: kind is "zh" or "en"."""
    return [("zh" if _CJK_RE.match(r) else "en", r) for r in _RUN_RE.findall(normalize(text))]


_MD_NOISE_RE = re.compile(r"`{1,3}|[*_#>|]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>")


def markdown_plain(text: str) -> str:
    """Markdown source → plain text for indexing and snippets (link text kept, URLs dropped)."""
    return _MD_NOISE_RE.sub(lambda m: m.group(1) or " ", text)
