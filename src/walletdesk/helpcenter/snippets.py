"""Search-result snippets: the article's readable text around the words that matched.

One code path for every place a hit is shown (portal results, the portal's and the widget's
search as you type): Markdown is turned into the text a reader sees (no table pipes, list
markers or emphasis marks), a window with the most query words is chosen, cut at word
boundaries (Chinese at a character, preferably after punctuation) with "…" where text was left
out, and the matched words are marked only after escaping.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from walletdesk.helpcenter.search.analysis import TRUNCATE_AT, latin_token, normalize

# Display width of a snippet: a Chinese character is about two Latin letters wide.
SNIPPET_WIDTH = 190
# Context kept before the first matched word when the window does not start the text.
LEAD_WIDTH = 36
ELLIPSIS = "…"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(rf"[{_CJK}]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][A-Za-z]+)*")
_WORDCHAR_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
# After one of these a window may start without looking cut mid-clause.
_CLAUSE_END = set("。！？；：，、.!?;:,·)）」』】")
_SENTENCE_END = set("。！？.!?；;：:")
_TRIM_END = " \t,，、·:：;；(（「『【-–—"
_TRIM_START = " \t,，、·:：;；)）」』】.。-–—"

# --- Markdown → the text a reader sees ---------------------------------------------------------

_FENCE_RE = re.compile(r"^\s*(```|~~~)")
_TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HRULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_SETEXT_RE = re.compile(r"^\s*(=+|-+)\s*$")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE_RE = re.compile(r"^\s*(>\s?)+")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK_RE = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LINK_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->", re.S)
_CODE_RE = re.compile(r"`+([^`]*)`+")
_EMPHASIS_RE = re.compile(
    r"(\*\*\*|\*\*|\*|___|__|~~)(?=\S)(.+?)(?<=\S)\1"  # *, ** and ~~ anywhere
)
_UNDERSCORE_RE = re.compile(r"(?<![A-Za-z0-9])(__?)(?=\S)(.+?)(?<=\S)\1(?![A-Za-z0-9])")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")


_INLINE_SYNTAX_RE = re.compile(r"[`*_\[\]<>&!\\~]")


def _inline(text: str) -> str:
    if not _INLINE_SYNTAX_RE.search(text):
        return text
    text = _CODE_RE.sub(lambda m: m.group(1), text)
    text = _IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _LINK_RE.sub(lambda m: m.group(1), text)
    text = _REF_LINK_RE.sub(lambda m: m.group(1), text)
    text = _AUTOLINK_RE.sub(lambda m: m.group(1), text)
    text = _TAG_RE.sub(" ", text)
    for _ in range(2):  # nested emphasis: ***a** b*
        text = _EMPHASIS_RE.sub(lambda m: m.group(2), text)
        text = _UNDERSCORE_RE.sub(lambda m: m.group(2), text)
    text = _ESCAPE_RE.sub(lambda m: m.group(1), text)
    return html.unescape(text)


def _table_cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)]


def _join_lines(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (_CJK_RE.match(out[-1]) and _CJK_RE.match(part[0])):
            out += " "
        out += part
    return out


@functools.lru_cache(maxsize=1024)
def markdown_text(source: str) -> str:
    """Markdown → one line of readable text: blocks (paragraphs, list items, headings, table rows)
    in order, table cells separated by " · ", no Markdown or HTML syntax left."""
    blocks: list[str] = []
    para: list[str] = []
    in_fence = False

    def flush() -> None:
        if para:
            blocks.append(_join_lines(para))
            para.clear()

    for raw in source.replace("\r\n", "\n").split("\n"):
        if _FENCE_RE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                para.append(raw.strip())
            continue
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if "|" in line and _TABLE_RULE_RE.match(line):
            continue
        if _HRULE_RE.match(line) or _LINK_DEF_RE.match(line):
            flush()
            continue
        if _SETEXT_RE.match(line) and para:  # the previous line was a heading
            flush()
            continue
        line = _QUOTE_RE.sub("", line)
        if line.count("|") >= 2 or line.lstrip().startswith("|"):
            flush()
            cells = [_inline(c) for c in _table_cells(line)]
            row = " · ".join(" ".join(c.split()) for c in cells if c.strip())
            if row:  # a row ends like a clause, so rows stay apart from the cells within them
                blocks.append(row + ("；" if _CJK_RE.match(row[-1]) else ";"))
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            blocks.append(_inline(heading.group(1)))
            continue
        item = _LIST_RE.match(line)
        if item:
            flush()
            line = line[item.end() :]
        para.append(" ".join(_inline(line).split()))
    flush()
    text = ""
    for block in (b.strip() for b in blocks):
        if not block:
            continue
        if text:
            text += " " if text[-1] in _SENTENCE_END else " · "
        text += block
    return text


# --- matching and cutting -----------------------------------------------------------------------


@dataclass(frozen=True)
class Snippet:
    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)  # [start, end) in `text`

    @property
    def html(self) -> SafeString:
        out, last = [], 0
        for start, end in self.marks:
            out.append(html.escape(self.text[last:start]))
            out.append(f"<mark>{html.escape(self.text[start:end])}</mark>")
            last = end
        out.append(html.escape(self.text[last:]))
        return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above

    def marks_utf16(self) -> list[list[int]]:
        """The marks as UTF-16 offsets: what JavaScript's string indices count."""

        def u16(i: int) -> int:
            return len(self.text[:i].encode("utf-16-le")) // 2

        return [[u16(s), u16(e)] for s, e in self.marks]


