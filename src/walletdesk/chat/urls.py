from django.urls import path

from walletdesk.chat import views

urlpatterns = [
    path("widget.js", views.widget_js, name="chat-widget-js"),
    path("widget/frame/", views.widget_frame, name="chat-widget-frame"),
    path("widget/demo/", views.widget_demo, name="chat-widget-demo"),
    path("console/live-chat/", views.console_live_chat, name="chat-console-desk"),
    path("console/live-chat/<int:ticket_id>/", views.console_live_chat, name="chat-console-chat"),
]
