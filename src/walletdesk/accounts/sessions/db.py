"""SESSION_ENGINE for sessions in the database (no shared cache): see accounts.sessions."""

from django.contrib.sessions.backends import db

from walletdesk.accounts.sessions import PreparedSessionRead


class SessionStore(PreparedSessionRead, db.SessionStore):
    pass
