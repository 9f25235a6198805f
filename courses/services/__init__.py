"""Writes for the course side. Import from the submodule: `from courses.services import
runs` then `runs.run_create_from_course(...)`."""
