"""Validation pages, mounted at /validering/ (see each views module's patterns)."""

from .views import cases, certificates, staff

app_name = "validation"

urlpatterns = [
    *cases.urlpatterns,
    *staff.urlpatterns,
    *certificates.urlpatterns,
]
