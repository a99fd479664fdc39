from django.urls import path

from walletdesk.tickets import views, views_urgent

urlpatterns = [
    path("console/", views.console_inbox, name="console-inbox"),
    path("console/tickets/<str:ticket_id>/", views.console_ticket, name="console-ticket"),
    path(
        "console/tickets/<str:ticket_id>/<str:action>/",
        views.console_ticket_action,
        name="console-ticket-action",
    ),
    path("console/preview/", views.console_preview, name="console-preview"),
    path("attachments/<int:attachment_id>/", views.attachment_download, name="attachment-download"),
    path("support/", views.portal_home, name="portal-home"),
    path("support/new/", views.portal_new, name="portal-new"),
    path("support/callback/", views.portal_callback, name="portal-callback"),
    path("support/urgent/", views_urgent.portal_urgent, name="portal-urgent"),
    path("support/urgent/sent/", views_urgent.portal_urgent_sent, name="portal-urgent-sent"),
    path("support/tickets/", views.portal_tickets, name="portal-tickets"),
    path("support/tickets/<str:ticket_id>/", views.portal_ticket, name="portal-ticket"),
    path(
        "support/tickets/<str:ticket_id>/messages/",
        views.portal_ticket_messages,
        name="portal-ticket-messages",
    ),
    path("support/tickets/<str:ticket_id>/close/", views.portal_ticket_close, name="portal-ticket-close"),
    path(
        "support/tickets/<str:ticket_id>/transcript/",
        views.portal_ticket_transcript,
        name="portal-ticket-transcript",
    ),
    path("support/tickets/<str:ticket_id>/rate/", views.portal_ticket_rate, name="portal-ticket-rate"),
]
