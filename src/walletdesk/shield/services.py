"""The secret shield: find wallet secrets in text, replace them with a marker, warn the customer.

Every text that enters walletdesk (inbox messages, subjects, attachment names and text
attachments, agent replies and notes, articles, webhook payloads, log records) passes
`text_redact` or `data_redact` before it is stored, indexed, logged or sent. Findings carry the
kind and the position in the original text, never the secret itself.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from operator import add
from typing import Any

from django.utils.safestring import SafeString

from walletdesk.shield.keys import EXTENDED_PRIVATE_KEY, KEYSTORE_JSON, PRIVATE_KEY, keys_find
from walletdesk.shield.mnemonics import MNEMONIC, mnemonics_find

Span = tuple[str, int, int]
KINDS = (MNEMONIC, PRIVATE_KEY, EXTENDED_PRIVATE_KEY, KEYSTORE_JSON)
# When two detectors claim overlapping text, the merged finding takes the broader kind: a
# keystore file contains hex, an extended key contains base58.
_KIND_PRIORITY = {KEYSTORE_JSON: 4, EXTENDED_PRIVATE_KEY: 3, MNEMONIC: 2, PRIVATE_KEY: 1}
# No secret is shorter than a 12-character Chinese phrase.
_SHORTEST_SECRET = 12

# Bilingual text lives here rather than in .po files: it is short, safety-critical, and must
# be right in both languages even before the catalogues are compiled.
MARKERS: dict[str, dict[str, str]] = {
    MNEMONIC: {"zh-hans": "[已隐藏助记词]", "en": "[seed phrase removed]"},
    PRIVATE_KEY: {"zh-hans": "[已隐藏私钥]", "en": "[private key removed]"},
    EXTENDED_PRIVATE_KEY: {"zh-hans": "[已隐藏扩展私钥]", "en": "[extended private key removed]"},
    KEYSTORE_JSON: {"zh-hans": "[已隐藏钱包密钥文件]", "en": "[keystore file removed]"},
}
THEFT_REPORT_PATH = "/support/new/?category=account_theft"
# The warning is Markdown: it is posted as a system message, whose HTML (markdown-it + nh3, like
# every message) makes the theft-report link clickable in the portal, the widget and the console.
_WARNINGS = {
    "zh-hans": (
        "安全提醒：{brand} 客服绝不会向您索要助记词、私钥或钱包密钥文件，任何索要这些信息的人都是骗子。"
        "您发送的内容已被自动隐藏，我们的客服看不到它，但请把它视为已经泄露："
        "请立即创建一个新钱包，并把全部资产转入新钱包。"
        "如果资产已经丢失，请马上[提交账户被盗报告]({link})。"
    ),
    "en": (
        "Security warning: {brand} support will never ask for your seed phrase, private key or "
        "keystore file. Anyone who asks for them is a scammer. We hid what you sent and our agents "
        "cannot see it, but treat it as exposed: create a new wallet now and move all your funds "
        "to it. If funds are already missing, [report a stolen account]({link}) right away."
    ),
}
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Redaction:
    text: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.findings)

    @property
    def counts(self) -> dict[str, int]:
        """How many secrets of each kind were removed: what may be stored about a finding."""
        return dict(Counter(finding.kind for finding in self.findings))


def locale_normalize(locale: str | None, *, text: str = "") -> str:
    """'zh-hans' or 'en'. Without a locale, the text's own script decides (Chinese → zh-hans)."""
    if locale:
        return "zh-hans" if locale.lower().replace("_", "-").startswith("zh") else "en"
    return "zh-hans" if _CJK_RE.search(text) else "en"


# Full-width letters and digits (typed with a Chinese or Japanese input method) are read as
# their ASCII twins: one character for one, so offsets still point into the original text.
_FULL_WIDTH_RE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULL_WIDTH = {
    code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))
}


def secrets_find(*, text: str) -> list[Finding]:
    """Every secret in `text` as non-overlapping findings sorted by position."""
    if len(text) < _SHORTEST_SECRET:
        return []
    if _FULL_WIDTH_RE.search(text):
        text = text.translate(_FULL_WIDTH)
    spans = _spans(text)
    if "\\" in text and _ESCAPE_RE.search(text):
        spans += _view_spans(text, _ESCAPE_RE, _unescape, _spans)
    return _merge(spans)


def _spans(text: str) -> list[Span]:
    spans = keys_find(text) + mnemonics_find(text)
    if ("<" in text or "&" in text) and _MARKUP_RE.search(text):
        spans += _view_spans(text, _MARKUP_RE, _unmarkup, mnemonics_find)
    return spans


