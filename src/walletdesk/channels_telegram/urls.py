from django.urls import path

from walletdesk.channels_telegram import views

urlpatterns = [
    path("channels/telegram/webhook/", views.webhook, name="telegram-webhook"),
]
