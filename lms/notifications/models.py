from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import REQUIRED_KINDS, Kind


class Notification(models.Model):
    """One event told to one person: shown on their home page, perhaps e-mailed.

    `context` holds plain values (text, numbers, ISO dates) frozen at the time
    of the event; the texts are rendered from it in the reader's language."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    context = models.JSONField(_("details"), default=dict, encoder=DjangoJSONEncoder)
    # A path on this site (or an absolute address); mails make it absolute.
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                name="notification_recipient_recent",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient}"


class NotificationPreference(models.Model):
    """A person turned one kind of e-mail off. No row: the kind is on.

    Required kinds can never be turned off; the database refuses it too."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    created_at = models.DateTimeField(_("turned off"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail turned off")
        verbose_name_plural = _("e-mails turned off")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="notificationpreference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=sorted(REQUIRED_KINDS)),
                name="notificationpreference_not_required",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_kind_display()}"
