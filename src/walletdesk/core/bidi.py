r"""Bidi control characters in what customers and the wallet send us.

Bidi controls in a customer's text make it display in another order than it reads, in the
console as in the portal and the widget: "\u202eevil\u202c" shows as "live", a file name as
"invoice\u202efdp.exe" as "invoiceexe.pdf", and a right-to-left mark alone shows "11\u200f 22\u200f 33"
as "1133 22" (an amount, an address written in groups). Removed, not replaced: each is invisible
and the rest of the text reads as the customer typed it. The embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069) reorder any text; the marks (U+200E LRM, U+200F RLM, U+061C ALM)
reorder digit groups and only place punctuation in right-to-left scripts, which the desk's
Chinese and English do not need.
"""

from __future__ import annotations

import re

_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def bidi_present(text: str) -> bool:
    return _BIDI_CONTROLS.search(text) is not None


def bidi_strip(text: str) -> str:
    """`text` without bidi controls; everything else kept."""
    return _BIDI_CONTROLS.sub("", text)
