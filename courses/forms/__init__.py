"""Split by area of the course side: runs, enrolment, plans, participant."""
