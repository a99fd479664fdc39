"""Agent actions on tickets. Each is one transaction that records a timeline event and publishes it."""

from __future__ import annotations

import re

import phonenumbers
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from walletdesk.accounts.models import Customer, Team
from walletdesk.core.errors import ValidationFailed
from walletdesk.tickets import events
from walletdesk.tickets.attachments import UploadedFile
from walletdesk.tickets.errors import (
    AssigneeInvalid,
    CategoryUnknown,
    IntakeInvalid,
    StatusInvalid,
    TicketClosed,
)
from walletdesk.tickets.inbox import InboundMessage, Received, receive
from walletdesk.tickets.models import (
    AuthorKind,
    Category,
    Channel,
    EventKind,
    Priority,
    Status,
    Ticket,
    TicketEvent,
    TicketTag,
)
from walletdesk.tickets.selectors import agent_can_work


def _event(ticket: Ticket, kind: str, actor: AbstractBaseUser | None, **data: object) -> None:
    TicketEvent.objects.create(
        ticket=ticket, kind=kind, actor=actor if getattr(actor, "pk", None) else None, data=data
    )


def intake_validate(*, category: Category, intake: dict[str, object]) -> dict[str, str]:
    """Keep only the category's fields; required ones must be answered."""
    clean: dict[str, str] = {}
    errors: dict[str, str] = {}
    for spec in category.intake_fields:
        key = spec["key"]
        value = str(intake.get(key) or "").strip()[:2000]
        if spec.get("required") and not value and spec.get("type") != "file":
            errors[key] = "required"
        elif value and spec.get("type") == "txid" and not _names_a_transaction(value):
            errors[key] = gettext(
                "This does not look like a transaction hash: copy the TxID from the block explorer "
                "or your withdrawal history."
            )
        elif value and spec.get("type") == "amount" and not _AMOUNT_NUMBER.search(value):
            errors[key] = gettext(
                "Write the amount as a number with its asset, e.g. 500 USDT, or leave it empty."
            )
        if value:
            clean[key] = value
    if errors:
        raise IntakeInvalid(fields=errors)
    return clean


# "500 USDT", "0.5个ETH", "五百U", "1.2万u", "２００": a figure in any of the ways customers write one.
_AMOUNT_NUMBER = re.compile(r"[0-9\uff10-\uff19零〇一二三四五六七八九十百千万亿两半壹贰叁肆伍陆柒捌玖拾佰仟]")


def _names_a_transaction(value: str) -> bool:
    """A TxID field holds a hash, or an explorer link to one: "TRC20" or an order number there
    would send the agent's chain lookup after nothing."""
    from walletdesk.triage.services import entities_extract

    return bool(entities_extract(text=value).tx_hashes)


SUBJECT_MAX = 300


def ticket_create_by_customer(
    *,
    customer: Customer,
    channel: str,
    body: str,
    category: Category | None,
    subject: str = "",
    intake: dict[str, object] | None = None,
    attachments: list[UploadedFile] | None = None,
    external_id: str | None = None,
    locale: str | None = None,
) -> Received:
    errors: dict[str, str] = {}
    if len(subject.strip()) > SUBJECT_MAX:
        # The ticket holds 300 characters: cutting the rest off unseen would lose what the customer wrote.
        errors["subject"] = gettext("Keep the subject under %(n)s characters.") % {"n": SUBJECT_MAX}
    try:
        clean_intake = intake_validate(category=category, intake=intake or {}) if category else {}
    except IntakeInvalid as exc:
        if not errors:
            raise
        errors.update(exc.fields or {})
    if errors:
        raise ValidationFailed(fields=errors)
    return receive(
        InboundMessage(
            channel=channel,
            body=body,
            customer=customer,
            subject=subject,
            category=category,
            intake=clean_intake,
            new_ticket=True,
            attachments=attachments or [],
            external_id=external_id,
            locale=locale or customer.locale,
        )
    )


def ticket_reply_by_customer(
    *,
    ticket: Ticket,
    body: str,
    attachments: list[UploadedFile] | None = None,
    external_id: str | None = None,
) -> Received:
    if ticket.status == Status.CLOSED:
        raise TicketClosed()
    return receive(
        InboundMessage(
            channel=ticket.channel,
            body=body,
            customer=ticket.customer,
            ticket=ticket,
            attachments=attachments or [],
            external_id=external_id,
            locale=ticket.locale,
        )
    )


def ticket_close_by_customer(*, ticket: Ticket) -> Ticket:
    return ticket_status_set(ticket=ticket, status=Status.CLOSED, by=None)


