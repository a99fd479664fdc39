"""A customer who pastes a transaction hash gets it looked up at once: the agent finds the chain's
verdict as an internal note before opening the ticket."""

import pytest

from tests.chain.conftest import new_address
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Message

pytestmark = pytest.mark.django_db


def test_a_pasted_hash_is_diagnosed_into_an_internal_note(
    chains, customer, django_capture_on_commit_callbacks
):
    to = new_address()
    tx = chains.b.token_transfer(chains.usdt_b, to, 25 * 10**18)  # on chain B, while eth is asked first
    chains.b.mine(5)
    with django_capture_on_commit_callbacks(execute=True):
        received = receive(
            InboundMessage(
                channel="widget",
                customer=customer,
                locale="en",
                body=f"my USDT deposit has not arrived, tx {tx}",
            )
        )
    note = Message.objects.get(ticket=received.ticket, is_internal=True)
    assert note.author_kind == "system" and "confirmed" in note.body.lower()
    assert "bsc" in note.body.lower() or "BNB" in note.body


def test_a_hash_found_nowhere_gets_a_not_found_note(chains, customer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        received = receive(
            InboundMessage(
                channel="widget", customer=customer, locale="en", body="deposit missing, tx 0x" + "ab" * 32
            )
        )
    note = Message.objects.get(ticket=received.ticket, is_internal=True)
    assert "not_found" in note.body or "not found" in note.body.lower()
