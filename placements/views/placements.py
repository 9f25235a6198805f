"""Placement views: placements."""

urlpatterns = []
