"""Placement views: evaluations."""

urlpatterns = []
