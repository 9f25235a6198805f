"""Reads for results: `follow_up` (a firm's reports), `dashboard` (the tables of
the dashboard, grouped in the database), `public` (the suppressed figures)."""
