"""What the customer wrote in a mail: the text of its body without the conversation it quotes or
the signature under it.

Quote stripping is a small function of our own: the PyPI parsers tried (mail-parser-reply 1.36,
email-reply-parser 0.5.12) keep Chinese clients' quote headers ("在 2026年11月27日 … 写道：",
"… 于2026年11月27日周五 10:02写道："), and the first keeps "> " quotes and "-- " signatures too.
When stripping would leave nothing, the whole text is kept: a mail is never emptied by it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A line that starts the quoted earlier mail, and what the first line of such a header looks like:
# clients wrap a long "On …, Name <address> wrote:" over two or three lines, which are joined to
# match only when the first of them starts like a header (else "Thanks" above it would match too).
_QUOTE_HEADERS = [
    (re.compile(r"^On\b.{4,300}\bwrote\s*:$", re.IGNORECASE), re.compile(r"^On\b", re.IGNORECASE)),
    # QQ Mail, Foxmail, 163, Apple Mail in Chinese; Gmail in Chinese ("Name <a@b> 于2026年…写道：")
    (re.compile(r"^在.{2,300}写道\s*[:：]$"), re.compile(r"^在")),
    (re.compile(r"^.{2,300}于.{2,120}写道\s*[:：]$"), re.compile(r"于\s*\d")),
    (re.compile(r"^Le\b.{4,300}\ba écrit\s*:$", re.IGNORECASE), re.compile(r"^Le\b", re.IGNORECASE)),
    (re.compile(r"^Am\b.{4,300}\bschrieb\b.{0,200}:$", re.IGNORECASE), re.compile(r"^Am\b", re.IGNORECASE)),
    (
        re.compile(
            r"^-{2,}\s*(Original Message|Original|原始邮件|回复的原邮件|原邮件)\s*-{2,}$", re.IGNORECASE
        ),
        re.compile(r"^-{2,}"),
    ),
]
# Outlook quotes with a header block instead: "From: …" then "Sent: …" (or 发件人 / 发送时间).
_FROM_LINE = re.compile(r"^\*{0,2}(From|发件人|寄件者)\s*\*{0,2}\s*[:：]", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\*{0,2}(Sent|Date|发送时间|时间|日期|寄件日期)\s*\*{0,2}\s*[:：]", re.IGNORECASE)
_RULE = re.compile(r"^_{8,}$")
_SIGNATURE = re.compile(r"^-- ?$")
# What phones and mail apps add under every mail.
_SENT_FROM = re.compile(
    r"^(Sent from my \w[\w ]{0,30}|Sent from (Mail|Outlook) for \w+|Get Outlook for \w+"
    r"|发自我的\s*\S{1,20}|来自我的\s*\S{1,20}|从我的\s*\S{1,20}\s*发送|发自网易邮箱大师|发自\s*QQ\s*邮箱\S{0,10})\s*$",
    re.IGNORECASE,
)
SIGNATURE_MAX_LINES = 12


def reply_text(text: str) -> str:
    """The newly written part of a mail's text: without the quoted conversation under it, the
    trailing "> " lines, a "-- " signature and "Sent from my iPhone"."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    kept = lines[:cut]
    while kept and (not kept[-1].strip() or kept[-1].lstrip().startswith(">")):
        kept.pop()
    kept = _without_signature(kept)
    result = "\n".join(kept).strip()
    return result or text.strip()


def _quote_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith(">"):
            continue
        if _quote_header_at(lines, i):
            return i
        if _RULE.match(stripped) or _FROM_LINE.match(stripped):
            block = [candidate.strip() for candidate in lines[i : i + 6]]
            if any(_FROM_LINE.match(b) for b in block) and any(_DATE_LINE.match(b) for b in block):
                return i
    return len(lines)


def _quote_header_at(lines: list[str], i: int) -> bool:
    for width in (1, 2, 3):
        window = [part.strip() for part in lines[i : i + width]]
        if len(window) < width or (width > 1 and not all(window)):
            return False
        joined = " ".join(window)
        if any(start.search(window[0]) and header.match(joined) for header, start in _QUOTE_HEADERS):
            return True
    return False


def _without_signature(lines: list[str]) -> list[str]:
    for i in range(len(lines) - 1, max(len(lines) - SIGNATURE_MAX_LINES, 0) - 1, -1):
        if _SIGNATURE.match(lines[i]):
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _SENT_FROM.match(lines[-1].strip())):
        lines = lines[:-1]
    return lines


# --- HTML --------------------------------------------------------------------------------------
_BLOCKS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "hr", "pre", "section", "article", "header", "footer", "dl", "dt", "dd",
}  # fmt: skip
# Blocks that stand apart from the text around them (an empty line); the others only break the line.
_PARAGRAPHS = {"p", "ul", "ol", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
_HIDDEN = {"script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe"}


class _TextParser(HTMLParser):
    """Text only: no tag, attribute, script, style or remote resource survives. A quoted
    <blockquote> becomes "> " lines so that reply_text drops it like a plain-text quote."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.quote_depth = 0
        self.pre = 0
        self.link: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._break(paragraph=tag in _PARAGRAPHS)
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag == "li":
                self.current.append("- ")
            elif tag == "pre":
                self.pre += 1
            elif tag == "hr":
                self.lines.append("_" * 10)
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.link = href if href.startswith(("http://", "https://")) else None
            self.link_text = []
        elif tag in ("td", "th"):
            self.current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCKS:
            self._break(paragraph=tag in _PARAGRAPHS)
            if tag == "blockquote":
                self.quote_depth = max(self.quote_depth - 1, 0)
            elif tag == "pre":
                self.pre = max(self.pre - 1, 0)
        elif tag == "a" and self.link:
            # The address a link really goes to: a phishing link's text says something else.
            if self.link.rstrip("/") not in "".join(self.link_text):
                self.current.append(f" ({self.link})")
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        data = data.replace("\xa0", " ")
        if self.pre:
            for i, part in enumerate(data.split("\n")):
                if i:
                    self._break()
                self.current.append(part)
            return
        data = re.sub(r"\s+", " ", data)
        if self.link is not None:
            self.link_text.append(data)
        self.current.append(data)

    def _break(self, *, paragraph: bool = False) -> None:
        line = "".join(self.current).strip()
        self.current = []
        if line:
            self.lines.append("> " * self.quote_depth + line)
        if paragraph and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        self.close()
        self._break()
        return re.sub(r"\n{3,}", "\n\n", "\n".join(self.lines)).strip()


def html_text(html: str) -> str:
    """Readable text of an HTML mail body, made by a parser that never renders or fetches anything."""
    parser = _TextParser()
    parser.feed(html)
    return parser.text()
