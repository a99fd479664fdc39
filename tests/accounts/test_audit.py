import pytest

from walletdesk.audit.models import AuditEntry
from walletdesk.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_audit_entries_are_append_only_and_redacted(agent):
    from mnemonic import Mnemonic

    phrase = Mnemonic("english").to_mnemonic(bytes(16))
    entry = audit_record(
        actor=agent, action="account.freeze", target="uid-1", data={"reason": f"leaked {phrase}"}
    )
    assert entry.actor_label == "agent1" and "abandon abandon" not in entry.data["reason"]
    entry.action = "changed"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    assert AuditEntry.objects.get().action == "account.freeze"
