"""Authentication backend for the console: the session's user comes with the agent profile.

Every console page asks whether the user is an agent (`auth.agent_session_ok`), and most then use
the profile; with Django's ModelBackend that was a second query on every request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AgentModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        user_model = get_user_model()
        user = user_model._default_manager.select_related("agent_profile").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
