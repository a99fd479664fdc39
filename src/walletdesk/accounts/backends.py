"""Authentication backend for the console: the session's user comes with the agent profile and the
user's TOTP devices.

Every console page asks whether the user is an agent (`auth.agent_session_ok`), most then use the
profile, and django-otp's middleware loads the device the session was verified with; with Django's
ModelBackend and the stock middleware those were three queries on every request. The lookup runs on
every signed-in request, so its SQL is compiled once (core.prepared) rather than per request. The
devices are read fresh with the user on each request (no cache): a removed device stops verifying
the very next request, in every process (accounts.middleware picks the session's device from them).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import DEFAULT_DB_ALIAS
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts.models import AgentProfile
from walletdesk.core.prepared import PreparedRows

_USER_COLUMNS = tuple(f.attname for f in get_user_model()._meta.concrete_fields)
_PROFILE_COLUMNS = tuple(f.attname for f in AgentProfile._meta.concrete_fields)
_DEVICE_COLUMNS = tuple(f.attname for f in TOTPDevice._meta.concrete_fields)
# One row per TOTP device of the user (agents have one or two), or one row with no device.
_USER_WITH_PROFILE = PreparedRows(
    lambda key: (
        get_user_model()
        ._default_manager.filter(pk=key)
        .order_by("totpdevice__id")
        .values_list(
            *_USER_COLUMNS,
            *(f"agent_profile__{name}" for name in _PROFILE_COLUMNS),
            *(f"totpdevice__{name}" for name in _DEVICE_COLUMNS),
        )
    ),
    server_prepared=True,
)
# Where the user's TOTP devices, loaded with it, are kept on the user object.
LOADED_TOTP_DEVICES = "loaded_totp_devices"


class AgentModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        try:
            found = _USER_WITH_PROFILE.rows(int(user_id))
        except (TypeError, ValueError):
            return None
        if not found:
            return None
        user_model = get_user_model()
        profile_at = len(_USER_COLUMNS)
        device_at = profile_at + len(_PROFILE_COLUMNS)
        first = found[0]
        user = user_model.from_db(DEFAULT_DB_ALIAS, _USER_COLUMNS, first[:profile_at])
        profile_values = first[profile_at:device_at]
        # The profile, or "no profile" remembered, so `hasattr(user, "agent_profile")` asks nothing more.
        profile = (
            AgentProfile.from_db(DEFAULT_DB_ALIAS, _PROFILE_COLUMNS, profile_values)
            if profile_values[0] is not None
            else None
        )
        user_model.agent_profile.related.set_cached_value(user, profile)
        if profile is not None:
            AgentProfile.user.field.set_cached_value(profile, user)
        devices = {}
        for row in found:
            if row[device_at] is not None:
                device = TOTPDevice.from_db(DEFAULT_DB_ALIAS, _DEVICE_COLUMNS, row[device_at:])
                TOTPDevice.user.field.set_cached_value(device, user)
                devices[device.pk] = device
        setattr(user, LOADED_TOTP_DEVICES, devices)
        return user if self.user_can_authenticate(user) else None
