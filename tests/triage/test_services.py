"""message_triage: category, complaint and urgency, with the theft safety rules."""

from __future__ import annotations

import pytest

from walletdesk.triage.errors import TriageTextInvalid
from walletdesk.triage.services import CATEGORIES, message_triage


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("登录不上，一直提示密码错误", "account_login"),
        ("I forgot my password and the reset email never comes", "account_login"),
        ("充值了200U一直没到账", "deposit"),
        ("my deposit hasn't been credited after 2 hours", "deposit"),
        ("提币一直在审核中，什么时候能到", "withdrawal"),
        ("withdrawal stuck in pending since morning", "withdrawal"),
        ("限价单一直不成交", "trading"),
        ("my futures position got liquidated at a weird price", "trading"),
        ("提现手续费怎么这么贵", "fees"),
        ("why is the withdrawal fee so high", "fees"),
        ("谷歌验证器换手机了怎么迁移", "security"),
        ("got an email that looks like phishing, is it from you?", "security"),
        ("实名认证一直审核不通过", "verification"),
        ("my KYC selfie keeps failing", "verification"),
        ("客服态度太差了，回复又慢", "service_feedback"),
        ("how can I talk to a real human agent", "service_feedback"),
        ("app一打开就闪退", "other"),
        ("where can I download your desktop app", "other"),
    ],
)
def test_typical_messages_get_their_category(text: str, category: str) -> None:
    assert message_triage(text=text).category == category


@pytest.mark.parametrize(
    "text",
    [
        "我的账户被盗了，币全被转走了",
        "给所谓的客服转了一万U，现在人不见了",
        "点了个链接后钱包资产全部转出了",
        "There's a withdrawal in my history that I did not make",
        "I sent 500 USDT to someone pretending to be your support",
        "my wallet got drained after I approved a site",
        "they changed my email and withdrew my funds",
    ],
)
def test_theft_is_urgent_whatever_the_phrasing(text: str) -> None:
    result = message_triage(text=text)
    assert result.category == "account_theft"
    assert result.urgent is True


@pytest.mark.parametrize(
    "text",
    [
        "收到异地登录提醒，不是我登录的，但资产都还在",
        "someone pretending to be support messaged me, is it a scam?",
        "有人让我转币到安全账户，我没转，是骗子吧",
        "how do I protect my account from hackers",
    ],
)
def test_a_suspicion_with_assets_intact_is_security_not_theft(text: str) -> None:
    result = message_triage(text=text)
    assert result.category == "security"
    assert result.urgent is False


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("提现三天了还没到，我要投诉，给个说法", True),
        ("手续费多扣了，请退还", True),
        ("This is unacceptable, I want compensation and an apology", True),
        ("It's been 3 days, explain the delay!", True),
        ("提现一般多久到账？", False),
        ("thanks, the agent was great", False),
        ("how do I file a complaint?", False),
    ],
)
def test_complaint_means_dissatisfied_and_asking_for_redress(text: str, complaint: bool) -> None:
    assert message_triage(text=text).complaint is complaint


def test_result_carries_entities_confidence_and_a_known_category() -> None:
    result = message_triage(
        text="充值100 USDT 走TRC20 没到账 TD7jnbP7yB6P4XSurjQ7Teb8YP7po5K3zW", locale="zh-hans"
    )
    assert result.category in CATEGORIES
    assert 0.0 < result.confidence <= 1.0
    assert result.entities.addresses == ["TD7jnbP7yB6P4XSurjQ7Teb8YP7po5K3zW"]
    assert result.entities.networks == ["TRC20"]
    assert result.entities.amounts == [{"value": "100", "asset": "USDT"}]


def test_blank_text_is_other_and_not_urgent() -> None:
    result = message_triage(text="   ")
    assert (result.category, result.complaint, result.urgent) == ("other", False, False)


def test_non_string_text_is_a_domain_error() -> None:
    with pytest.raises(TriageTextInvalid):
        message_triage(text=None)  # type: ignore[arg-type]
