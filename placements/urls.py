"""The trainee's journey, mounted at /praksis/ (see each views module's patterns)."""

from .views import evaluations, introduction, placements, validation, work_plan

app_name = "placements"

urlpatterns = [
    *placements.urlpatterns,
    *introduction.urlpatterns,
    *work_plan.urlpatterns,
    *evaluations.urlpatterns,
    *validation.urlpatterns,
]
