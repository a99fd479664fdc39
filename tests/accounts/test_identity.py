"""The customer behind a wallet JWT: found by wallet uid, created once, refreshed from the claims."""

import pytest

from walletdesk.accounts.identity import WalletIdentity
from walletdesk.accounts.models import Customer
from walletdesk.accounts.services import customer_from_identity


@pytest.mark.django_db
def test_customer_is_created_once_and_refreshed_from_claims():
    first = customer_from_identity(
        identity=WalletIdentity(wallet_uid="w-1", name="Ann", email="ann@x.example", locale="en")
    )
    again = customer_from_identity(
        identity=WalletIdentity(wallet_uid="w-1", name="Ann Lee", email="", locale="zh-hans")
    )
    assert again.pk == first.pk
    assert Customer.objects.filter(wallet_uid="w-1").count() == 1
    stored = Customer.objects.get(pk=first.pk)
    # An empty claim keeps what we know; a present one wins.
    assert (stored.name, stored.email, stored.locale) == ("Ann Lee", "ann@x.example", "zh-hans")
    assert (again.name, again.email, again.locale) == ("Ann Lee", "ann@x.example", "zh-hans")


@pytest.mark.django_db
def test_other_wallets_are_other_customers():
    a = customer_from_identity(identity=WalletIdentity(wallet_uid="w-a", name="", email="", locale="en"))
    b = customer_from_identity(identity=WalletIdentity(wallet_uid="w-b", name="", email="", locale="en"))
    assert a.pk != b.pk
    assert (
        customer_from_identity(identity=WalletIdentity(wallet_uid="w-b", name="", email="", locale="en")).pk
        == b.pk
    )


def test_a_name_from_the_wallets_token_loses_its_bidi_controls():
    from walletdesk.accounts.identity import identity_token_sign, identity_token_verify

    token = identity_token_sign(wallet_uid="uid-bidi", name="Ann \u202eevil\u202c \u200fX")
    assert identity_token_verify(token).name == "Ann evil X"
