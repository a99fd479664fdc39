from django.urls import path

from walletdesk.chain import views

urlpatterns = [
    path("console/chains/", views.console_chains, name="console-chains"),
    path(
        "console/chain/tickets/<str:ticket_id>/panel/", views.console_ticket_panel, name="chain-ticket-panel"
    ),
    path(
        "console/chain/tickets/<str:ticket_id>/diagnose/",
        views.console_ticket_diagnose,
        name="chain-ticket-diagnose",
    ),
    path("support/check/", views.portal_check, name="portal-tx-check"),
    path("support/check/<int:check_id>/ticket/", views.portal_check_ticket, name="portal-tx-check-ticket"),
]
