"""The Jinja2 environment for the console's hottest page: the ticket page, layout included.

The ticket page renders its conversation, pickers and timeline on every open; Django's template
engine spent 2.2 ms of CPU per page walking some 400 nodes. Jinja2 compiles the template to Python
(body: 2.2 -> 1.1 ms). The console layout followed (tickets/jinja2/tickets/console/layout.html, a
copy of the Django one that a test keeps equal to it): rendering it through Django cost ~0.7 ms
more per page. Other apps' partials stay Django templates: `django_include` renders one with the
page's context, as {% include %} did.

i18n: `_("…")` is Django's gettext in the active language (makemessages reads `_("…")` in .html
files), and its output is escaped like Django's {% translate %}. Autoescaping is on (the Django
backend's default); the view passes `csrf_token`, `LANG` and `BRAND_NAME` as the Django layout's
context processors gave them.
"""

from __future__ import annotations

from typing import Any

import jinja2
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext


def environment(**options: Any) -> jinja2.Environment:
    # Files render as written, last newline included, as Django's templates do.
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"], keep_trailing_newline=True, **options)
    # Old-style callables: `_()` gives plain text that autoescaping escapes, as {% translate %} does.
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    # `_` itself, not the extension's alias that looks `gettext` up in the context on every call.
    env.globals.update(_=gettext, static=static, django_include=django_include)
    return env


@jinja2.pass_context
def django_include(context: jinja2.runtime.Context, name: str, **extra: Any) -> SafeString:
    """A Django template rendered with this page's context (plus `extra`), like {% include %}.
    Django's cached loader keeps the parsed template (and drops it when a file changes under
    `make run`)."""
    return get_template(name, using="django").render({**context.get_all(), **extra})
