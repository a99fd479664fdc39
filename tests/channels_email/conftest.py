"""A real IMAP server (dovecot, tests/channels_email/dovecot.py) and a real SMTP server (aiosmtpd)
on loopback for every test here; mails go into the mailbox with IMAP APPEND like a mail server
would deliver them."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from tests.channels_email.dovecot import DOVECOT, dovecot_start

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def dovecot():
    if not shutil.which(DOVECOT):
        pytest.fail("dovecot is not installed: run `make test-deps` (Debian package dovecot-imapd)")
    server = dovecot_start()
    yield server
    server.stop()


@pytest.fixture
def dovecot_tls():
    if not shutil.which(DOVECOT):
        pytest.fail("dovecot is not installed: run `make test-deps` (Debian package dovecot-imapd)")
    server = dovecot_start(tls=True)
    yield server
    server.stop()


@pytest.fixture
def imap_settings(settings, dovecot):
    settings.WALLETDESK_IMAP_HOST = "127.0.0.1"
    settings.WALLETDESK_IMAP_PORT = dovecot.port
    settings.WALLETDESK_IMAP_USER = dovecot.user
    settings.WALLETDESK_IMAP_PASSWORD = dovecot.password
    settings.WALLETDESK_IMAP_SSL = "off"
    settings.WALLETDESK_IMAP_FOLDER = "INBOX"
    return settings


def mail(
    *,
    sender="Carol <carol@example.com>",
    subject="Withdrawal stuck",
    body="My USDT withdrawal has been pending for two days.",
    html=None,
    headers=None,
    attachments=(),
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "support@demowallet.com"
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.com")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for filename, content, maintype, subtype in attachments:
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message
