from django.urls import path

from walletdesk.reports import views

urlpatterns = [
    path("console/reports/", views.console_reports, name="console-reports"),
]
