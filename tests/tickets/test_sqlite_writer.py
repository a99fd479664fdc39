"""SQLite writers take turns through a file lock (the test database is in memory, so the lock file
is pointed at a temporary path here)."""

import threading
import time

import pytest

from walletdesk.core import sqlite_writer
from walletdesk.tickets.inbox import InboundMessage, receive
from walletdesk.tickets.models import Channel, Message


@pytest.fixture
def lock_file(tmp_path, monkeypatch):
    path = str(tmp_path / "db.sqlite3.writer-lock")
    monkeypatch.setattr(sqlite_writer, "_lock_path", lambda: path)
    return path


def test_a_second_writer_waits_for_the_first(lock_file):
    order = []
    first_in = threading.Event()

    def first():
        with sqlite_writer.sqlite_writer_turn():
            first_in.set()
            time.sleep(0.2)
            order.append("first done")

    def second():
        first_in.wait()
        with sqlite_writer.sqlite_writer_turn():
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert order == ["first done", "second in"]


def test_no_turn_inside_an_outer_transaction(lock_file, transactional_db):
    # The outer transaction may hold SQLite's own lock already: waiting for the turn could stall.
    from django.db import transaction

    with transaction.atomic():
        with sqlite_writer.sqlite_writer_turn():
            pass
    import os

    assert not os.path.exists(lock_file)


def test_receive_stores_through_the_turn(lock_file, transactional_db, customer):
    received = receive(
        InboundMessage(channel=Channel.WEB, body="提现没到账", customer=customer, new_ticket=True)
    )
    assert Message.objects.filter(pk=received.message.pk).exists()


def test_an_unusable_lock_file_leaves_the_busy_handler_in_charge(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_writer, "_lock_path", lambda: str(tmp_path / "missing" / "x.writer-lock"))
    with sqlite_writer.sqlite_writer_turn():
        pass
