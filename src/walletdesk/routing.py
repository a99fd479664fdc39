"""WebSocket routes from every app that has consumers."""

from walletdesk.chat.routing import websocket_urlpatterns as chat_ws
from walletdesk.tickets.routing import websocket_urlpatterns as tickets_ws

websocket_urlpatterns = [*tickets_ws, *chat_ws]
