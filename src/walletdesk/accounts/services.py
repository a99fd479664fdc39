from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.utils import timezone

from walletdesk.accounts.errors import LoginLinkInvalid
from walletdesk.accounts.identity import WalletIdentity
from walletdesk.accounts.models import (
    AgentProfile,
    AgentRole,
    ApiToken,
    Customer,
    CustomerLoginLink,
    Presence,
    Team,
)
from walletdesk.core.prepared import PreparedRows

LOGIN_LINK_TTL = timedelta(minutes=30)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


# Every customer API request runs this lookup: compiled once (core.prepared), which skips the ORM's
# per-call query building and a raw() query's per-call column mapping, and on PostgreSQL prepared
# once per connection.
_CUSTOMER_FIELDS = tuple(f.attname for f in Customer._meta.concrete_fields)
_CUSTOMER_BY_WALLET_UID = PreparedRows(
    lambda wallet_uid: Customer.objects.filter(wallet_uid=wallet_uid).values_list(*_CUSTOMER_FIELDS),
    text_keys=True,
    server_prepared=True,
)


def _customer_by_wallet_uid(wallet_uid: str) -> Customer | None:
    rows = _CUSTOMER_BY_WALLET_UID.rows(wallet_uid)
    return Customer.from_db(DEFAULT_DB_ALIAS, _CUSTOMER_FIELDS, rows[0]) if rows else None


def customer_from_identity(*, identity: WalletIdentity) -> Customer:
    """The customer for a verified wallet identity; claims refresh name, email and locale."""
    customer = _customer_by_wallet_uid(identity.wallet_uid)
    created = False
    if customer is None:
        try:
            customer, created = Customer.objects.get_or_create(
                wallet_uid=identity.wallet_uid,
                defaults={"name": identity.name, "email": identity.email, "locale": identity.locale},
            )
        except IntegrityError:  # two first requests raced; the other one created it
            customer, created = Customer.objects.get(wallet_uid=identity.wallet_uid), False
    if not created:
        changed = {}
        for field in ("name", "email", "locale"):
            value = getattr(identity, field)
            if value and getattr(customer, field) != value:
                changed[field] = value
        if changed:
            Customer.objects.filter(pk=customer.pk).update(**changed)
            for key, value in changed.items():
                setattr(customer, key, value)
    return customer


def customer_from_email(*, email: str, name: str = "", locale: str = "zh-hans") -> Customer:
    email = email.strip().lower()
    customer = Customer.objects.filter(email__iexact=email).order_by("id").first()
    if customer is None:
        customer = Customer.objects.create(email=email, name=name, locale=locale)
    return customer


def customer_from_visitor(*, visitor_token: str, locale: str = "zh-hans") -> Customer:
    try:
        customer, _ = Customer.objects.get_or_create(visitor_token=visitor_token, defaults={"locale": locale})
    except IntegrityError:
        customer = Customer.objects.get(visitor_token=visitor_token)
    return customer


def customer_from_telegram(*, telegram_id: str, name: str = "", locale: str = "zh-hans") -> Customer:
    try:
        customer, _ = Customer.objects.get_or_create(
            telegram_id=telegram_id, defaults={"name": name, "locale": locale}
        )
    except IntegrityError:
        customer = Customer.objects.get(telegram_id=telegram_id)
    return customer


def customer_update(
    *,
    customer: Customer,
    locale: str | None = None,
    anti_phishing_code: str | None = None,
    email: str | None = None,
) -> Customer:
    if locale is not None:
        customer.locale = locale
    if anti_phishing_code is not None:
        customer.anti_phishing_code = anti_phishing_code.strip()[:32]
    if email is not None:
        customer.email = email.strip().lower()
    customer.save()
    return customer


def login_link_create(*, customer: Customer) -> str:
    raw = secrets.token_urlsafe(32)
    CustomerLoginLink.objects.create(
        customer=customer, digest=_digest(raw), expires_at=timezone.now() + LOGIN_LINK_TTL
    )
    return raw


def login_link_usable(*, raw: str) -> bool:
    """The link exists, is unused and unexpired: looked at without using it up."""
    return CustomerLoginLink.objects.filter(
        digest=_digest(raw or ""), used_at__isnull=True, expires_at__gt=timezone.now()
    ).exists()


