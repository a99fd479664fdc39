from django.urls import path

from walletdesk.verify import views

urlpatterns = [
    path("verify/", views.verify_page, name="verify"),
    path("verify/anti-phishing/", views.anti_phishing_page, name="verify-anti-phishing"),
    path("contact/", views.contacts_page, name="official-contacts"),
    path("console/verify/", views.console_page, name="console-verify"),
    path("console/verify/lookalikes/", views.console_lookalikes, name="console-verify-lookalikes"),
]