# A message body inside JSON (a webhook payload, a log line) writes line breaks as "\n" and
# non-ASCII letters as "\u52a9": a phrase one word per line, or in Chinese, would hide
# behind the escapes. Such text is read unescaped too and the findings mapped back; the raw
# text is still read, as a backslash typed between words ("bacon\fault") is no escape.
_ESCAPE_RE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[nrtbf\"\\/])")
_ESCAPED = {"n": "\n", "r": "\r", "t": "\t", "b": " ", "f": " ", '"': '"', "\\": "\\", "/": "/"}


@lru_cache(maxsize=4096)  # the same few escapes recur all through a text
def _unescape(escape: str) -> str:
    return chr(int(escape[2:], 16)) if escape[1] == "u" else _ESCAPED[escape[1]]


# An HTML mail or a pasted web page puts a tag or an entity between words ("<li>abandon</li>
# <li>ability", "abandon&nbsp;ability"): tag names are unlisted words and would break every
# run. Mnemonics are looked for in the text with each tag read as one space and each entity
# as its character. Keys need no such view: tags never split a key's characters.
_MARKUP_RE = re.compile(r"</?[A-Za-z][^<>]{0,300}>|&(?:[A-Za-z]{2,8}|#[0-9]{1,5}|#[xX][0-9a-fA-F]{1,4});")


def _unmarkup(markup: str) -> str:
    if markup[0] == "<":
        return " "
    character = html.unescape(markup)
    return " " if len(character) != 1 or character.isspace() else character


def _view_spans(
    text: str,
    pattern: re.Pattern[str],
    replace: Callable[[str], str],
    find: Callable[[str], list[Span]],
) -> list[Span]:
    """`find` run over `text` with each match of `pattern` replaced by `replace(match)` (one
    character), its spans mapped back to `text` (a replaced character spans its whole match)."""
    # split() with the whole match captured returns the text between matches and the matches
    # in turn, so the view and every offset are built from lists at C speed: a webhook body
    # in Chinese holds an escape per character, and a Match object each, read in Python, cost
    # as much as finding the secrets in the view.
    parts = _captured(pattern).split(text)
    matches = parts[1::2]
    between = parts[0::2]
    pieces = parts[:]
    pieces[1::2] = map(replace, matches)
    match_sizes = list(map(len, matches))
    between_sizes = list(map(len, between[:-1]))
    raw_starts = list(accumulate(map(add, between_sizes, [0, *match_sizes[:-1]])))
    raw_ends = list(map(add, raw_starts, match_sizes))
    # The index in the view of each replacement character, and raw index - view index after
    # each replacement.
    replaced_at = list(map(add, accumulate(between_sizes), range(len(matches))))
    shifts = [0, *accumulate(size - 1 for size in match_sizes)]

    # Mapped only for the few spans found, by bisecting the replacements (a per-character map
    # of the whole text cost more than finding the secrets in it).
    def raw_start(index: int) -> int:
        before = bisect_left(replaced_at, index)
        if before < len(replaced_at) and replaced_at[before] == index:
            return raw_starts[before]
        return index + shifts[before]

    def raw_end(index: int) -> int:
        last = index - 1
        before = bisect_left(replaced_at, last)
        if before < len(replaced_at) and replaced_at[before] == last:
            return raw_ends[before]
        return last + shifts[before] + 1

    return [
        (kind, raw_start(start), raw_end(end)) for kind, start, end in find("".join(pieces)) if end > start
    ]


