"""Who may do what with runs, sessions, enrolments and plans (django-rules)."""

import rules

from lms.accounts.rules import is_administrator, is_course_leader, is_firm_contact


def _leader_run_ids(user):
    if not user.is_authenticated:
        return frozenset()
    cached = user.__dict__.get("_led_run_ids")
    if cached is None:
        cached = frozenset(user.led_runs.values_list("pk", flat=True))
        user.__dict__["_led_run_ids"] = cached
    return cached


def led_run_ids(user) -> frozenset[int]:
    """The runs the person leads (read once per request, on the user object)."""
    return _leader_run_ids(user)


@rules.predicate
def is_run_leader(user, run):
    """The person leads this run."""
    return run is not None and run.pk in _leader_run_ids(user)


@rules.predicate
def is_session_leader(user, session):
    return session is not None and session.run_id in _leader_run_ids(user)


@rules.predicate
def is_enrolment_contact(user, enrolment):
    """The person is the contact of the enrolled firm."""
    return enrolment is not None and is_firm_contact(user, enrolment.firm)


@rules.predicate
def is_enrolment_member(user, enrolment):
    from lms.accounts.rules import is_firm_member

    return enrolment is not None and is_firm_member(user, enrolment.firm)


@rules.predicate
def is_plan_contact(user, plan):
    return plan is not None and is_enrolment_contact(user, plan.enrolment)


@rules.predicate
def is_plan_member(user, plan):
    return plan is not None and is_enrolment_member(user, plan.enrolment)


@rules.predicate
def is_plan_leader(user, plan):
    return plan is not None and plan.enrolment.run_id in _leader_run_ids(user)


rules.add_perm("courses.add_courserun", is_course_leader | is_administrator)
rules.add_perm("courses.view_run", is_run_leader | is_administrator)
rules.add_perm("courses.manage_run", is_run_leader | is_administrator)
# Extra quiz attempts for a participant of the run.
rules.add_perm("courses.grant_attempts", is_run_leader | is_administrator)
rules.add_perm("courses.take_attendance", is_session_leader | is_administrator)
rules.add_perm("courses.manage_session", is_session_leader | is_administrator)
rules.add_perm("courses.manage_enrolment", is_enrolment_contact | is_administrator)
rules.add_perm("courses.view_enrolment", is_enrolment_member | is_administrator)
rules.add_perm("courses.view_plan", is_plan_member | is_plan_leader | is_administrator)
rules.add_perm("courses.edit_plan", is_plan_contact | is_administrator)
rules.add_perm("courses.review_plan", is_plan_leader | is_administrator)


# --- Certification -------------------------------------------------------------


@rules.predicate
def is_enrolment_leader(user, enrolment):
    """The person leads the run the firm is enrolled in."""
    return enrolment is not None and enrolment.run_id in _leader_run_ids(user)


@rules.predicate
def is_certification_leader(user, certification):
    return certification is not None and is_enrolment_leader(
        user, certification.enrolment
    )


@rules.predicate
def is_certification_member(user, certification):
    return certification is not None and is_enrolment_member(
        user, certification.enrolment
    )


@rules.predicate
def is_certification_contact(user, certification):
    return certification is not None and is_enrolment_contact(
        user, certification.enrolment
    )


@rules.predicate
def is_certificate_holder(user, certificate):
    return certificate is not None and certificate.user_id == user.pk


@rules.predicate
def is_certificate_run_leader(user, certificate):
    return certificate is not None and certificate.run_id in _leader_run_ids(user)


rules.add_perm("courses.certify_firm", is_enrolment_leader | is_administrator)
rules.add_perm(
    "courses.view_certification",
    is_certification_member | is_certification_leader | is_administrator,
)
rules.add_perm(
    "courses.manage_certification", is_certification_leader | is_administrator
)
rules.add_perm("courses.file_follow_up", is_certification_contact | is_administrator)
rules.add_perm(
    "courses.view_course_certificate",
    is_certificate_holder | is_certificate_run_leader | is_administrator,
)
rules.add_perm(
    "courses.manage_course_certificate", is_certificate_run_leader | is_administrator
)
