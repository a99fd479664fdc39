"""The shape of a category's intake form. The portal, the chat widget and the console all read
intake_fields on every request: one malformed entry saved in /admin/ took the widget down for every
visitor, so the admin checks the shape before it is stored."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

FIELD_TYPES = ("text", "txid", "network", "amount", "file")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_TEXT_KEYS = ("label_zh", "label_en", "help_zh", "help_en")


def intake_fields_problems(fields: Any) -> list[str]:
    """What is wrong with an intake_fields value, one sentence per problem; [] when it is usable."""
    if fields is None:
        # JSON null is no form at all: the portal and the widget would offer the category with
        # nothing to fill in while the operator meant to write one.
        return [_("The intake form is null: write [] for a category without fields, or a list of fields.")]
    if not isinstance(fields, list):
        return [_("The intake form must be a list of fields: [{...}, {...}].")]
    problems: list[str] = []
    seen: set[str] = set()
    for number, spec in enumerate(fields, start=1):
        if not isinstance(spec, dict):
            problems.append(_("Field %(n)s must be an object with key, type and labels.") % {"n": number})
            continue
        key = spec.get("key")
        if not isinstance(key, str) or not _KEY.match(key):
            problems.append(
                _("Field %(n)s: key must be lower-case letters, digits or _ (e.g. order_id).") % {"n": number}
            )
        elif key in seen:
            problems.append(_("Field %(n)s: key %(key)s is used twice.") % {"n": number, "key": key})
        else:
            seen.add(key)
        if spec.get("type", "text") not in FIELD_TYPES:
            problems.append(
                _("Field %(n)s: type must be one of %(types)s.")
                % {"n": number, "types": ", ".join(FIELD_TYPES)}
            )
        if not isinstance(spec.get("required", False), bool):
            problems.append(_("Field %(n)s: required must be true or false.") % {"n": number})
        for text_key in _TEXT_KEYS:
            if not isinstance(spec.get(text_key, ""), str):
                problems.append(_("Field %(n)s: %(name)s must be text.") % {"n": number, "name": text_key})
        if not (spec.get("label_zh") and spec.get("label_en")):
            problems.append(_("Field %(n)s needs a label in Chinese and in English.") % {"n": number})
    return problems
