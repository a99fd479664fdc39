from django.urls import path

from walletdesk.compensation import views

T = "console/compensation/tickets/<str:ticket_id>"

urlpatterns = [
    path("console/compensation/", views.console_queue, name="compensation-queue"),
    path(
        "console/compensation/<str:request_id>/approve/",
        views.console_decide,
        {"decision": "approve"},
        name="compensation-approve",
    ),
    path(
        "console/compensation/<str:request_id>/reject/",
        views.console_decide,
        {"decision": "reject"},
        name="compensation-reject",
    ),
    path(f"{T}/panel/", views.console_panel, name="compensation-panel"),
    path(f"{T}/request/", views.console_request, name="compensation-request"),
    path(f"{T}/assess/", views.console_assess, name="compensation-assess"),
    path(f"{T}/remedy/", views.console_remedy, name="compensation-remedy"),
    path(f"{T}/<str:request_id>/cancel/", views.console_cancel, name="compensation-cancel"),
]