def ticket_assign(*, ticket: Ticket, agent: AbstractBaseUser | None, by: AbstractBaseUser | None) -> Ticket:
    if agent is not None and not agent_can_work(agent):
        raise AssigneeInvalid()
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if locked.assignee_id == (agent.pk if agent else None):
            return locked
        locked.assignee = agent
        if locked.status == Status.NEW and agent is not None:
            locked.status = Status.OPEN
        locked.save(update_fields=["assignee", "status", "updated_at"])
        _event(locked, EventKind.ASSIGNED, by, assignee_id=agent.pk if agent else None)
        events.ticket_changed(locked, "assigned")
    return locked


def ticket_status_set(*, ticket: Ticket, status: str, by: AbstractBaseUser | None) -> Ticket:
    if status not in Status.values:
        raise StatusInvalid(fields={"status": f"one of {', '.join(Status.values)}"})
    now = timezone.now()
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if locked.status == status:
            return locked
        old = locked.status
        locked.status = status
        fields = ["status", "solved_at", "closed_at", "updated_at"]
        if status == Status.SOLVED:
            locked.solved_at = now
            if locked.assignee_id is None and by is not None and agent_can_work(by):
                # Solved by someone: theirs, so the rating and the reports credit the agent who did it.
                locked.assignee = by
                fields.append("assignee")
                _event(locked, EventKind.ASSIGNED, by, assignee_id=by.pk)
        if status == Status.CLOSED:
            locked.closed_at = now
        locked.save(update_fields=fields)
        _event(locked, EventKind.STATUS, by, old=old, new=status)
        events.ticket_changed(locked, "status")
    return locked


def ticket_priority_set(*, ticket: Ticket, priority: str, by: AbstractBaseUser | None) -> Ticket:
    if priority not in Priority.values:
        raise StatusInvalid(
            message="Unknown priority.", fields={"priority": f"one of {', '.join(Priority.values)}"}
        )
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        old = locked.priority
        if old == priority:
            return locked
        locked.priority = priority
        locked.save(update_fields=["priority", "updated_at"])
        _event(locked, EventKind.PRIORITY, by, old=old, new=priority)
        events.ticket_changed(locked, "priority")
    return locked


def ticket_category_set(*, ticket: Ticket, category_slug: str, by: AbstractBaseUser | None) -> Ticket:
    category = Category.objects.filter(slug=category_slug).first()
    if category is None:
        raise CategoryUnknown(fields={"category": "unknown"})
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        old = locked.category.slug if locked.category_id else None
        if locked.category_id == category.pk:
            return locked
        locked.category = category
        locked.category_source = "agent"
        locked.save(update_fields=["category", "category_source", "updated_at"])
        _event(locked, EventKind.CATEGORY, by, old=old, new=category.slug)
        events.ticket_changed(locked, "category")
    return locked


def ticket_team_set(*, ticket: Ticket, team: Team | None, by: AbstractBaseUser | None) -> Ticket:
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if locked.team_id == (team.pk if team else None):
            return locked
        old = locked.team.slug if locked.team_id else None
        locked.team = team
        locked.save(update_fields=["team", "updated_at"])
        _event(
            locked,
            EventKind.TEAM,
            by,
            old=old,
            new=team.slug if team else None,
            team=team.slug if team else None,
        )
        events.ticket_changed(locked, "team")
    return locked


TAG_MAX_CHARS = TicketTag._meta.get_field("name").max_length or 50


def ticket_tags_clean(*, tags: list[str]) -> list[str]:
    """The tags as stored: trimmed, lower-case, each once, sorted. A longer one than a tag holds is
    refused with its name (ValidationFailed, fields {"tags": …}): it used to be cut to 50
    characters without a word, and the agent's tag was a different one."""
    clean = sorted({t.strip().lower() for t in tags if t and t.strip()})
    too_long = [t for t in clean if len(t) > TAG_MAX_CHARS]
    if too_long:
        tag = too_long[0]
        message = gettext("A tag is at most %(max)s characters; “%(tag)s” has %(count)s.") % {
            "max": TAG_MAX_CHARS,
            "tag": tag if len(tag) <= 60 else tag[:60] + "…",
            "count": len(tag),
        }
        raise ValidationFailed(
            message, fields={"tags": message}, details={"too_long": [t[:60] for t in too_long[:10]]}
        )
    return clean


def ticket_tags_set(*, ticket: Ticket, tags: list[str], by: AbstractBaseUser | None) -> list[str]:
    clean = ticket_tags_clean(tags=tags)
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        existing = set(TicketTag.objects.filter(ticket=locked).values_list("name", flat=True))
        if existing == set(clean):
            return clean
        TicketTag.objects.filter(ticket=locked).exclude(name__in=clean).delete()
        TicketTag.objects.bulk_create([TicketTag(ticket=locked, name=n) for n in clean if n not in existing])
        _event(locked, EventKind.TAGS, by, tags=clean)
        events.ticket_changed(locked, "tags")
    return clean


