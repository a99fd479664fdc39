"""Errors of compensation requests: each maps to a 4xx with a message a person can read."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed


class CompensationNotFound(NotFound):
    code = "compensation_not_found"
    message = _("No such compensation request on this ticket.")


class CompensationInvalid(ValidationFailed):
    code = "compensation_invalid"
    message = _("The compensation request is invalid.")


class ApprovalSelfApprove(PermissionDenied):
    """The two-person rule: whoever asked for the money never releases it."""

    code = "approval_self_approve"
    message = _("A second person must decide: you asked for this compensation yourself.")


class ApprovalNotAllowed(PermissionDenied):
    code = "approval_not_allowed"
    message = _("Only a supervisor, an administrator or finance may approve or reject compensation.")


class CompensationNotPending(DomainError):
    code = "compensation_not_pending"
    status = 409
    message = _("This request is no longer waiting for a decision.")


class CompensationCreditFailed(DomainError):
    """The wallet backend did not credit; the request stays approvable and shows the error."""

    code = "compensation_credit_failed"
    status = 502
    message = _("The wallet backend did not credit the amount; try approving again later.")


class CustomerWithoutWallet(ValidationFailed):
    code = "compensation_no_wallet"
    message = _("This customer has no verified wallet account: nothing can be credited.")


class CompensationDuplicate(DomainError):
    """The same money asked twice on one ticket (a second submit, a second agent): refused while the
    first is open or paid, so one loss is never credited twice."""

    code = "compensation_duplicate"
    status = 409
    message = _("The same compensation is already requested or paid on this ticket.")
