from django.apps import AppConfig
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
