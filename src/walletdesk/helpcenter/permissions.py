"""Who may edit the help center: editors (and supervisors/admins) in the console, 2FA passed."""

from __future__ import annotations

from django.http import HttpRequest

EDITOR_ROLES = frozenset({"editor", "admin", "supervisor"})


def editor_ok(request: HttpRequest) -> bool:
    from walletdesk.accounts.auth import agent_session_ok

    user = request.user
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    profile = getattr(user, "agent_profile", None)
    return profile is not None and profile.role in EDITOR_ROLES and agent_session_ok(request)
