"""ASGI entry: HTTP through Django, /ws/ through Channels consumers."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "walletdesk.settings")
# Each request runs in a thread of its own: PostgreSQL connections come from a pool (settings.DB_POOL).
os.environ.setdefault("WALLETDESK_DB_POOL", "true")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from walletdesk.core import events  # noqa: E402
from walletdesk.core.warmup import warm_up  # noqa: E402
from walletdesk.routing import websocket_urlpatterns  # noqa: E402

application = events.LoopBindingApp(
    ProtocolTypeRouter({"http": django_asgi_app, "websocket": URLRouter(websocket_urlpatterns)})
)
warm_up()
