from django.urls import path

from walletdesk.accounts import views

urlpatterns = [
    path("console/login/", views.agent_login, name="agent-login"),
    path("console/login/otp/", views.agent_login_otp, name="agent-login-otp"),
    path("console/login/enrol/", views.agent_enrol_otp, name="agent-enrol-otp"),
    path("console/logout/", views.agent_logout, name="agent-logout"),
    path("support/login/", views.portal_token_login, name="portal-token-login"),
    path("support/login/email/", views.portal_email_login, name="portal-email-login"),
    path("support/login/link/<str:raw>/", views.portal_link_login, name="portal-link-login"),
    path("support/logout/", views.portal_logout, name="portal-logout"),
    path("support/demo/", views.portal_demo, name="portal-demo"),
]
