from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailboxState(models.Model):
    """How far intake has read one IMAP folder. UIDs only mean something with their UIDVALIDITY:
    when the server hands out a new one (a rebuilt or restored mailbox), reading starts over."""

    host = models.CharField(max_length=255, verbose_name=_("Host"))
    user = models.CharField(max_length=255, verbose_name=_("User"))
    folder = models.CharField(max_length=255, verbose_name=_("Folder"))
    uidvalidity = models.BigIntegerField(null=True, blank=True, verbose_name=_("UIDVALIDITY"))
    last_uid = models.BigIntegerField(default=0, verbose_name=_("Last UID read"))
    polled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("Last poll"))

    class Meta:
        verbose_name = _("Mailbox state")
        verbose_name_plural = _("Mailbox states")
        constraints = [
            models.UniqueConstraint(fields=["host", "user", "folder"], name="mailbox_state_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.host}/{self.folder}"


class HeldMail(models.Model):
    """A mail intake could not turn into a message. The mail itself stays on the IMAP server (and is
    copied into the held folder): nothing of its content is kept here, only where it is and why."""

    mailbox = models.ForeignKey(
        MailboxState, on_delete=models.CASCADE, related_name="held", verbose_name=_("Mailbox")
    )
    uidvalidity = models.BigIntegerField(verbose_name=_("UIDVALIDITY"))
    uid = models.BigIntegerField(verbose_name=_("UID"))
    message_id = models.CharField(max_length=300, blank=True, verbose_name=_("Message-ID"))
    sender = models.CharField(max_length=300, blank=True, verbose_name=_("Sender"))
    reason = models.CharField(max_length=500, verbose_name=_("Reason"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("Held at"))

    class Meta:
        verbose_name = _("Held mail")
        verbose_name_plural = _("Held mails")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["mailbox", "uidvalidity", "uid"], name="held_mail_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.mailbox} #{self.uid}: {self.reason}"
