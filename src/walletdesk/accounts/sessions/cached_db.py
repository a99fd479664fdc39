"""SESSION_ENGINE for sessions in the shared cache, backed by the database: see accounts.sessions."""

from django.contrib.sessions.backends import cached_db

from walletdesk.accounts.sessions import PreparedSessionRead


class SessionStore(PreparedSessionRead, cached_db.SessionStore):
    pass
