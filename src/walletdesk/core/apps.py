from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.contrib.admin import autodiscover
from django.contrib.admin.checks import check_admin_app, check_dependencies
from django.core import checks
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_finished
from django.db import connections
from django.utils.translation import gettext_lazy as _


def close_asgi_request_connections(sender, **kwargs):
    """Close an HTTP request's database connections when it was served under ASGI.

    Django's ASGI handler runs each request's sync code in a thread of its own, so a persistent
    connection (CONN_MAX_AGE) is never reused there: it stays open with its dead thread until the
    garbage collector finds it, and under load PostgreSQL refused new clients ("too many clients
    already": 80 of 1,366 ticket creations failed with 8 clients on `walletdesk serve`). WSGI
    workers keep theirs; WebSocket consumers send no request_finished.
    """
    if isinstance(sender, type) and issubclass(sender, ASGIHandler):
        connections.close_all()


class CoreConfig(AppConfig):
    name = "walletdesk.core"
    verbose_name = _("Core")
    label = "core"

    def ready(self):
        request_finished.connect(close_asgi_request_connections, dispatch_uid="walletdesk.core.asgi_close")


def _check_admin_app(app_configs, **kwargs):
    # The ModelAdmins register when walletdesk.urls is loaded, and the URL check may run after this
    # one (checks run in no set order): a check of the admin must not find it empty.
    autodiscover()
    return check_admin_app(app_configs, **kwargs)


class AdminConfig(admin_apps.SimpleAdminConfig):
    """Django's admin, its ModelAdmins registered from walletdesk.urls rather than at django.setup().

    The apps' admin modules import their services (JWT, the Verify engine: ~0.6 s of CPU), which
    every `walletdesk` command paid at start-up and only the web app uses.
    """

    default = False  # walletdesk.core's own config is CoreConfig

    def ready(self):
        checks.register(check_dependencies, checks.Tags.admin)
        checks.register(_check_admin_app, checks.Tags.admin)
