"""`when_parts`: the ISO UTC moment and the server-local text, written without strftime."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from walletdesk.tickets.templatetags.when import FORMATS, when_parts

MOMENTS = [datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=37 * i * 1013) for i in range(300)]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/St_Johns", "UTC", "Asia/Kathmandu"])
@pytest.mark.parametrize("style", ["datetime", "seconds", "short", "unknown-style"])
def test_when_parts_match_strftime_in_every_zone(zone, style):
    with timezone.override(zone):
        current = timezone.get_current_timezone()
        for moment in MOMENTS:
            local = timezone.localtime(moment)
            offset = int(local.utcoffset().total_seconds() // 60)
            sign, (hours, rest) = ("+" if offset > 0 else "-"), divmod(abs(offset), 60)
            label = "UTC" if offset == 0 else f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
            expected = (
                moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                f"{local.strftime(FORMATS.get(style, FORMATS['datetime']))} {label}",
            )
            assert when_parts(moment, style) == expected
            assert when_parts(moment, style, current) == expected


def test_a_naive_moment_is_refused_as_before():
    with pytest.raises(ValueError):
        when_parts(datetime(2026, 1, 1), "seconds")
