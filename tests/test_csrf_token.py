"""core.middleware.csrf_token: Django's get_token, with the mask read from the OS in one go."""

from collections import Counter

from django.middleware import csrf as django_csrf
from django.test import RequestFactory

from walletdesk.core.middleware import csrf_token


def test_the_token_unmasks_to_the_cookie_secret_and_renews_the_cookie():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = secret = django_csrf._get_new_csrf_string()
    tokens = {csrf_token(request) for _ in range(50)}
    assert len(tokens) == 50  # a fresh mask each time (BREACH)
    for token in tokens:
        django_csrf._check_token_format(token)  # length and alphabet Django accepts
        assert django_csrf._unmask_cipher_token(token) == secret
        assert django_csrf._does_token_match(token, secret)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True


def test_without_a_cookie_a_new_secret_is_made_as_get_token_does():
    request = RequestFactory().get("/")
    token = csrf_token(request)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert django_csrf._unmask_cipher_token(token) == request.META["CSRF_COOKIE"]


def test_mask_characters_cover_the_whole_alphabet_evenly():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = django_csrf._get_new_csrf_string()
    seen = Counter(
        char for _ in range(2000) for char in csrf_token(request)[: django_csrf.CSRF_SECRET_LENGTH]
    )
    assert set(seen) == set(django_csrf.CSRF_ALLOWED_CHARS)
    expected = 2000 * django_csrf.CSRF_SECRET_LENGTH / len(django_csrf.CSRF_ALLOWED_CHARS)  # ~1032
    assert all(0.8 * expected < count < 1.2 * expected for count in seen.values())
