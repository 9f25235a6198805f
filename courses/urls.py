from .views import enrolment, leader, participant, plan

app_name = "courses"

urlpatterns = [
    *leader.urlpatterns,
    *enrolment.urlpatterns,
    *plan.urlpatterns,
    *participant.urlpatterns,
]
