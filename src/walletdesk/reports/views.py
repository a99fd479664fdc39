"""The supervisors' reports page and its CSV exports. Thin: parse the filter, read, render."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from walletdesk.accounts.auth import agent_session_ok
from walletdesk.core.i18n import site_language
from walletdesk.reports import selectors, tables
from walletdesk.reports.forms import ReportFilterForm
from walletdesk.tickets.selectors import console_choices


@require_GET
def console_reports(request: HttpRequest) -> HttpResponse:
    if not agent_session_ok(request):
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if not selectors.reports_allowed(user=request.user):
        return render(request, "reports/forbidden.html", status=403)
    lang = site_language()
    teams = [
        (t["id"], t["name_zh"] if lang == "zh-hans" else t["name_en"]) for t in console_choices()["teams"]
    ]
    form = ReportFilterForm(request.GET, teams=teams)
    if not form.is_valid():
        return render(
            request, "reports/console.html", {"form": form, "desk_zone": settings.TIME_ZONE}, status=400
        )
    report = selectors.report_get(period=form.range, team_id=form.cleaned_data["team"], lang=lang)
    by_name = tables.report_tables(report)
    export = form.cleaned_data["export"]
    if export:
        return _csv(by_name[export], report)
    query = request.GET.copy()
    query.pop("export", None)
    return render(
        request,
        "reports/console.html",
        {
            "form": form,
            "report": report,
            "tables": by_name,
            "charts": {
                "channel": tables.stacked_chart(by_name["volume_channel"]),
                "category": tables.stacked_chart(by_name["volume_category"]),
            },
            "query": query.urlencode(),
            "desk_zone": settings.TIME_ZONE,
        },
    )


def _csv(table: tables.Table, report: selectors.Report) -> HttpResponse:
    period = report.period
    response = HttpResponse(
        # A byte-order mark: spreadsheet programs otherwise read the Chinese as another code page.
        "\ufeff" + tables.table_csv(table),
        content_type="text/csv; charset=utf-8",
    )
    name = f"walletdesk-{table.name}-{period.first_day:%Y%m%d}-{period.last_day:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
