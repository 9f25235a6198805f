"""People and firms in Wagtail's admin.

Firms are listed in the "Course administration" menu (courses.wagtail_hooks);
their permission policy is registered here, before any view asks for one. The
admin speaks the person's own language (`User.language`): see signals.py.
"""

from wagtail.permissions import register_permission_policy

from .admin_viewsets import FirmPermissionPolicy
from .models import Firm

register_permission_policy(Firm, FirmPermissionPolicy(Firm))
