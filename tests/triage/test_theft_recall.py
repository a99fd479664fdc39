"""account_theft must not be missed: every collected theft phrasing is urgent, near misses are not."""

from __future__ import annotations

import pytest

from tests.triage.theft_cases import NOT_THEFT, THEFT
from walletdesk.triage.services import message_triage


@pytest.mark.parametrize("text", THEFT)
def test_every_collected_theft_report_is_urgent(text: str) -> None:
    result = message_triage(text=text)
    assert (result.category, result.urgent) == ("account_theft", True)


@pytest.mark.parametrize("text", NOT_THEFT)
def test_near_misses_are_not_theft(text: str) -> None:
    assert message_triage(text=text).category != "account_theft"
