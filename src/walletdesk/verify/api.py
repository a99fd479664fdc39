"""Verify API v1: the public check (rate-limited per IP), official contacts, reports; agents review reports."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.http import HttpRequest
from ninja import Router, Schema, Status

from walletdesk.accounts.auth import agent_auth, customer_auth
from walletdesk.core.ratelimit import client_ip, rate_limit_public
from walletdesk.verify import selectors, services
from walletdesk.verify.engine.judge import Verdict
from walletdesk.verify.errors import ReportNotFound, VerifyValueInUrl

router = Router()

ADVICE = {
    "official": (
        "This is official. Still, nobody from support will ever ask for your seed phrase or private key.",
        "这是官方渠道。但请记住：客服永远不会索要您的助记词或私钥。",
    ),
    "lookalike": (
        "Do not trust it. Do not sign in, connect your wallet, send funds or type your seed phrase there. "
        "Report it so we can warn others.",
        "请勿相信。不要在那里登录、连接钱包、转账或输入助记词。请举报，以便我们提醒其他用户。",
    ),
    "unknown": (
        "We do not know it. Use only the channels on the official contacts page; never share your seed "
        "phrase with anyone.",
        "我们不认识它。请只使用官方联系方式页面列出的渠道，永远不要把助记词告诉任何人。",
    ),
}


# An address or a transaction hash is never a channel, so the verdict alone ("unknown") would send the
# reader to the contacts page; what they need is not to send funds.
KIND_ADVICE = {
    "address": (
        "Support never asks you to send funds to an address. Your own deposit address is shown only in the "
        "app. If someone gave you this address in a chat, call or email, stop: do not send anything, and "
        "report it.",
        "客服永远不会要求您向任何地址转账。您自己的充值地址只在 App 内显示。如果这个地址是别人通过聊天、电话或"
        "邮件给您的，请立即停止：不要转账，并举报它。",
    ),
    "secret": (
        "Support never asks for your seed phrase or private key, and no real site needs it to check "
        "anything. If funds are already missing, report a stolen account right away.",
        "客服永远不会索要您的助记词或私钥，任何正规网站也不需要它来核验什么。如果资产已经丢失，请立即报告账户被盗。",
    ),
    "tx": (
        "To see where a transfer stands, use Check a transaction on this site. Never share a private key or "
        "seed phrase: support never asks for them.",
        "要查看一笔转账的状态，请使用本站的“查询交易”。永远不要把私钥或助记词告诉任何人：客服永远不会索要。",
    ),
}


def advice_pair(verdict: Verdict) -> tuple[str, str]:
    """(English, Chinese) advice for a verdict: by what was pasted for addresses and hashes."""
    return KIND_ADVICE.get(verdict.kind) or ADVICE[verdict.verdict]


class VerdictOut(Schema):
    verdict: str
    kind: str
    matched: str | None
    reason: str
    reason_zh: str
    brand: str | None
    known_phishing: bool
    advice: str
    advice_zh: str


class ChannelOut(Schema):
    brand: str
    kind: str
    value: str
    label: str
    label_zh: str
    locale: str


class ReportIn(Schema):
    value: str
    note: str = ""


class ReportOut(Schema):
    id: int
    value: str
    kind: str
    status: str
    verdict_at_report: str
    note: str


class AgentCheckOut(Schema):
    agent_code: str
    active: bool
    display_name: str = ""


def verdict_out(verdict: Verdict) -> dict:
    advice, advice_zh = advice_pair(verdict)
    return {**verdict.as_dict(), "advice": advice, "advice_zh": advice_zh}


class VerifyIn(Schema):
    value: str


@router.post("/verify", response=VerdictOut, auth=None)
def verify_value(request: HttpRequest, payload: VerifyIn) -> dict:
    """Check a value sent in the body: what a customer pastes may be private (an address, a number,
    even a seed phrase), and a URL keeps it in histories and server logs."""
    rate_limit_public(request, "verify")
    return verdict_out(services.value_verify(value=payload.value))


@router.get("/verify", response=VerdictOut, auth=None, deprecated=True)
def verify_value_shared(request: HttpRequest, value: str = "") -> dict:
    """Kept for links and clients made before POST: answers only what a URL may carry harmlessly
    (official channels, imitations, bare hosts, public accounts); anything else is a 400 asking for POST."""
    rate_limit_public(request, "verify")
    verdict = services.value_verify(value=value)
    if services.verdict_share_value(verdict=verdict) is None:
        raise VerifyValueInUrl()
    return verdict_out(verdict)


@router.get("/official-channels", response=list[ChannelOut], auth=None)
def official_channels(request: HttpRequest, brand: str | None = None) -> list[dict]:
    return [
        {
            "brand": c.brand.name,
            "kind": c.kind,
            "value": c.value,
            "label": c.label,
            "label_zh": c.label_zh,
            "locale": c.locale,
        }
        for c in services.official_channels_list(brand=brand)
    ]


@router.post("/verify/reports", response={201: ReportOut}, auth=None)
def report_create(request: HttpRequest, payload: ReportIn) -> Status:
    # Reports are cheap to send and cost an agent's time to review: a tighter limit than checks.
    rate_limit_public(request, "verify-report", limit=max(1, settings.WALLETDESK_RATE_LIMIT_PUBLIC // 6))
    customer = getattr(request, "customer", None)
    report = services.report_create(
        value=payload.value,
        note=payload.note,
        customer_id=str(customer.pk) if customer else None,
        ip=client_ip(request),
    )
    return Status(201, report)


@router.get("/verify/agents/{agent_code}", response=AgentCheckOut, auth=None)
def agent_check(request: HttpRequest, agent_code: str) -> dict:
    rate_limit_public(request, "verify-agent")
    return services.agent_id_check(agent_code=agent_code)


@router.get("/verify/reports", response=list[ReportOut], auth=agent_auth)
def report_list(request: HttpRequest) -> list:
    return list(selectors.report_list_pending()[:200])


@router.post("/verify/reports/{report_id}/confirm", response=ReportOut, auth=agent_auth)
def report_confirm(request: HttpRequest, report_id: int) -> object:
    report = selectors.report_get(report_id=report_id)
    if report is None:
        raise ReportNotFound()
    services.report_confirm(report=report, by=request.user)
    return selectors.report_get(report_id=report_id)


@router.post("/verify/reports/{report_id}/reject", response=ReportOut, auth=agent_auth)
def report_reject(request: HttpRequest, report_id: int) -> object:
    report = selectors.report_get(report_id=report_id)
    if report is None:
        raise ReportNotFound()
    return services.report_reject(report=report, by=request.user)


@router.post("/verify/lookalikes", response=list[VerdictOut], auth=agent_auth)
def lookalikes_in_text(request: HttpRequest, payload: ReportIn) -> list[dict]:
    """For the agent console: look-alikes in a message text (payload.value), each with its verdict."""
    return [verdict_out(v) for v in services.text_find_lookalikes(text=payload.value)]


class CheckCodeOut(Schema):
    code: str
    customer_id: str
    ticket_id: str
    expires_at: datetime


class CheckCodeIn(Schema):
    ticket_id: str | None = None


@router.post("/verify/check-codes", response={201: CheckCodeOut}, auth=customer_auth)
def check_code_create(request: HttpRequest, payload: CheckCodeIn) -> Status:
    """A signed-in customer (portal or widget) asks for a code the agent on their ticket can read back."""
    code = services.support_check_code_create(customer_id=str(request.auth.pk), ticket_id=payload.ticket_id)
    return Status(201, code)


@router.get("/verify/check-codes", response=list[CheckCodeOut], auth=agent_auth)
def check_code_list(request: HttpRequest, customer_id: str) -> list:
    """For the agent handling the customer's ticket: the customer's codes that have not expired."""
    return list(selectors.support_check_codes_active(customer_id=customer_id))
