"""The roles of PRODUCT.md. Each is a Django group, created by a data migration.

A person may hold several. Participant and firm contact are also scoped by a
firm (see `Membership`); the group says that the person holds the role somewhere,
the membership says where. Anonymous visitors have no group.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # The value is the group's name; it is stored, so never rename one.
    PARTICIPANT = "Participants", _("Participant")
    FIRM_CONTACT = "Firm contacts", _("Firm contact")
    COURSE_LEADER = "Course leaders", _("Course leader")
    CANDIDATE = "Candidates", _("Candidate")
    ASSESSOR = "Assessors", _("Assessor")
    INTERNAL_VERIFIER = "Internal verifiers", _("Internal verifier")
    EXTERNAL_MODERATOR = "External moderators", _("External moderator")
    # Wagtail's own "Editors" group already carries the page permissions.
    EDITOR = "Editors", _("Editor")
    PROGRAMME_OWNER = "Programme owners", _("Programme owner")
    ADMINISTRATOR = "Administrators", _("Administrator")


# Roles whose holders work in the Wagtail admin.
ADMIN_ROLES = frozenset({Role.EDITOR, Role.ADMINISTRATOR})
