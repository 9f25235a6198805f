"""Results pages: the follow-up form (follow_up), the dashboard with its charts
and exports (dashboard), the public figures (public). Each module keeps its own
`urlpatterns`; results/urls.py joins them."""
