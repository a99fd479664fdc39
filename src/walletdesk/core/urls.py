from django.urls import path
from django.views.generic import RedirectView

urlpatterns: list = [
    # Browsers and bots that ignore <link rel=icon> still ask for /favicon.ico: no 404 noise in the logs.
    path("favicon.ico", RedirectView.as_view(url="/static/core/favicon.svg", permanent=True)),
    # A customer who types the bare address lands on the support home (search, categories,
    # the seed-phrase warning), not on a 404. Temporary: the operator may put a page here later.
    path("", RedirectView.as_view(url="/support/", permanent=False), name="root"),
]
