from django.urls import path

from walletdesk.helpcenter import views

urlpatterns = [
    path("help/", views.help_root, name="help-root"),
    path("help/sitemap.xml", views.help_sitemap, name="help-sitemap"),
    path("help/<str:locale>/", views.help_home, name="help-home"),
    path("help/<str:locale>/search/", views.help_search_page, name="help-search"),
    path("help/<str:locale>/ask/", views.help_ask, name="help-ask"),
    path("help/<str:locale>/s/<str:category>/", views.help_section, name="help-section"),
    path("help/<str:locale>/a/<str:slug>/", views.help_article, name="help-article"),
    path("help/<str:locale>/a/<str:slug>/feedback/", views.help_article_feedback, name="help-feedback"),
    path("console/help/", views.console_articles, name="help-console"),
    path("console/help/new/", views.console_article_edit, name="help-console-new"),
    path("console/help/preview/", views.console_preview, name="help-console-preview"),
    path("console/help/report/", views.console_report, name="help-console-report"),
    path("console/help/a/<str:slug>/", views.console_article_edit, name="help-console-edit"),
    path("console/help/a/<str:slug>/history/", views.console_article_history, name="help-console-history"),
]
