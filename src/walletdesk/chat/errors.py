from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError, NotFound, Unauthenticated


def error_message(exc: DomainError, locale: str) -> str:
    """The error's text in `locale` (the widget's or conversation's language)."""
    return exc.message_in(locale)


class ConversationNotFound(NotFound):
    code = "conversation_not_found"
    message = _("Chat not found.")


class ConversationTaken(DomainError):
    code = "conversation_taken"
    status = 409
    message = _("Another agent has already accepted this chat.")


class ConversationNotLive(DomainError):
    code = "conversation_not_live"
    status = 409
    message = _("This chat has already ended.")


class ConversationCustomerGone(DomainError):
    code = "conversation_customer_gone"
    status = 409
    message = _(
        "The customer closed the chat and is no longer connected: it left the queue and is now a "
        "ticket. Reply on the ticket; the customer reads it when they come back."
    )


class AgentAtCapacity(DomainError):
    code = "agent_at_capacity"
    status = 409
    message = _("This agent already has as many chats as their capacity allows.")


class AgentNotAvailable(DomainError):
    code = "agent_not_available"
    status = 400
    message = _("This person is not an active agent.")


class ClientIdInvalid(DomainError):
    code = "client_id_invalid"
    status = 400
    message = _("Each chat message needs a client id of 8 to 64 letters, digits, '-' or '_'.")


class VisitorTokenInvalid(Unauthenticated):
    code = "visitor_token_invalid"
    message = _("The visitor token is invalid; reload the page.")


class WidgetSessionInvalid(Unauthenticated):
    code = "widget_session_invalid"
    message = _("The chat session has expired; reload the chat.")


class EmailInvalid(DomainError):
    code = "email_invalid"
    status = 400
    message = _("Enter a valid email address for the reply.")


class BusinessHoursInvalid(DomainError):
    code = "business_hours_invalid"
    status = 400
    message = _("Business hours look like 'mon-fri 09:00-18:00'.")


class CannedReplyNotFound(NotFound):
    code = "canned_reply_not_found"
    message = _("No canned reply with this shortcut.")
