"""django-otp's middleware, taking the session's TOTP device from the devices the session user was
loaded with (accounts.backends) instead of a query of its own on every signed-in request."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from walletdesk.accounts.backends import LOADED_TOTP_DEVICES

_TOTP_LABEL = TOTPDevice.model_label()


class AgentOTPMiddleware(OTPMiddleware):
    """Same contract as django-otp's: `request.user.otp_device` is the device that verified the
    session (confirmed, the user's own) or None, and `user.is_verified()`. The async path is the
    stock one."""

    def _verify_user_sync(self, request: HttpRequest, user: Any) -> Any:
        self._init_user_fields(user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = self._session_device(user, persistent_id) if persistent_id else None
            user.otp_device = self._finalize_device(request, user, device)
        return user

    def _session_device(self, user: Any, persistent_id: str) -> Any:
        loaded = getattr(user, LOADED_TOTP_DEVICES, None)
        label, _, device_id = self._normalize_persistent_id(persistent_id).rpartition("/")
        if loaded is None or label != _TOTP_LABEL:
            # A user from another backend, or another kind of device: django-otp looks it up.
            return self._device_from_persistent_id(persistent_id)
        try:
            return loaded.get(int(device_id))
        except ValueError:
            return None
