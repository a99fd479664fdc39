"""The Jinja2 environment for the console's hottest pages: the ticket page and the inbox (its
search too), layout included.

The ticket page renders its conversation, pickers and timeline on every open; Django's template
engine spent 2.2 ms of CPU per page walking some 400 nodes. Jinja2 compiles the template to Python
(body: 2.2 -> 1.1 ms). The console layout followed (tickets/jinja2/tickets/console/layout.html, a
copy of the Django one that a test keeps equal to it): rendering it through Django cost ~0.7 ms
more per page. The inbox followed (it renders through Jinja2 only): through Django its 25 rows were
~70% of the page's CPU, some 450 variable nodes each resolved, localized and escaped. Other apps' partials on the pages are Jinja2 macros too
(tickets/jinja2/tickets/console/partials.html, copies that a test keeps equal to the Django
templates): rendering them through Django cost ~0.8 ms more per page.

i18n: `_("…")` is Django's gettext in the active language (makemessages reads `_("…")` in .html
files). Its output is plain text that autoescaping escapes, where Django's {% translate %} escapes
nothing: a translation that holds markup is marked `|safe` in the template. The catalogs are loaded once per
process and never change, so each (language, message) pair is translated once and remembered.
`static()` URLs are remembered the same way (the storage maps a path to a fixed URL). Autoescaping
is on (the Django backend's default); the view passes `csrf_token`, `LANG` and `BRAND_NAME` as the
Django layout's context processors gave them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from django.core.signals import setting_changed
from django.template.defaultfilters import time as time_format
from django.template.defaultfilters import truncatechars, urlencode
from django.templatetags.static import static as django_static
from django.utils.translation import get_language, gettext, ngettext

from walletdesk.tickets.templatetags.due import first_response_due

# Template literals only, so a few hundred entries at most; the bound guards against a caller
# translating data by mistake.
_TRANSLATED_MAX = 4096
_translated: dict[tuple[str | None, str], str] = {}
_static_urls: dict[str, str] = {}


def translate(message: str) -> str:
    key = (get_language(), message)
    found = _translated.get(key)
    if found is None:
        found = gettext(message)
        if len(_translated) < _TRANSLATED_MAX:
            _translated[key] = found
    return found


def translator(language: str | None) -> Callable[[str], str]:
    """`translate` for a render in `language` (the active one): a page passes it as `_` so that its
    strings skip the active-language lookup. Macros imported from other files use `translate`."""
    found = _translators.get(language)
    if found is None:

        def translate_in(message: str) -> str:
            text = _translated.get((language, message))
            return translate(message) if text is None else text

        found = _translators[language] = translate_in
    return found


_translators: dict[str | None, Callable[[str], str]] = {}


def static(path: str) -> str:
    url = _static_urls.get(path)
    if url is None:
        url = _static_urls[path] = django_static(path)
    return url


def _forget(*, setting: str, **_: Any) -> None:
    if setting in ("STATIC_URL", "STATIC_ROOT", "STORAGES", "FORCE_SCRIPT_NAME"):
        _static_urls.clear()
    elif setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"):
        _translated.clear()


setting_changed.connect(_forget)


def environment(**options: Any) -> jinja2.Environment:
    # Files render as written, last newline included, as Django's templates do.
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], keep_trailing_newline=True, **options)
    # Old-style callables: `_()` gives plain text that autoescaping escapes.
    env.install_gettext_callables(translate, ngettext, newstyle=False)
    # `_` itself, not the extension's alias that looks `gettext` up in the context on every call.
    env.globals.update(_=translate, static=static)
    # Django's filters the copies use, so they cut, format and quote exactly as Django does (Django's
    # `urlencode` in place of Jinja2's own), and the inbox's Due cell.
    env.filters.update(
        truncatechars=truncatechars,
        time=time_format,
        urlencode=urlencode,
        first_response_due=first_response_due,
    )
    return env
