from django.urls import path

from . import views

app_name = "verify"
urlpatterns = [
    path("", views.verify_form, name="form"),
    path("<str:code>/", views.verify_detail, name="detail"),
    path("<str:code>/badge.json", views.verify_badge, name="badge"),
    path("<str:code>/badge.jwt", views.verify_badge_signed, name="badge_signed"),
]
