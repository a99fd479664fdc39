"""CSV export: a cell a spreadsheet could run as a formula is prefixed, also behind blanks and in full width."""

import pytest

from walletdesk.reports import tables


@pytest.mark.parametrize(
    "text", [" =1+1", "\n=HYPERLINK(x)", "\u200b=cmd", "\u3000@SUM(A1)", "＝1+1", "－2+3", "＠x"]
)
def test_formulas_behind_blanks_or_in_full_width_are_guarded(text):
    assert tables.csv_guard(text) == "'" + text


@pytest.mark.parametrize("text", ["USDT 充值未到账", "a = b", "2 - 1", "", "  plain"])
def test_ordinary_text_is_left_alone(text):
    assert tables.csv_guard(text) == text
