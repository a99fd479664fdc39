from django.urls import path
from django.views.generic import RedirectView

# Browsers and bots that ignore <link rel=icon> still ask for /favicon.ico: no 404 noise in the logs.
urlpatterns: list = [
    path("favicon.ico", RedirectView.as_view(url="/static/core/favicon.svg", permanent=True)),
]
