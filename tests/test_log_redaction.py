"""Log lines lose credentials and wallet secrets: uvicorn's access log (its path argument), runserver's
request log, and any record whose message or arguments hold them."""

import logging
import logging.config

import pytest

from walletdesk.core.logging import UrlCredentialsFilter, url_credentials_redact, uvicorn_log_config
from walletdesk.shield.logging import RedactSecretsFilter

PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow"


@pytest.mark.parametrize(
    ("path", "printed"),
    [
        (
            "/support/login/?token=eyJhbGciOi.eyJzdWIi.sig&next=/support/",
            "/support/login/?token=[redacted]&next=/support/",
        ),
        ("/support/login/link/Zx81_kQ9s/", "/support/login/link/[redacted]/"),
        ("/api/v1/x?page=2&Access_Token=abc", "/api/v1/x?page=2&Access_Token=[redacted]"),
        ("/help/zh-hans/search/?q=提现", "/help/zh-hans/search/?q=提现"),
    ],
)
def test_credentials_in_addresses_are_replaced(path, printed):
    assert url_credentials_redact(path) == printed


def _access_record(path: str) -> logging.LogRecord:
    # As uvicorn.protocols.http logs a request: the formatter unpacks these five arguments.
    return logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", path, "1.1", 200), None,
    )  # fmt: skip


def test_uvicorns_access_line_keeps_its_shape_and_loses_the_token_and_the_phrase():
    from uvicorn.logging import AccessFormatter

    record = _access_record(f"/help/en/search/?q={PHRASE.replace(' ', '+')}&token=secret-jwt")
    for log_filter in (UrlCredentialsFilter(), RedactSecretsFilter()):
        assert log_filter.filter(record)
    line = AccessFormatter(fmt='%(client_addr)s - "%(request_line)s" %(status_code)s').format(record)
    assert line.startswith('127.0.0.1:5000 - "GET /') and line.endswith('HTTP/1.1" 200 OK')
    assert "secret-jwt" not in line and "winner+thank+year" not in line


def test_a_phrase_in_a_plain_message_or_its_arguments_is_redacted():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "customer wrote %s", (PHRASE,), None)
    RedactSecretsFilter().filter(record)
    assert "sausage" not in record.getMessage() and record.getMessage().startswith("customer wrote ")
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, f"customer wrote {PHRASE}", None, None)
    RedactSecretsFilter().filter(record)
    assert "sausage" not in record.getMessage()


def test_the_serve_and_runserver_loggers_are_filtered(settings):
    config = uvicorn_log_config()
    assert all(h["filters"] == ["credentials", "shield"] for h in config["handlers"].values())
    logging.config.dictConfig(config)  # a usable configuration
    server = settings.LOGGING["loggers"]["django.server"]
    assert server["handlers"] == ["console"] and not server["propagate"]
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["credentials", "shield"]
    logging.config.dictConfig(settings.LOGGING)
