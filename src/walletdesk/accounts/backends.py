"""Authentication backend for the console: the session's user comes with the agent profile.

Every console page asks whether the user is an agent (`auth.agent_session_ok`), and most then use
the profile; with Django's ModelBackend that was a second query on every request. The lookup runs
on every signed-in request, so its SQL is compiled once (core.prepared) rather than per request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import DEFAULT_DB_ALIAS

from walletdesk.accounts.models import AgentProfile
from walletdesk.core.prepared import PreparedRows

_USER_COLUMNS = tuple(f.attname for f in get_user_model()._meta.concrete_fields)
_PROFILE_COLUMNS = tuple(f.attname for f in AgentProfile._meta.concrete_fields)
_USER_WITH_PROFILE = PreparedRows(
    lambda key: (
        get_user_model()
        ._default_manager.filter(pk=key)
        .values_list(*_USER_COLUMNS, *(f"agent_profile__{name}" for name in _PROFILE_COLUMNS))
    )
)


class AgentModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        try:
            found = _USER_WITH_PROFILE.rows(int(user_id))
        except (TypeError, ValueError):
            return None
        if not found:
            return None
        user_model = get_user_model()
        split = len(_USER_COLUMNS)
        user = user_model.from_db(DEFAULT_DB_ALIAS, _USER_COLUMNS, found[0][:split])
        profile_values = found[0][split:]
        # The profile, or "no profile" remembered, so `hasattr(user, "agent_profile")` asks nothing more.
        profile = (
            AgentProfile.from_db(DEFAULT_DB_ALIAS, _PROFILE_COLUMNS, profile_values)
            if profile_values[0] is not None
            else None
        )
        user_model.agent_profile.related.set_cached_value(user, profile)
        if profile is not None:
            AgentProfile.user.field.set_cached_value(profile, user)
        return user if self.user_can_authenticate(user) else None