@functools.lru_cache(maxsize=256)
def _prefix_re(latin: frozenset[str]) -> re.Pattern:
    # A stem starts like the words it stands for (withdraw → withdrawals, verif → verification);
    # its first letters find the candidates in one scan, stemming then decides.
    prefixes = sorted({t[:3] for t in latin}, key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in prefixes)
    return re.compile(
        rf"(?<![A-Za-z0-9\u00c0-\u024f])(?:{alternation})[A-Za-z0-9\u00c0-\u024f]*(?:['’][A-Za-z]+)*", re.I
    )


def _matches(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word in `text` the query's index terms stand for."""
    found: list[tuple[int, int, str]] = []
    latin = {t for t in terms if t.isascii()}
    if latin:
        for m in _prefix_re(frozenset(latin)).finditer(text):
            tok = latin_token(normalize(m.group(0)))
            if not tok:
                continue
            start, end = m.start(), m.end()
            if tok in latin:
                found.append((start, end, tok))
            elif len(tok) > TRUNCATE_AT and tok[:TRUNCATE_AT] in latin:
                found.append((start, end, tok[:TRUNCATE_AT]))
    cjk = sorted((t for t in terms if len(t) >= 2 and _CJK_RE.match(t)), key=len, reverse=True)
    if cjk:
        # zh-hans articles are written in Simplified characters, like the query's terms.
        for term in cjk:
            start = text.find(term)
            while start >= 0:
                found.append((start, start + len(term), term))
                start = text.find(term, start + len(term))
    # Longest first at a position; overlapping shorter matches are dropped.
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    merged: list[tuple[int, int, str]] = []
    for m in found:
        if merged and m[0] < merged[-1][1]:
            continue
        merged.append(m)
    return merged


def _width(ch: str) -> int:
    return 2 if ord(ch) > 0x2E7F else 1


_WIDE_RE = re.compile(r"[\u2e80-\U0010ffff]")


def _span_width(text: str, start: int, end: int) -> int:
    return end - start + len(_WIDE_RE.findall(text, start, end))


def _end_for(text: str, start: int, budget: int) -> int:
    """The furthest end such that text[start:end] is at most `budget` wide."""
    end = min(len(text), start + budget)
    width = _span_width(text, start, end)
    while width > budget:  # each step drops at least half the excess (a character is 1 or 2 wide)
        end -= max(1, (width - budget) // 2)
        width = _span_width(text, start, end)
    while end < len(text) and width + _width(text[end]) <= budget:
        width += _width(text[end])
        end += 1
    return end


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and bool(_WORDCHAR_RE.match(text[i - 1])) and bool(_WORDCHAR_RE.match(text[i]))


def _start_before(text: str, pos: int) -> int:
    """Where to start a window showing `pos`: after the nearest clause end within LEAD_WIDTH,
    else at a word boundary about LEAD_WIDTH before it."""
    used, i = 0, pos
    while i > 0 and used < LEAD_WIDTH:
        if text[i - 1] in _CLAUSE_END:
            return i
        i -= 1
        used += _width(text[i])
    while _inside_word(text, i):
        i += 1  # forwards: the word the cut fell in is left out, not shown half
    return i


def snippet_make(text: str, terms: frozenset[str] | set[str], width: int = SNIPPET_WIDTH) -> Snippet:
    """The window of `text` (plain) with the most distinct query terms, cut cleanly, terms marked."""
    matches = _matches(text, frozenset(terms)) if terms else []
    start = 0
    # The text's own start is the best window when it shows a match with context after it.
    if matches and _end_for(text, 0, width * 2 // 3) < matches[0][1]:
        best = (-1, 0)
        starts = [m[0] for m in matches]
        for first in sorted(set(starts))[:24]:  # bounded work on very long articles
            cand = _start_before(text, first)
            end = _end_for(text, cand, width)
            lo, hi = bisect.bisect_left(starts, cand), bisect.bisect_right(starts, end)
            distinct = len({t for s, e, t in matches[lo:hi] if e <= end})
            if distinct > best[0]:
                best = (distinct, cand)
        start = best[1]
    end = _end_for(text, start, width)
    if end < len(text):
        while _inside_word(text, end) and end > start:
            end -= 1
        # A clause end near the cut reads better than a word cut mid-clause.
        shown = [e for s, e, _ in matches if s >= start and e <= end]
        floor = max(start + (end - start) * 3 // 4, max(shown, default=0))
        for i in range(end, floor, -1):
            if text[i - 1] in _CLAUSE_END:
                end = i
                break
    body_start = start
    while body_start < end and text[body_start] in _TRIM_START:
        body_start += 1
    body_end = end
    if end < len(text):
        while body_end > body_start and text[body_end - 1] in _TRIM_END:
            body_end -= 1
    prefix = ELLIPSIS if body_start > 0 else ""
    suffix = ""
    if end < len(text):
        # "phone. …" rather than "phone.…": the sentence ended, more text follows.
        suffix = " " + ELLIPSIS if text[body_end - 1 : body_end] in {".", "!", "?"} else ELLIPSIS
    shift = len(prefix) - body_start
    marks: list[tuple[int, int]] = []
    for s, e, _ in matches:
        if s < body_start or e > body_end:
            continue
        if marks and not text[marks[-1][1] - shift : s].strip():
            marks[-1] = (marks[-1][0], e + shift)  # "Google Authenticator" is one mark, not two
        else:
            marks.append((s + shift, e + shift))
    return Snippet(prefix + text[body_start:body_end] + suffix, marks)
