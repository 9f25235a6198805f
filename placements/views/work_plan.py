"""Placement views: work_plan."""

urlpatterns = []