def ticket_rate(*, ticket: Ticket, rating: int, comment: str = "") -> Ticket:
    if not 1 <= int(rating) <= 5:
        raise ValidationFailed(fields={"rating": "1 to 5"})
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        locked.csat_rating = int(rating)
        locked.csat_comment = comment.strip()[:2000]
        locked.save(update_fields=["csat_rating", "csat_comment", "updated_at"])
        _event(locked, EventKind.RATED, None, rating=int(rating))
        events.ticket_changed(locked, "rated")
    return locked


def agent_user_get(*, user_id: int) -> AbstractBaseUser | None:
    return get_user_model().objects.filter(pk=user_id, is_active=True, agent_profile__isnull=False).first()


def category_upsert(
    *,
    slug: str,
    name_zh: str,
    name_en: str,
    intake_fields: list[dict],
    team: Team | None,
    priority: str = Priority.NORMAL,
    description_zh: str = "",
    description_en: str = "",
    first_response_minutes: int = 240,
    position: int = 100,
    is_complaint: bool = False,
) -> Category:
    category, _ = Category.objects.update_or_create(
        slug=slug,
        defaults={
            "name_zh": name_zh,
            "name_en": name_en,
            "intake_fields": intake_fields,
            "default_team": team,
            "default_priority": priority,
            "description_zh": description_zh,
            "description_en": description_en,
            "first_response_minutes": first_response_minutes,
            "position": position,
            "is_complaint": is_complaint,
        },
    )
    return category


# --- call-back requests: a customer who would rather talk leaves a number and a time ---------------
# A phone call is where impersonators work best, so the request is a ticket like any other (queue,
# SLA, history) on the phone channel, and the portal tells the customer how to recognise the real call.
# (code, label): times in the desk's time zone (WALLETDESK_TIME_ZONE).
CALLBACK_WINDOWS = (
    ("asap", gettext_lazy("As soon as possible")),
    ("morning", "09:00–12:00"),
    ("afternoon", "12:00–18:00"),
    ("evening", "18:00–21:00"),
)
CALLBACK_LANGUAGES = (("zh-hans", "中文"), ("en", "English"))
CALLBACK_MAX_BODY = 2000


