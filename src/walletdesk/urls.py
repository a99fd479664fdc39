from django.contrib import admin
from django.urls import include, path

from walletdesk.accounts.admin_site import AgentAdminSite
from walletdesk.api import api

# Every ModelAdmin is registered on admin.site; swapping its class (django-otp's documented way) puts
# the second factor in front of all of them.
admin.site.__class__ = AgentAdminSite
# Here rather than at django.setup() (core.apps.AdminConfig): the apps' admin modules import their
# services, and a command that serves no URL has no use for them.
admin.autodiscover()

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("walletdesk.core.urls")),
    path("", include("walletdesk.accounts.urls")),
    path("", include("walletdesk.tickets.urls")),
    path("", include("walletdesk.chat.urls")),
    path("", include("walletdesk.helpcenter.urls")),
    path("", include("walletdesk.verify.urls")),
    path("", include("walletdesk.chain.urls")),
    path("", include("walletdesk.wallet.urls")),
    path("", include("walletdesk.compensation.urls")),
    path("", include("walletdesk.reports.urls")),
    path("", include("walletdesk.channels_telegram.urls")),
]

# An agent under /console/ gets the console-styled page (core.errors.page_not_found).
handler404 = "walletdesk.core.errors.page_not_found"
