from django.utils.translation import gettext_lazy as _

from walletdesk.core.errors import DomainError


class TelegramOff(DomainError):
    code = "telegram_off"
    status = 404
    message = _("The Telegram channel is not configured here.")


class UpdateInvalid(DomainError):
    code = "telegram_update_invalid"
    status = 400
    message = _("This is not a Telegram update.")
