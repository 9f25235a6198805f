"""Who may do what on the validation side (object permissions through `rules`).

Case predicates take (user, case). A person sees a case when they are its
candidate, its assessor, its observer (a trainee's workplace mentor), its
internal verifier, the moderator whose sample holds it, or an administrator.
Programme owners see counts (the register), not cases. What an observer may add
to the portfolio is decided in `validation.services.portfolio`.
"""

import rules

from lms.accounts.rules import (
    is_administrator,
    is_assessor,
    is_external_moderator,
    is_internal_verifier,
    is_programme_owner,
)

# The panel that approves, versions and retires units: programme owners.
is_unit_panel = is_programme_owner | is_administrator


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def is_case_candidate(user, case) -> bool:
    return _active(user) and case is not None and case.candidate_id == user.pk


@rules.predicate
def is_case_assessor(user, case) -> bool:
    return _active(user) and case is not None and case.assessor_id == user.pk


@rules.predicate
def is_case_observer(user, case) -> bool:
    """The trainee's workplace mentor, while the trainee shares the case."""
    return _active(user) and case is not None and case.observer_id == user.pk


@rules.predicate
def is_case_verifier(user, case) -> bool:
    return _active(user) and case is not None and case.verifier_id == user.pk


@rules.predicate
def is_case_moderator(user, case) -> bool:
    if not _active(user) or case is None or case.moderation_sample_id is None:
        return False
    return case.moderation_sample.moderator_id == user.pk


@rules.predicate
def is_independent_of_case(user, case) -> bool:
    """Neither the candidate, the assessor nor the observer of the case."""
    return (
        _active(user)
        and case is not None
        and user.pk not in (case.candidate_id, case.assessor_id, case.observer_id)
    )


@rules.predicate
def is_sample_moderator(user, sample) -> bool:
    return _active(user) and sample is not None and sample.moderator_id == user.pk


# Certifying is a quality decision: an internal verifier who neither took nor
# assessed the case, or an administrator.
can_certify_case = (is_internal_verifier & is_independent_of_case) | is_administrator


@rules.predicate
def is_in_quality_checks(user, case) -> bool:
    """Assessed, verified or moderated: where certifying is decided."""
    return case is not None and case.status in ("assessed", "verified", "moderated")


# An independent internal verifier sees the cases they may certify.
can_view_case = (
    is_case_candidate
    | is_case_assessor
    | is_case_observer
    | is_case_verifier
    | (is_case_moderator & is_external_moderator)
    | (is_internal_verifier & is_independent_of_case & is_in_quality_checks)
    | is_administrator
)
can_plan_case = is_assessor | is_administrator

rules.add_perm("validation.decide_unit", is_unit_panel)
rules.add_perm("validation.view_case", can_view_case)
rules.add_perm("validation.plan_case", can_plan_case)
rules.add_perm("validation.certify_case", can_certify_case)
rules.add_perm("validation.draw_moderation_sample", is_external_moderator)
rules.add_perm("validation.view_assessor_queue", is_assessor)
rules.add_perm("validation.assess_case", is_case_assessor)
rules.add_perm(
    "validation.view_moderation_sample", is_sample_moderator & is_external_moderator
)
rules.add_perm(
    "validation.view_verification_queue", is_internal_verifier | is_administrator
)

# Certificates: the people of the case (not a moderator's sample), and
# administrators. The register of validated mentors is counts only.
can_view_certificate = (
    is_case_candidate | is_case_assessor | is_case_verifier | is_administrator
)
rules.add_perm("validation.view_certificate", can_view_certificate)
rules.add_perm("validation.view_register", is_programme_owner | is_administrator)
