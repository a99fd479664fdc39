"""Django's database and cached-database session engines, reading the session row with a query
compiled once per process (core.prepared) instead of on every request: the read runs on every
signed-in request, and Django compiling it cost more CPU than the database running it (PostgreSQL
also plans it once per connection).

Reads are as fresh as Django's own (the row is read on every request, or from the shared cache that
Django's cached_db engine keeps in step with the row), so a logout in one process ends the session
in all of them. Writes are Django's."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.models import Session
from django.utils import timezone

from walletdesk.core.prepared import PreparedRows

_SESSION_ROW = PreparedRows(
    lambda key: Session.objects.filter(session_key=key).values_list("session_data", "expire_date"),
    text_keys=True,
    server_prepared=True,
)


class PreparedSessionRead:
    """`_get_session_from_db` for django.contrib.sessions' database stores: the live session row, or
    None (and no session key) when it is missing or expired, as Django's `objects.get` gives it."""

    session_key: str | None
    _session_key: str | None

    def _get_session_from_db(self) -> Any:
        key = self.session_key
        found = _SESSION_ROW.rows(key) if key else []
        if found:
            data, expires = found[0]
            if expires > timezone.now():
                return Session(session_key=key, session_data=data, expire_date=expires)
        self._session_key = None
        return None
