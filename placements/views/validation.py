"""Placement views: validation."""

urlpatterns = []
