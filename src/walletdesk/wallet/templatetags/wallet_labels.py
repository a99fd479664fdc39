"""Words for the wallet backend's status codes, so an agent reads 审核中 rather than pending_review."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The codes of docs/wallet-connector.md; a backend's code not listed here is shown as sent.
TRANSFER_STATUS_LABELS = {
    "confirming": _("confirming"),
    "credited": _("credited"),
    "pending_review": _("pending review"),
    "security_hold": _("security hold"),
    "broadcast": _("broadcast"),
    "completed": _("completed"),
    "failed": _("failed"),
}


@register.filter
def transfer_status_label(status: str) -> str:
    return TRANSFER_STATUS_LABELS.get(status, status)