def login_link_redeem(*, raw: str) -> Customer:
    """Claim the link with a conditional update so a link works exactly once."""
    now = timezone.now()
    digest = _digest(raw or "")
    claimed = CustomerLoginLink.objects.filter(
        digest=digest, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise LoginLinkInvalid()
    return CustomerLoginLink.objects.select_related("customer").get(digest=digest).customer


def api_token_create(*, user: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    raw = "wd_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=raw[:10], digest=_digest(raw))
    return token, raw


def api_token_authenticate(*, raw: str) -> AbstractBaseUser | None:
    if not raw.startswith("wd_"):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__agent_profile")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute: a busy integration should not turn every read into a write.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def team_get_or_create(*, slug: str, name_zh: str, name_en: str) -> Team:
    team, _ = Team.objects.update_or_create(slug=slug, defaults={"name_zh": name_zh, "name_en": name_en})
    return team


def _next_agent_code() -> str:
    while True:
        code = "WD" + "".join(secrets.choice("23456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))
        if not AgentProfile.objects.filter(agent_code=code).exists():
            return code


SUPERVISORS_GROUP = "supervisors"

# What a supervisor may do in /admin/: run the team and the knowledge, watch the data. Tickets are
# changed in the console (its services keep the timeline, events and SLA clocks), so only viewed
# here; auth users, personal tokens and audit entries are never editable by them.
SUPERVISOR_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "accounts.team": ("view", "add", "change"),
    "accounts.agentprofile": ("view", "change"),
    "accounts.customer": ("view",),
    "accounts.apitoken": ("view",),
    "tickets.category": ("view", "add", "change"),
    "tickets.ticket": ("view",),
    "tickets.ticketevent": ("view",),
    "tickets.attachment": ("view",),
    "helpcenter.category": ("view", "add", "change"),
    "helpcenter.article": ("view", "add", "change"),
    "helpcenter.synonym": ("view", "add", "change", "delete"),
    "helpcenter.searchevent": ("view",),
    "helpcenter.articlefeedback": ("view",),
    "verify.brand": ("view", "change"),
    "verify.officialchannel": ("view", "add", "change"),
    "verify.phishingreport": ("view", "change"),
    "verify.blockedvalue": ("view", "add", "change"),
    "audit.auditentry": ("view",),
}


def supervisors_group_sync() -> Group:
    """The supervisors' group holds exactly SUPERVISOR_PERMISSIONS (run after every migrate)."""
    group, _ = Group.objects.get_or_create(name=SUPERVISORS_GROUP)
    wanted = []
    for model_label, actions in SUPERVISOR_PERMISSIONS.items():
        app_label, model = model_label.split(".")
        codenames = [f"{action}_{model}" for action in actions]
        wanted += Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    group.permissions.set(wanted)
    for profile in AgentProfile.objects.filter(role=AgentRole.SUPERVISOR).select_related("user"):
        profile.user.groups.add(group)
    return group


def agent_role_apply(profile: AgentProfile) -> None:
    """Staff flag and group follow the role, so a role changed by an admin takes effect at once."""
    user = profile.user
    user.is_staff = profile.role in (AgentRole.ADMIN, AgentRole.SUPERVISOR)
    user.save(update_fields=["is_staff"])
    group, _ = Group.objects.get_or_create(name=SUPERVISORS_GROUP)
    if profile.role == AgentRole.SUPERVISOR:
        user.groups.add(group)
    else:
        user.groups.remove(group)


@transaction.atomic
def agent_create(
    *,
    username: str,
    password: str,
    role: str = AgentRole.AGENT,
    display_name: str = "",
    email: str = "",
    languages: list[str] | None = None,
    teams: list[Team] | None = None,
    capacity: int = 5,
) -> AgentProfile:
    user_model = get_user_model()
    user = user_model.objects.create_user(
        username=username,
        password=password,
        email=email,
        is_staff=role in (AgentRole.ADMIN, AgentRole.SUPERVISOR),
    )
    if role == AgentRole.ADMIN:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
    profile = AgentProfile.objects.create(
        user=user,
        role=role,
        display_name=display_name or username,
        agent_code=_next_agent_code(),
        languages=languages or ["zh-hans", "en"],
        capacity=capacity,
    )
    if teams:
        profile.teams.set(teams)
    if role == AgentRole.SUPERVISOR:
        user.groups.add(supervisors_group_sync())
    return profile


def agent_presence_refresh(*, profile: AgentProfile) -> None:
    """Only the heartbeat's time moves (the presence is unchanged): an UPDATE without save signals,
    so the console's cached agent lists are not thrown away every 20 s per online agent."""
    now = timezone.now()
    AgentProfile.objects.filter(pk=profile.pk).update(presence_at=now)
    profile.presence_at = now


def agent_presence_set(*, profile: AgentProfile, presence: str) -> AgentProfile:
    if presence not in Presence.values:
        from walletdesk.core.errors import ValidationFailed

        raise ValidationFailed(fields={"presence": f"must be one of {', '.join(Presence.values)}"})
    profile.presence = presence
    profile.presence_at = timezone.now()
    profile.save(update_fields=["presence", "presence_at"])
    return profile
