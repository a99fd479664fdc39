import pytest
from django.core.management import CommandError, call_command

from walletdesk.chat.models import BusinessHours, CannedReply


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("chat", *args, stdout=out)
    return out.getvalue()


def test_hours_set_show_and_clear(db):
    assert "mon 09:00-18:00" in run("hours", "mon-fri 09:00-18:00")
    assert BusinessHours.objects.count() == 5
    assert "24/7" in run("hours", "--always")
    assert not BusinessHours.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (("hours", "mon 18:00-09:00"), "Business hours look like"),
        (("hours", ""), "use --always"),
        (("routing", "--auto-assign", "maybe"), "true or false"),
        (("canned", "add"), "needs a SHORTCUT"),
        (("canned", "remove", "nope"), "No canned reply"),
        (("canned", "add", "x", "--zh", "只有中文"), "both the Chinese and the English"),
        (("transcript", "WD-99999"), "No ticket"),
    ],
)
def test_bad_input_fails_with_a_sentence(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_canned_replies_and_status(db, visitor):
    run("canned", "add", "greet", "--title", "Greeting", "--zh", "您好", "--en", "Hello")
    assert CannedReply.objects.get().body_for("en") == "Hello"
    assert "greet\tGreeting" in run("canned", "list")
    from walletdesk.chat.services import chat_message_receive

    chat_message_receive(customer=visitor, body="waiting", client_id="cli-test-01")
    status = run("status")
    assert "waiting: 1" in status and "#1 ticket" in status and "nobody_online" in status
    assert "auto-assign: on" in run("routing", "--auto-assign", "true")


def test_adding_a_shortcut_that_exists_is_refused_unless_replace(db):
    run("canned", "add", "greet", "--title", "Greeting", "--zh", "您好", "--en", "Hello")
    with pytest.raises(CommandError, match=r"'greet' exists already: add --replace to overwrite it"):
        run("canned", "add", "Greet", "--title", "Other", "--zh", "别的", "--en", "Other")
    assert (CannedReply.objects.get().title, CannedReply.objects.get().body_en) == ("Greeting", "Hello")

    assert "saved canned reply greet" in run(
        "canned", "add", "greet", "--title", "Hi", "--zh", "嗨", "--en", "Hi there", "--replace"
    )
    assert (CannedReply.objects.get().title, CannedReply.objects.get().body_en) == ("Hi", "Hi there")
    run("canned", "add", "new-one", "--title", "New", "--zh", "新", "--en", "New", "--replace")
    assert CannedReply.objects.count() == 2


def test_the_refusal_is_a_non_zero_exit_with_the_sentence_on_stderr(db, monkeypatch, capsys):
    from django.core.management import load_command_class
    from django.db import connections

    run("canned", "add", "greet", "--title", "Greeting", "--zh", "您好", "--en", "Hello")
    # The command closes every connection when it ends; the test's transaction needs this one.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    command = load_command_class("walletdesk.chat", "chat")
    with pytest.raises(SystemExit) as exited:
        command.run_from_argv(["walletdesk", "chat", "canned", "add", "greet", "--zh", "x", "--en", "y"])
    assert exited.value.code != 0
    assert "'greet' exists already: add --replace" in capsys.readouterr().err
    assert CannedReply.objects.get().body_en == "Hello"


def test_transcript_to_file(db, visitor, tmp_path):
    from walletdesk.chat.services import chat_message_receive

    ticket = chat_message_receive(customer=visitor, body="keep this", client_id="cli-test-02").received.ticket
    out = tmp_path / "t.html"
    run("transcript", ticket.reference, "--locale", "en", "--out", str(out))
    assert "keep this" in out.read_text()
