import pytest


@pytest.fixture
def synonyms(db):
    from walletdesk.helpcenter.services import synonyms_seed_defaults

    synonyms_seed_defaults()


@pytest.fixture
def help_center(db, synonyms):
    from tests.helpcenter.factories import help_center_create

    help_center_create()
