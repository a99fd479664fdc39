from django.urls import path

from walletdesk.chat.consumers import WidgetConsumer

websocket_urlpatterns = [path("ws/chat/", WidgetConsumer.as_asgi())]
