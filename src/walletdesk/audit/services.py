from __future__ import annotations

from typing import Any

from walletdesk.audit.models import AuditEntry
from walletdesk.shield import services as shield


def audit_record(
    *,
    actor: Any | None,
    action: str,
    target: str = "",
    data: dict[str, Any] | None = None,
    actor_label: str = "",
) -> AuditEntry:
    """Append one audit entry; `actor` is a user or None for the system."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = actor_label or (user.get_username() if user is not None else "system")
    return AuditEntry.objects.create(
        actor=user, actor_label=label, action=action, target=target, data=shield.data_redact(data=data or {})
    )
