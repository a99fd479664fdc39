from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Append-only: money and account actions, registry changes. Never updated or deleted."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("Created at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("Actor")
    )
    actor_label = models.CharField(max_length=200, blank=True, verbose_name=_("Actor label"))
    action = models.CharField(max_length=100, db_index=True, verbose_name=_("Action"))
    target = models.CharField(max_length=200, blank=True, db_index=True, verbose_name=_("Target"))
    data = models.JSONField(default=dict, blank=True, verbose_name=_("Data"))

    class Meta:
        verbose_name = _("Audit entry")
        ordering = ["-created_at", "-id"]
        verbose_name_plural = _("Audit entries")

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise RuntimeError("audit entries are append-only")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise RuntimeError("audit entries are append-only")
