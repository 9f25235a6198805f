from .views import (
    certification,
    checklist,
    enrolment,
    leader,
    participant,
    plan,
    quiz,
    quiz_results,
)

app_name = "courses"

urlpatterns = [
    *leader.urlpatterns,
    *quiz_results.urlpatterns,
    *enrolment.urlpatterns,
    *plan.urlpatterns,
    *participant.urlpatterns,
    *quiz.urlpatterns,
    *certification.urlpatterns,
    *checklist.urlpatterns,
]
