"""People and firms in Wagtail's admin.

Firms are listed in the "Course administration" menu (courses.wagtail_hooks);
their permission policy is registered here, before any view asks for one. The
admin speaks the person's own language (`User.language`): see signals.py.
"""

from wagtail.permissions import register_permission_policy

from lms.form_fields import register_admin_overrides

# Before any admin form class is built: Wagtail imports the apps' wagtail_hooks in
# the order of INSTALLED_APPS, and this app comes first.
register_admin_overrides()

from .admin_viewsets import FirmPermissionPolicy  # noqa: E402
from .models import Firm  # noqa: E402

register_permission_policy(Firm, FirmPermissionPolicy(Firm))
