"""`walletdesk demo load`: everything a person needs to try the product. Idempotent."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts import services as accounts
from walletdesk.accounts.models import AgentProfile, Customer
from walletdesk.demo.categories import CATEGORIES
from walletdesk.tickets import services as tickets
from walletdesk.tickets.models import Ticket

DEMO_AGENT = ("agent", "agent-demo-pass", "客服小王 Wang")
DEMO_SUPERVISOR = ("supervisor", "supervisor-demo-pass", "主管 Li")
DEMO_CUSTOMER_UID = "demo-uid-1001"
# Fixed TOTP keys so the printed secrets work again after a reload (demo only).
DEMO_TOTP_KEYS = {
    "agent": "3132333435363738393031323334353637383930",
    "supervisor": "6162636465666768696a6b6c6d6e6f7071727374",
}

# Other apps' demo loaders, called when the app provides one.
APP_LOADERS = [
    ("walletdesk.helpcenter.services", "kb_demo_load"),
    ("walletdesk.verify.services", "registry_load_demo"),
    ("walletdesk.wallet.services", "wallet_demo_load"),
    ("walletdesk.chain.services", "chains_demo_load"),
    ("walletdesk.chat.management.canned", "chat_demo_load"),
]


@dataclass
class DemoReport:
    logins: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # username, password, TOTP secret (base32)
    loaded: dict[str, object] = field(default_factory=dict)


@transaction.atomic
def demo_core_load() -> DemoReport:
    report = DemoReport()
    support = accounts.team_get_or_create(slug="support", name_zh="客服一组", name_en="Support")
    security = accounts.team_get_or_create(slug="security", name_zh="安全团队", name_en="Security")
    teams = {"support": support, "security": security}
    for position, (slug, zh, en, dzh, den, fields, team, priority, minutes, complaint) in enumerate(
        CATEGORIES
    ):
        tickets.category_upsert(
            slug=slug,
            name_zh=zh,
            name_en=en,
            description_zh=dzh,
            description_en=den,
            intake_fields=fields,
            team=teams[team],
            priority=priority,
            first_response_minutes=minutes,
            position=position,
            is_complaint=complaint,
        )
    for (username, password, name), role, agent_teams in (
        (DEMO_AGENT, "agent", [support]),
        (DEMO_SUPERVISOR, "supervisor", [support, security]),
    ):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            profile = accounts.agent_create(
                username=username,
                password=password,
                role=role,
                display_name=name,
                teams=agent_teams,
                languages=["zh-hans", "en"],
            )
            user = profile.user
        device, _ = TOTPDevice.objects.update_or_create(
            user=user,
            name="demo authenticator",
            defaults={"key": DEMO_TOTP_KEYS[username], "confirmed": True},
        )
        import base64

        report.logins.append((username, password, base64.b32encode(device.bin_key).decode()))
    customer, _ = Customer.objects.get_or_create(
        wallet_uid=DEMO_CUSTOMER_UID,
        defaults={"name": "Demo Customer", "email": "demo.customer@example.com", "locale": "zh-hans"},
    )
    if not Ticket.objects.filter(customer=customer).exists():
        _demo_tickets(customer)
    report.loaded["categories"] = len(CATEGORIES)
    report.loaded["agents"] = AgentProfile.objects.count()
    return report


def _demo_tickets(customer: Customer) -> None:
    from walletdesk.tickets.models import Category

    deposit = Category.objects.get(slug="deposit")
    tickets.ticket_create_by_customer(
        customer=customer,
        channel="web",
        category=deposit,
        subject="USDT 充值未到账",
        body="我昨天从别的平台提了 500 USDT 到我的充值地址，TRC20 网络，到现在还没到账，麻烦帮忙查一下。",
        intake={
            "account": "demo-uid-1001",
            "txid": "7c3f0e5b9a6d4c2e8f1a0b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e",
            "network": "TRC20",
            "amount": "500 USDT",
        },
    )
    withdrawal = Category.objects.get(slug="withdrawal")
    tickets.ticket_create_by_customer(
        customer=customer,
        channel="web",
        category=withdrawal,
        subject="Withdrawal pending for 6 hours",
        body="My ETH withdrawal has been 'pending review' for 6 hours. Why is it taking so long?",
        intake={"account": "demo-uid-1001", "network": "ERC20", "amount": "0.8 ETH"},
        locale="en",
    )


def demo_load() -> DemoReport:
    report = demo_core_load()
    for module_name, function_name in APP_LOADERS:
        try:
            module = import_module(module_name)
        except ImportError:
            continue
        loader = getattr(module, function_name, None)
        if loader is not None:
            report.loaded[function_name] = loader()
    return report
