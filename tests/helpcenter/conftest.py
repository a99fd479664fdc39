import pytest


@pytest.fixture(autouse=True)
def _fresh_search_snapshot():
    """A rolled-back test leaves its articles in the per-process snapshot, and the version token
    is read at most once a second: start every test from the database."""
    from walletdesk.helpcenter.search import engine

    engine.snapshot_forget()
    yield


@pytest.fixture
def synonyms(db):
    from walletdesk.helpcenter.services import synonyms_seed_defaults

    synonyms_seed_defaults()


@pytest.fixture
def help_center(db, synonyms):
    from tests.helpcenter.factories import help_center_create

    help_center_create()
