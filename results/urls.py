from .views import dashboard, follow_up, public

app_name = "results"

urlpatterns = [*follow_up.urlpatterns, *dashboard.urlpatterns, *public.urlpatterns]
