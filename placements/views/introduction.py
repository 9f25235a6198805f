"""Placement views: introduction."""

urlpatterns = []
