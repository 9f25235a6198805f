from .views import leader, participant, plan

app_name = "courses"

urlpatterns = [
    *leader.urlpatterns,
    *plan.urlpatterns,
    *participant.urlpatterns,
]