@lru_cache(maxsize=4)
def _captured(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with the whole match as its one group (it has none of its own)."""
    return re.compile(f"({pattern.pattern})", pattern.flags)


def _merge(spans: list[Span]) -> list[Finding]:
    merged: list[list[Any]] = []
    for kind, start, end in sorted(spans, key=lambda span: (span[1], -span[2])):
        if merged and start < merged[-1][2]:
            last = merged[-1]
            if _KIND_PRIORITY[kind] > _KIND_PRIORITY[last[0]] and end - start >= (last[2] - last[1]) // 2:
                last[0] = kind
            last[2] = max(last[2], end)
        else:
            merged.append([kind, start, end])
    return [Finding(kind=kind, start=start, end=end) for kind, start, end in merged]


def detector_warm() -> None:
    """Load the wordlists and the Chinese model now (about half a second) rather than on the
    first message: call it when a web or worker process starts."""
    from walletdesk.shield.glued import _char_scores, _gate_step, _gate_table
    from walletdesk.shield.mnemonics import _ascii_token_symbols, _char_classes, _token_symbols
    from walletdesk.shield.segmented import _prefixes, _spellings
    from walletdesk.shield.wordlists import fast_keys
    from walletdesk.shield.zhmodel import word_pairs

    word_pairs()
    _char_scores()
    _gate_table()
    _gate_step()
    fast_keys()
    _token_symbols()
    _ascii_token_symbols()
    _char_classes()
    _spellings()
    _prefixes()
    secrets_find(text="abandon ability able about above absent absorb abstract 的一是在不了有和人这中大")


def text_redact(*, text: str, locale: str | None = None) -> Redaction:
    """Replace each secret in `text` with a marker in `locale` (or the text's language).

    The rest of the text is kept byte for byte; findings point into the original text.
    """
    findings = secrets_find(text=text)
    if not findings:
        return Redaction(text=text, findings=[])
    language = locale_normalize(locale, text=text)
    pieces = []
    cursor = 0
    for finding in findings:
        pieces.append(text[cursor : finding.start])
        pieces.append(MARKERS[finding.kind][language])
        cursor = finding.end
    pieces.append(text[cursor:])
    return Redaction(text="".join(pieces), findings=findings)


def data_redact(*, data: Any, locale: str | None = None) -> Any:
    """A copy of JSON-like `data` (dicts, lists, tuples, strings) with every string redacted.

    Dictionary keys are redacted too; numbers, booleans and None pass through unchanged.
    """
    if isinstance(data, str):
        return text_redact(text=data, locale=locale).text
    if isinstance(data, dict):
        return {
            data_redact(data=key, locale=locale): data_redact(data=value, locale=locale)
            for key, value in data.items()
        }
    if isinstance(data, list | tuple):
        return type(data)(data_redact(data=item, locale=locale) for item in data)
    return data


def warning_message(*, locale: str) -> str:
    """What the customer is told at once when a secret was removed from their message."""
    from django.conf import settings

    link = f"{settings.SITE_URL}{THEFT_REPORT_PATH}"
    return _WARNINGS[locale_normalize(locale)].format(brand=settings.BRAND_NAME, link=link)


def warning_html(*, locale: str) -> SafeString:
    """The warning as HTML for pages that show it outside a message (the portal's notice right
    after sending): rendered and sanitized exactly like a message body."""
    # Imported here: markdown-it costs 0.17 s to import, and most processes that redact (the
    # scan command, workers, the logging filter) never render the warning.
    from walletdesk.core.markdown import markdown_render

    return SafeString(markdown_render(warning_message(locale=locale)))


_KIND_NAMES = {
    MNEMONIC: {"zh-hans": "助记词", "en": "seed phrase"},
    PRIVATE_KEY: {"zh-hans": "私钥", "en": "private key"},
    EXTENDED_PRIVATE_KEY: {"zh-hans": "扩展私钥", "en": "extended private key"},
    KEYSTORE_JSON: {"zh-hans": "钱包密钥文件", "en": "keystore file"},
}
_BANNERS = {
    "zh-hans": (
        "该会话中的消息包含钱包机密（{kinds}），已在保存前自动隐藏，客户已收到安全提醒。"
        "请勿向客户索要或让其重发；建议客户立即把资产转到新钱包，如有资产丢失请走账户被盗流程。"
    ),
    "en": (
        "A message in this conversation contained a wallet secret ({kinds}); it was removed before "
        "storage and the customer was warned. Never ask for it or have it re-sent; advise moving funds "
        "to a new wallet now, and use the stolen-account flow if funds are missing."
    ),
}


def agent_banner(*, counts: dict[str, int], locale: str) -> str:
    """The banner an agent sees on a ticket whose messages had secrets removed (counts by kind)."""
    language = locale_normalize(locale)
    kinds = ("、" if language == "zh-hans" else ", ").join(
        f"{_KIND_NAMES[kind][language]} × {count}"
        for kind, count in sorted(counts.items())
        if kind in _KIND_NAMES
    )
    return _BANNERS[language].format(kinds=kinds)


def four_word_windows(phrase: str) -> list[str]:
    """Every run of four consecutive words of `phrase` (characters, for unspaced Chinese).

    The canary test searches dumps, logs, the search index and webhook payloads for these: any
    one of them surviving means a secret leaked.
    """
    words = re.findall(r"[^\W\d_]+", phrase)
    if len(words) == 1 and _CJK_RE.match(words[0]):
        words = list(words[0])
    joiner = "" if words and all(len(word) == 1 and _CJK_RE.match(word) for word in words) else " "
    return [joiner.join(words[i : i + 4]) for i in range(len(words) - 3)]


def phrase_leaks(*, haystack: str, phrase: str) -> list[str]:
    """The four-word windows of `phrase` found in `haystack`, ignoring case and separators.

    JSON escapes are undone first (a database or webhook dump writes "\\n" and "\\u52a9").
    """
    haystack = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), haystack)
    haystack = re.sub(r"\\[nrtbf]", " ", haystack)
    flat = " ".join(re.findall(r"[^\W\d_]+", haystack.lower()))
    squeezed = flat.replace(" ", "")
    leaks = []
    for window in four_word_windows(phrase.lower()):
        if (" " in window and f" {window} " in f" {flat} ") or (" " not in window and window in squeezed):
            leaks.append(window)
    return leaks
