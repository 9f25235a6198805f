"""A participant's ticks in the checklists of the course material."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChecklistTick(models.Model):
    """One ticked item of one checklist block in a lesson, for one person."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="checklist_ticks",
    )
    lesson = models.ForeignKey(
        "cms.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(max_length=64)
    item_index = models.PositiveSmallIntegerField()
    ticked_at = models.DateTimeField(_("ticked"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist tick")
        verbose_name_plural = _("checklist ticks")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id", "item_index"],
                name="checklist_tick_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}/{self.block_id}/{self.item_index}"
