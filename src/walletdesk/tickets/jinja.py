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

Pages render from a copy of the environment per language (`page_template`) that translates
`_("literal")` and resolves `static("literal")` when it compiles a template: the text is then
part of the compiled template's constant output, escaped once, instead of a call, a lookup and an
escape on every render (~40 on the ticket page, many inside the other apps' panels). The
environment Django's backend holds (`engines["jinja2"].env`) keeps translating at render time, in
the active language, for anything else that renders these files.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import jinja2
from django.conf import settings
from django.core.signals import setting_changed
from django.template import engines
from django.template.defaultfilters import date as date_format
from django.template.defaultfilters import truncatechars, urlencode
from django.templatetags.static import static as django_static
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.visitor import NodeTransformer
from markupsafe import escape

from walletdesk.tickets.templatetags.due import first_response_due

try:
    from markupsafe import _escape_inner  # markupsafe 3: the C escape without the Markup around it
except ImportError:  # pragma: no cover - markupsafe 2 makes the Markup in C

    def _escape_inner(text: str) -> str:
        return str(escape(text))


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
        _page_environments.clear()
    elif setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"):
        _translated.clear()
        _page_environments.clear()
    elif setting in ("TEMPLATES", "INSTALLED_APPS"):  # a new backend environment to copy
        _page_environments.clear()


setting_changed.connect(_forget)


class _FoldLiterals(NodeTransformer):
    """`_("literal")` and `static("literal")` replaced by their text in `language`."""

    def __init__(self, language: str) -> None:
        self.language = language

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        callee, args = node.node, node.args
        if not (
            isinstance(callee, nodes.Name)
            and callee.name in ("_", "static")
            and len(args) == 1
            and isinstance(args[0], nodes.Const)
            and isinstance(args[0].value, str)
            and not node.kwargs
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return node
        if callee.name == "static":
            return nodes.Const(static(args[0].value), lineno=node.lineno)
        with translation.override(self.language):
            return nodes.Const(translate(args[0].value), lineno=node.lineno)


def escape_output(value: Any) -> str:
    """`str(markupsafe.escape(value))` for a value the template prints: the page is joined into one
    str, so the Markup object markupsafe makes around every escaped value (a Python-level
    constructor, ~5% of the ticket page's CPU for its ~300 values) is left out."""
    if type(value) is str:
        return _escape_inner(value)
    if hasattr(value, "__html__"):
        html = value.__html__()
        return html if isinstance(html, str) else str(html)
    return _escape_inner(str(value))


class _CodeGenerator(CodeGenerator):
    """Jinja2's code generator, printing values through `escape_output` where autoescaping is on
    throughout (a template that switches it with {% autoescape %} keeps Jinja2's own code)."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline("from walletdesk.tickets.jinja import escape_output")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("escape_output(")
        if finalize.src is not None:
            self.write(finalize.src)


class Environment(jinja2.Environment):
    """Jinja2's environment; `fold_language` set (`page_template`'s copies) folds the literals."""

    code_generator_class = _CodeGenerator
    fold_language: str | None = None

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if self.fold_language is not None:
            # A template that binds `_` or `static` itself would mean something else by them.
            assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx != "load"}
            if not assigned & {"_", "static"}:
                tree = _FoldLiterals(self.fold_language).visit(tree)
        return tree


_page_environments: dict[str, Environment] = {}


def page_template(name: str, language: str | None) -> jinja2.Template:
    """Template `name` compiled for pages in `language` (the active one), literals folded; in a
    language the site does not list, the backend's own template (translated at render time)."""
    env = _page_environments.get(language or "")
    if env is None:
        base = engines["jinja2"].env
        if language not in {code for code, _ in settings.LANGUAGES}:
            return base.get_template(name)
        # A cache of its own: the overlay would otherwise start from copies of the base's templates.
        env = base.overlay(cache_size=400)
        env.fold_language = language
        _page_environments[language] = env
    return env.get_template(name)


def _local_date(value: Any, fmt: str) -> str:
    """Django's `date` filter as a Django template applies it: an aware moment in the current time
    zone first (Django's filter is `expects_localtime`; Jinja2 passes the value as it is)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, fmt)


def environment(**options: Any) -> jinja2.Environment:
    # Files render as written, last newline included, as Django's templates do.
    env = Environment(extensions=["jinja2.ext.i18n"], keep_trailing_newline=True, **options)
    # Old-style callables: `_()` gives plain text that autoescaping escapes.
    env.install_gettext_callables(translate, ngettext, newstyle=False)
    # `_` itself, not the extension's alias that looks `gettext` up in the context on every call.
    env.globals.update(_=translate, static=static)
    # Django's filters the copies use, so they cut, format and quote exactly as Django does (Django's
    # `urlencode` in place of Jinja2's own), and the inbox's Due cell.
    env.filters.update(
        truncatechars=truncatechars,
        date=_local_date,
        urlencode=urlencode,
        first_response_due=first_response_due,
    )
    return env
