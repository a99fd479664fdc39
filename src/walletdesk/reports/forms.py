"""The reports page's filter: a period in the desk's time zone and an optional team."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from walletdesk.reports.selectors import Period, desk_today, period_last
from walletdesk.reports.tables import TABLE_NAMES

PERIODS = {"today": 1, "7d": 7, "30d": 30}
DEFAULT_PERIOD = "7d"
# A custom period is capped: every figure is ranked over the period's tickets, so the page's cost
# grows with the period (a quarter of 100k tickets a year is ~25k rows).
MAX_CUSTOM_DAYS = 92


class ReportFilterForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        choices=[
            ("today", _("Today")),
            ("7d", _("Last 7 days (default)")),
            ("30d", _("Last 30 days")),
            ("custom", _("Custom dates")),
        ],
        required=False,
    )
    first_day = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    team = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False, empty_value=None)
    export = forms.ChoiceField(choices=[(name, name) for name in TABLE_NAMES], required=False)

    def __init__(self, data: Any = None, *args: Any, teams: list[tuple[int, str]], **kwargs: Any) -> None:
        # Without a period the figures cover DEFAULT_PERIOD (clean): the select must say so, not
        # show its first option ("Today").
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)
        self.fields["team"].choices = [("", _("All teams")), *teams]
        self.fields["team"].error_messages["invalid_choice"] = _("There is no such team.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("period") or DEFAULT_PERIOD
        data["period"] = kind
        if kind in PERIODS:
            data["range"] = period_last(PERIODS[kind])
            return data
        first, last = data.get("first_day"), data.get("last_day")
        if "first_day" in self.errors or "last_day" in self.errors:
            return data
        if first is None or last is None:
            raise forms.ValidationError(_("Give both dates of a custom period."), code="dates_missing")
        if first > last:
            raise forms.ValidationError(_("The first day comes after the last day."), code="dates_reversed")
        if first > desk_today():
            raise forms.ValidationError(_("The period starts in the future."), code="dates_future")
        if (last - first).days + 1 > MAX_CUSTOM_DAYS:
            raise forms.ValidationError(
                _("A custom period is at most %(days)d days.") % {"days": MAX_CUSTOM_DAYS},
                code="dates_too_long",
            )
        data["range"] = Period(first_day=first, last_day=last)
        return data

    @property
    def range(self) -> Period:
        return self.cleaned_data["range"]
