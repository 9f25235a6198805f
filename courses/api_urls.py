"""Machine-readable endpoints under /api/ (README: "API for procurement systems")."""

from django.urls import path

from .views import api

app_name = "courses_api"

urlpatterns = [
    path(
        "certifications/<str:org_number>/",
        api.firm_certifications,
        name="firm_certifications",
    ),
]
