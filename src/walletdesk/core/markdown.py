"""Markdown for messages and articles: markdown-it-py renders, nh3 sanitizes."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

# html=False: raw HTML in the source is shown as text, and nh3 is the second wall behind it.
_md = MarkdownIt("js-default", {"linkify": False, "breaks": True, "html": False}).enable("table")


def _image_or_link(self, tokens, idx, options, env) -> str:  # noqa: ANN001 - markdown-it's renderer signature
    """Images from this site only (attachments, help-center media: a path). A remote image in a
    message would load in the reader's browser: it tells a third party the customer read it (and
    from where), and a picture of a QR code or an address is how a look-alike payment request
    reaches a customer. It is shown as a link with its full address instead, like any other link."""
    token = tokens[idx]
    src = token.attrGet("src") or ""
    if src.startswith("/") and not src.startswith("//"):
        return self.image(tokens, idx, options, env)
    label = self.renderInlineAsText(token.children or [], options, env) or src
    return f'<a href="{escapeHtml(src)}">{escapeHtml(label)} ({escapeHtml(src)})</a>'


_md.add_render_rule("image", _image_or_link)

_ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "del",
    "img",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}


def markdown_render(text: str) -> str:
    plain = _plain_paragraphs(text)
    html = _md.render(text) if plain is None else "".join(f"<p>{_BREAK.join(p)}</p>\n" for p in plain)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


# Most customer messages are plain sentences, and markdown-it (pure Python) cost ~8x the sanitizer
# to find that out. A text none of whose characters can begin Markdown syntax inside a line, and
# none of whose lines begins with what can open a block, has only paragraphs (lines separated by
# blank lines) whose lines are joined by <br> (breaks=True). Anything else goes to markdown-it;
# tests compare both on generated texts.
_INLINE_MARKUP = frozenset("\\`*_[]<>&~|")
_BLOCK_START = frozenset("#=+-0123456789")
_BREAK = "<br>\n"


def _plain_paragraphs(text: str) -> list[list[str]] | None:
    """The paragraphs and their lines when `text` renders as plain paragraphs, else None."""
    if not _INLINE_MARKUP.isdisjoint(text):
        return None
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line:
            if current:
                paragraphs.append(current)
                current = []
            continue
        # Edges with whitespace (indented code, hard breaks, stripped spaces) and control
        # characters (\r, \t, NUL that markdown-it rewrites) are left to markdown-it.
        if line[0] in _BLOCK_START or line.strip() != line or not line.isprintable():
            return None
        current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs
