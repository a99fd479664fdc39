from django.urls import path

from walletdesk.wallet import demo_views, views

API = "demo-wallet/api/accounts/<str:uid>"

urlpatterns = [
    path(
        "console/wallet/tickets/<str:ticket_id>/panel/",
        views.console_customer_panel,
        name="wallet-customer-panel",
    ),
    path(
        "console/wallet/tickets/<str:ticket_id>/freeze/",
        views.console_account_action,
        {"action": "freeze"},
        name="wallet-account-freeze",
    ),
    path(
        "console/wallet/tickets/<str:ticket_id>/unfreeze/",
        views.console_account_action,
        {"action": "unfreeze"},
        name="wallet-account-unfreeze",
    ),
    path("support/account/freeze/", views.portal_account_freeze, name="portal-account-freeze"),
    path("demo-wallet/", demo_views.wallet_home, name="demo-wallet-home"),
    path(f"{API}", demo_views.account_detail, name="demo-wallet-account"),
    path(f"{API}/balances", demo_views.balances, name="demo-wallet-balances"),
    path(f"{API}/deposit-addresses", demo_views.deposit_addresses, name="demo-wallet-addresses"),
    path(f"{API}/transfers", demo_views.transfers, name="demo-wallet-transfers"),
    path(f"{API}/freeze", demo_views.freeze, name="demo-wallet-freeze"),
    path(f"{API}/unfreeze", demo_views.unfreeze, name="demo-wallet-unfreeze"),
    path(f"{API}/credits", demo_views.credits, name="demo-wallet-credits"),
]
