"""A reply's stored HTML (Markdown rendered and sanitized by core.markdown) as the HTML subset a
Telegram message accepts (parse_mode HTML: b, i, s, u, a, code, pre, blockquote; no paragraphs,
lists or headings). The customer then sees bold, links and code as the agent wrote them, not the
Markdown's asterisks and brackets.

Telegram refuses the whole message when the markup does not parse ("can't parse entities"), so
only tags from the list below are written, always closed, and every text is escaped.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin

from django.conf import settings

# A message is 1-4096 characters after entities parsing.
TEXT_LIMIT = 4096

_INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i", "del": "s", "s": "s", "code": "code"}
_BLOCK_BREAKS = {"p", "h1", "h2", "h3", "h4", "pre", "blockquote", "ul", "ol", "table", "hr"}


class _TelegramHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []  # Telegram tags written and not yet closed
        self.lists: list[list[int]] = []  # per open list: [next number] (0 for bullets)
        self.plain = 0  # characters of text written (what Telegram counts)
        self.in_pre = False

    def _text(self, text: str) -> None:
        self.out.append(escape(text, quote=False))
        self.plain += len(text)

    def _break(self, blank: bool) -> None:
        """A line break (a blank line between blocks), never before the first text."""
        if not self.plain:
            return
        last = self.out[-1]
        if last.startswith("<") and not last.startswith("</"):
            return  # the first block inside a quote or a heading starts right after its tag
        tail = "".join(self.out[-3:])[-2:]
        have = 2 if tail == "\n\n" else 1 if tail.endswith("\n") else 0
        need = 2 if blank else 1
        if need > have:
            self.out.append("\n" * (need - have))
            self.plain += need - have

    def _open(self, tag: str, attrs: str = "") -> None:
        self.out.append(f"<{tag}{attrs}>")
        self.open.append(tag)

    def _close(self, tag: str) -> None:
        if tag in self.open:
            # Close what was opened inside it too: Telegram wants properly nested tags.
            while self.open:
                inner = self.open.pop()
                self.out.append(f"</{inner}>")
                if inner == tag:
                    break

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _INLINE and not self.in_pre:
            self._open(_INLINE[tag])
        elif tag == "a" and values.get("href"):
            href = urljoin(settings.SITE_URL + "/", values["href"] or "")
            self._open("a", f' href="{escape(href)}"')
        elif tag == "pre":
            self._break(blank=True)
            self._open("pre")
            self.in_pre = True
        elif tag == "blockquote":
            self._break(blank=True)
            self._open("blockquote")
        elif tag in ("ul", "ol"):
            self._break(blank=not self.lists)
            self.lists.append([1 if tag == "ol" else 0])
        elif tag == "li":
            self._break(blank=False)
            indent = "  " * max(len(self.lists) - 1, 0)
            counter = self.lists[-1] if self.lists else [0]
            self._text(f"{indent}{counter[0]}. " if counter[0] else f"{indent}• ")
            if counter[0]:
                counter[0] += 1
        elif tag in ("h1", "h2", "h3", "h4"):
            self._break(blank=True)
            self._open("b")
        elif tag in ("p", "table"):
            self._break(blank=True)
        elif tag in ("br", "tr"):
            self._break(blank=False)
        elif tag in ("td", "th") and self.out and not self.out[-1].endswith("\n"):
            self._text(" | ")
        elif tag == "hr":
            self._break(blank=True)
            self._text("———")
            self._break(blank=True)
        elif tag == "img":
            # Only this site's images survive the renderer: shown as a link to them.
            src = urljoin(settings.SITE_URL + "/", values.get("src") or "")
            self.out.append(f'<a href="{escape(src)}">')
            self._text(values.get("alt") or src)
            self.out.append("</a>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INLINE and not self.in_pre:
            self._close(_INLINE[tag])
        elif tag == "a":
            self._close("a")
        elif tag == "pre":
            self._close("pre")
            self.in_pre = False
        elif tag == "blockquote":
            self._close("blockquote")
        elif tag in ("h1", "h2", "h3", "h4"):
            self._close("b")
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if not self.in_pre:
            data = data.replace("\n", "")  # the renderer's own line breaks between tags
        if data:
            self._text(data)

    def result(self) -> str:
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out).strip("\n")


def telegram_html(body_html: str) -> tuple[str, int]:
    """The message as Telegram HTML and its length as Telegram counts it (text without tags)."""
    parser = _TelegramHtml()
    parser.feed(body_html)
    parser.close()
    html = parser.result()
    return html, parser.plain


def plain_chunks(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """A long text in pieces Telegram accepts, cut at a paragraph, a line or a space when it can."""
    chunks = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut < limit // 2:
            cut = limit
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks
