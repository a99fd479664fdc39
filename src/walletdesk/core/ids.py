"""Row ids typed into URLs, forms and socket messages."""

from __future__ import annotations

# A database integer has at most 19 digits; 18 keeps every accepted id inside a signed 64-bit one.
MAX_ID_DIGITS = 18


def decimal_id(raw: object) -> int | None:
    """The id when `raw` is plain ASCII decimal digits (at most MAX_ID_DIGITS), else None.

    str.isdigit() alone is not the test: "²" and "٣" are digits to it and a ValueError to int(),
    which had made a 500 of a tampered id on several pages."""
    text = str(raw).strip() if isinstance(raw, int | str) and not isinstance(raw, bool) else ""
    if not text.isascii() or not text.isdigit() or len(text) > MAX_ID_DIGITS:
        return None
    return int(text)