def phone_normalize(raw: str, *, default_region: str = "CN") -> str:
    """E.164 ("+8613812345678") from what a customer types ("138 1234 5678", "+1 (415) 555-0100")."""
    try:
        number = phonenumbers.parse(raw.strip(), default_region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _official_phone_numbers() -> set[str]:
    """The desk's own numbers from the official-channel registry, as E.164."""
    from walletdesk.verify.selectors import official_channels_list

    return {phone_normalize(c.value) for c in official_channels_list() if c.kind == "phone"} - {""}


def _our_own_number_error() -> str:
    # Customers copy the hotline from the contacts page into the form: we would be calling ourselves.
    return gettext("That is our own hotline: enter the number where we can reach you.")


def callback_request(
    *,
    customer: Customer,
    phone: str,
    window: str,
    language: str,
    body: str,
    category: Category | None = None,
    locale: str = "",
) -> Received:
    """Open a phone-channel ticket asking for a call back; every field problem is named at once."""
    errors: dict[str, str] = {}
    e164 = phone_normalize(phone)
    if not e164:
        errors["phone"] = gettext(
            "Enter a phone number we can call, with the country code if outside mainland China."
        )
    elif e164 in _official_phone_numbers():
        errors["phone"] = _our_own_number_error()
    windows = dict(CALLBACK_WINDOWS)
    if window not in windows:
        errors["window"] = gettext("Choose when we should call.")
    if language not in dict(CALLBACK_LANGUAGES):
        errors["language"] = gettext("Choose the language of the call.")
    if not body.strip():
        errors["body"] = gettext("Tell us briefly what the call is about.")
    elif len(body) > CALLBACK_MAX_BODY:
        errors["body"] = gettext("Keep it under %(n)s characters.") % {"n": CALLBACK_MAX_BODY}
    if errors:
        raise ValidationFailed(fields=errors)
    when = str(windows[window])
    if window != "asap":
        when = f"{when} ({settings.TIME_ZONE})"
    waiting = _callback_waiting(customer=customer, e164=e164)
    if waiting is not None:
        # Asking again for the same number before anyone called adds to that request: one call, with
        # everything the customer said, instead of a queue of identical tickets for agents to close.
        note = gettext("Asked again for a call: %(when)s, in %(language)s.") % {
            "when": when,
            "language": dict(CALLBACK_LANGUAGES)[language],
        }
        return receive(
            InboundMessage(
                channel=Channel.PHONE,
                body=f"{body.strip()}\n\n{note}",
                customer=customer,
                ticket=waiting,
                locale=locale or customer.locale,
            )
        )
    return receive(
        InboundMessage(
            channel=Channel.PHONE,
            body=body.strip(),
            customer=customer,
            new_ticket=True,
            category=category,
            subject=gettext("Call-back request") + f" · {e164}",
            intake={
                "phone": e164,
                "callback_window": when,
                "callback_language": dict(CALLBACK_LANGUAGES)[language],
            },
            locale=locale or customer.locale,
        )
    )


def _callback_waiting(*, customer: Customer, e164: str) -> Ticket | None:
    """The customer's open call-back request for this number that no agent has answered yet."""
    from walletdesk.tickets.models import OPEN_STATUSES

    return (
        Ticket.objects.filter(
            customer=customer,
            channel=Channel.PHONE,
            status__in=OPEN_STATUSES,
            first_response_at__isnull=True,
            intake__phone=e164,
        )
        .order_by("-id")
        .first()
    )


THEFT_CATEGORY = "account_theft"


def ticket_theft_open(*, customer: Customer, channel: str, body: str, locale: str) -> Ticket:
    """The customer's newest open account_theft ticket, or a new one holding `body`: a freeze always
    has a ticket, so an agent follows it up (identity checks, loss, and a failed freeze done by hand).
    Intake is left empty on purpose: a customer freezing in a hurry must not be stopped by the form."""
    from walletdesk.tickets.models import OPEN_STATUSES

    open_ticket = (
        Ticket.objects.filter(customer=customer, category__slug=THEFT_CATEGORY, status__in=OPEN_STATUSES)
        .order_by("-id")
        .first()
    )
    if open_ticket is not None:
        return open_ticket
    category = Category.objects.filter(slug=THEFT_CATEGORY).first()
    received = receive(
        InboundMessage(
            channel=channel,
            body=body,
            customer=customer,
            category=category,
            new_ticket=True,
            locale=locale,
        )
    )
    return received.ticket


URGENT_ACCOUNT_MAX = 200


def urgent_theft_report(
    *,
    visitor_token: str,
    account: str,
    email: str,
    phone: str,
    body: str,
    submission: str,
    locale: str,
) -> Received:
    """A theft reported by someone who cannot sign in (the thief holds the account, often its email
    too). The ticket is the usual urgent theft ticket — security team alerted, agents freeze after
    checking identity — held by an anonymous visitor record: the account named is a claim, so it is
    labelled as one and never linked to the customer it names, whose tickets stay out of reach.
    Replies go to the email given. Every field problem is named at once."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    errors: dict[str, str] = {}
    account = account.strip()
    if not account:
        errors["account"] = gettext(
            "Enter the account: UID, or the email or phone number it was registered with."
        )
    elif len(account) > URGENT_ACCOUNT_MAX:
        errors["account"] = gettext("Keep it under %(n)s characters.") % {"n": URGENT_ACCOUNT_MAX}
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = gettext("Enter an email address you can read now: our answer goes there.")
    e164 = phone_normalize(phone) if phone.strip() else ""
    if phone.strip() and not e164:
        errors["phone"] = gettext(
            "Enter a phone number we can call, with the country code if outside mainland China."
        )
    elif e164 and e164 in _official_phone_numbers():
        errors["phone"] = _our_own_number_error()
    if not body.strip():
        errors["body"] = gettext("Tell us briefly what happened.")
    elif len(body) > CALLBACK_MAX_BODY:
        errors["body"] = gettext("Keep it under %(n)s characters.") % {"n": CALLBACK_MAX_BODY}
    if errors:
        raise ValidationFailed(fields=errors)
    intake = {"claimed_account": account, "reply_email": email}
    if e164:
        intake["phone"] = e164
    return receive(
        InboundMessage(
            channel=Channel.EMAIL,
            body=body.strip(),
            visitor_token=visitor_token,
            category=Category.objects.filter(slug=THEFT_CATEGORY).first(),
            new_ticket=True,
            intake=intake,
            external_id=f"urgent:{submission}" if submission else None,
            locale=locale,
        )
    )


def ticket_security_escalate(*, ticket: Ticket, note: str, by: AbstractBaseUser | None) -> Ticket:
    """Urgent, an internal note for the agents, and the security team's alert, as triage's theft
    path gives a theft report (tickets.automation): used when an account freeze is asked for."""
    from walletdesk.tickets import outbox

    with transaction.atomic():
        locked = ticket_priority_set(ticket=ticket, priority=Priority.URGENT, by=by)
        outbox.send(
            ticket=locked,
            author=by,
            body=note,
            internal=True,
            author_kind=AuthorKind.AGENT if by is not None else AuthorKind.SYSTEM,
        )
        transaction.on_commit(lambda: events.publish_security_alert(locked))
    return locked
