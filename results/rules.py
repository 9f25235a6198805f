"""Who may see and write results (object permissions through `rules`).

- The yearly follow-up (a `courses.FollowUpReport` with its figures): the firm's
  contact files, sees and corrects it; the leader of the run the firm was
  certified in sees it; administrators do everything.
- The dashboard: programme owners and administrators see every firm's
  aggregates, course leaders those of their own runs (`dashboard_run_ids`).
  Programme owners never see a firm's unpublished account.
- The public figures need no permission: they are suppressed counts.
"""

import rules

from courses.rules import (
    is_certification_contact,
    is_certification_leader,
    led_run_ids,
)
from lms.accounts.rules import is_administrator, is_course_leader, is_programme_owner


@rules.predicate
def is_report_contact(user, report):
    return report is not None and is_certification_contact(user, report.certification)


@rules.predicate
def is_report_leader(user, report):
    return report is not None and is_certification_leader(user, report.certification)


sees_every_firm = is_programme_owner | is_administrator

rules.add_perm("results.file_follow_up", is_certification_contact | is_administrator)
rules.add_perm("results.change_follow_up", is_report_contact | is_administrator)
rules.add_perm(
    "results.view_follow_up", is_report_contact | is_report_leader | is_administrator
)
rules.add_perm("results.view_dashboard", sees_every_firm | is_course_leader)


def dashboard_run_ids(user) -> frozenset[int] | None:
    """The runs whose figures the person's dashboard counts: None for every run
    (programme owners, administrators), else the runs they lead."""
    if sees_every_firm(user):
        return None
    return led_run_ids(user)
