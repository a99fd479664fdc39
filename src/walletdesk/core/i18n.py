"""The language a page, a ticket or a stored text is in."""

from __future__ import annotations

from django.utils.translation import get_language


def site_language(code: str | None = None) -> str:
    """`code` (by default the request's active language) as one of the two languages the site ships
    and stores its content in: "en" for any English, "zh-hans" for everything else, the default."""
    code = get_language() if code is None else code
    return "en" if (code or "").lower().startswith("en") else "zh-hans"
