from django.urls import path

from walletdesk.chat import views

urlpatterns = [
    path("widget.js", views.widget_js, name="chat-widget-js"),
    path("widget/frame/", views.widget_frame, name="chat-widget-frame"),
    path("widget/demo/", views.widget_demo, name="chat-widget-demo"),
    path("console/live-chat/", views.console_live_chat, name="chat-console-desk"),
    path("console/live-chat/<int:ticket_id>/", views.console_live_chat, name="chat-console-chat"),
    # The supervisors' page for canned replies (agents pick them in the ticket page's reply form).
    path("console/canned/", views.console_canned, name="chat-console-canned"),
    path("console/canned/<slug:shortcut>/", views.console_canned, name="chat-console-canned-edit"),
    path(
        "console/canned/<slug:shortcut>/delete/",
        views.console_canned_delete,
        name="chat-console-canned-delete",
    ),
]
