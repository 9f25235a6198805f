from datetime import timedelta
from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.areas import Area
from courses.forms.plan import (
    MAX_COMMITMENTS,
    MEASURE_NOT_FOUND_MESSAGE,
    TOO_MANY_COMMITMENTS_MESSAGE,
)
from courses.models import (
    Commitment,
    EnrolmentStatus,
    InclusionPlan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
)
from courses.selectors import plans as selectors
from courses.services import plans as services

from ..accounts.factories import UserFactory
from ..cms import factories as cms_factories
from ..helpers import assert_shows_message
from . import factories

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Vi ansetter to lærlinger fra Ny Giv"


@pytest.fixture
def the_run():
    return factories.run()


@pytest.fixture
def enrolled(the_run):
    return factories.enrolment(run_=the_run, participants=2)


@pytest.fixture
def firm_contact(enrolled):
    return enrolled.contact


@pytest.fixture
def firm_member(enrolled):
    return enrolled.participants.exclude(pk=enrolled.contact.pk).get()


@pytest.fixture
def run_leader(the_run):
    return the_run.leaders.get()


@pytest.fixture
def plan(enrolled):
    return services.plan_get_or_create(enrolment=enrolled)


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


def row(**overrides):
    values = {
        "area": Area.ATTITUDES,
        "what": SECRET_TEXT,
        "measure": None,
        "responsible": "Daglig leder",
        "due_date": in_days(30),
        "is_public": True,
    }
    return {**values, **overrides}


def save(plan, by, *rows, expected_version=None):
    return services.plan_save(
        plan=plan,
        commitments=list(rows) or [row()],
        by=by,
        expected_version=plan.version if expected_version is None else expected_version,
    )


def set_status(plan, status):
    InclusionPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()


def url(enrolment, name="plan_detail"):
    return reverse(f"courses:{name}", kwargs={"enrolment_pk": enrolment.pk})


def form_data(rows, *, version, extra=1, initial=0):
    """The edit form as a browser posts it: the rows, then `extra` empty ones."""
    data = {
        "version": str(version),
        "commitments-TOTAL_FORMS": str(len(rows) + extra),
        "commitments-INITIAL_FORMS": str(initial),
        "commitments-MIN_NUM_FORMS": "0",
        "commitments-MAX_NUM_FORMS": "1000",
    }
    for i, item in enumerate(rows):
        for key, value in item.items():
            if key == "is_public":
                if value:
                    data[f"commitments-{i}-is_public"] = "on"
            elif key == "DELETE":
                if value:
                    data[f"commitments-{i}-DELETE"] = "on"
            elif key == "measure":
                data[f"commitments-{i}-measure"] = "" if value is None else str(value)
            else:
                data[f"commitments-{i}-{key}"] = str(value)
    for i in range(len(rows), len(rows) + extra):
        data[f"commitments-{i}-area"] = ""
        data[f"commitments-{i}-what"] = ""
        data[f"commitments-{i}-measure"] = ""
        data[f"commitments-{i}-responsible"] = ""
        data[f"commitments-{i}-due_date"] = ""
    return data


def form_row(**overrides):
    values = row(**overrides)
    values["due_date"] = values["due_date"].isoformat()
    return values


# --- Creating the plan -------------------------------------------------------------


def test_contacts_first_visit_creates_a_draft_plan(client, enrolled, firm_contact):
    client.force_login(firm_contact)
    response = client.get(url(enrolled))
    assert response.status_code == HTTPStatus.OK
    plan = InclusionPlan.objects.get(enrolment=enrolled)
    assert plan.status == PlanStatus.DRAFT
    assert plan.version == 1
    assert plan.commitments.count() == 0
    # A second visit does not make another.
    client.get(url(enrolled))
    assert InclusionPlan.objects.filter(enrolment=enrolled).count() == 1


def test_member_visiting_before_the_contact_sees_it_is_not_started(
    client, enrolled, firm_member
):
    client.force_login(firm_member)
    response = client.get(url(enrolled))
    assert response.status_code == HTTPStatus.OK
    assert 'id="plan-not-started"' in response.content.decode()
    assert not InclusionPlan.objects.filter(enrolment=enrolled).exists()


@pytest.mark.parametrize("status", [EnrolmentStatus.APPLIED, EnrolmentStatus.WITHDRAWN])
def test_no_plan_for_an_enrolment_that_is_not_accepted(client, the_run, status):
    enrolment = factories.enrolment(run_=the_run, status=status)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_get_or_create(enrolment=enrolment)
    assert excinfo.value.messages == [str(services.PLAN_ENROLMENT_NOT_ACCEPTED_MESSAGE)]
    client.force_login(enrolment.contact)
    for name in ["plan_detail", "plan_edit", "plan_review"]:
        assert client.get(url(enrolment, name)).status_code == HTTPStatus.NOT_FOUND
    assert not InclusionPlan.objects.exists()


def test_unknown_enrolment_is_404(client, firm_contact):
    client.force_login(firm_contact)
    response = client.get(reverse("courses:plan_detail", args=[999999]))
    assert response.status_code == HTTPStatus.NOT_FOUND


# --- The state machine --------------------------------------------------------------

ALLOWED = [
    (PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanEventKind.SUBMITTED),
    (PlanStatus.CHANGES_REQUESTED, PlanStatus.SUBMITTED, PlanEventKind.SUBMITTED),
    (PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanEventKind.APPROVED),
    (
        PlanStatus.SUBMITTED,
        PlanStatus.CHANGES_REQUESTED,
        PlanEventKind.CHANGES_REQUESTED,
    ),
]


@pytest.mark.parametrize(("source", "target", "kind"), ALLOWED)
def test_allowed_transition_changes_status_and_records_event(
    plan, firm_contact, run_leader, source, target, kind
):
    save(plan, firm_contact)
    set_status(plan, source)
    event = services.plan_transition(
        plan=plan, to=target, by=run_leader, comment="  Fint arbeid.  "
    )
    plan.refresh_from_db()
    assert plan.status == target
    assert plan.updated_by == run_leader
    assert event.kind == kind
    assert event.version == plan.version == 2
    assert event.by == run_leader
    assert event.comment == "Fint arbeid."
    assert event.snapshot == [
        {
            "area": "attitudes",
            "what": SECRET_TEXT,
            "measure_id": None,
            "measure": "",
            "responsible": "Daglig leder",
            "due_date": in_days(30).isoformat(),
            "is_public": True,
        }
    ]


REFUSED = [
    (source, target)
    for source in PlanStatus
    for target in PlanStatus
    if (source, target) not in {(s, t) for s, t, _kind in ALLOWED}
]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_refused_transition_changes_nothing(
    plan, firm_contact, run_leader, source, target
):
    save(plan, firm_contact)
    set_status(plan, source)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_transition(plan=plan, to=target, by=run_leader, comment="Ok")
    expected = {
        PlanStatus.SUBMITTED: services.PLAN_SUBMIT_NOT_ALLOWED_MESSAGE,
        PlanStatus.APPROVED: services.PLAN_REVIEW_NOT_ALLOWED_MESSAGE,
        PlanStatus.CHANGES_REQUESTED: services.PLAN_REVIEW_NOT_ALLOWED_MESSAGE,
        PlanStatus.DRAFT: services.PLAN_TRANSITION_NOT_ALLOWED_MESSAGE,
    }[target]
    assert excinfo.value.messages == [str(expected)]
    assert excinfo.value.code == "transition_not_allowed"
    plan.refresh_from_db()
    assert plan.status == source
    assert not PlanEvent.objects.exists()


def test_submit_approve_and_request_changes_use_the_table(
    plan, firm_contact, run_leader
):
    save(plan, firm_contact)
    services.plan_submit(plan=plan, by=firm_contact)
    assert plan.status == PlanStatus.SUBMITTED
    services.plan_request_changes(plan=plan, by=run_leader, comment="Mer konkret.")
    assert plan.status == PlanStatus.CHANGES_REQUESTED
    services.plan_submit(plan=plan, by=firm_contact)
    services.plan_approve(plan=plan, by=run_leader)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    assert list(plan.events.values_list("kind", flat=True)) == [
        PlanEventKind.SUBMITTED,
        PlanEventKind.CHANGES_REQUESTED,
        PlanEventKind.SUBMITTED,
        PlanEventKind.APPROVED,
    ]


def test_requesting_changes_needs_a_comment(plan, firm_contact, run_leader):
    save(plan, firm_contact)
    services.plan_submit(plan=plan, by=firm_contact)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_request_changes(plan=plan, by=run_leader, comment="   ")
    assert excinfo.value.message_dict == {
        "comment": [str(services.PLAN_COMMENT_REQUIRED_MESSAGE)]
    }
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.events.count() == 1


def test_an_empty_plan_cannot_be_submitted(client, enrolled, plan, firm_contact):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_submit(plan=plan, by=firm_contact)
    assert excinfo.value.messages == [str(services.PLAN_EMPTY_MESSAGE)]
    client.force_login(firm_contact)
    response = client.post(url(enrolled, "plan_submit"), follow=True)
    assert_shows_message(response, services.PLAN_EMPTY_MESSAGE)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert not plan.events.exists()


# --- Editing and optimistic locking ------------------------------------------------


def test_contact_saves_commitments_through_the_formset(
    client, enrolled, plan, firm_contact
):
    measure = cms_factories.measure(name="Lønnstilskudd")
    client.force_login(firm_contact)
    assert client.get(url(enrolled, "plan_edit")).status_code == HTTPStatus.OK
    response = client.post(
        url(enrolled, "plan_edit"),
        form_data(
            [
                form_row(area=Area.TRAINING, what="Fadderordning", measure=measure.pk),
                form_row(area=Area.ATTITUDES, is_public=False),
            ],
            version=1,
            extra=3,
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(enrolled)
    plan.refresh_from_db()
    assert plan.version == 2
    assert plan.updated_by == firm_contact
    saved = list(plan.commitments.order_by("area"))
    assert [(c.area, c.what, c.measure, c.is_public) for c in saved] == [
        (Area.ATTITUDES, SECRET_TEXT, None, False),
        (Area.TRAINING, "Fadderordning", measure, True),
    ]
    page = client.get(url(enrolled)).content.decode()
    assert "Fadderordning" in page and "Lønnstilskudd" in page


def test_ticking_delete_or_blanking_a_row_removes_the_commitment(
    client, enrolled, plan, firm_contact
):
    save(plan, firm_contact, row(what="Beholdes"), row(what="Fjernes"), row())
    client.force_login(firm_contact)
    response = client.post(
        url(enrolled, "plan_edit"),
        form_data(
            [
                form_row(what="Beholdes"),
                form_row(what="Fjernes", DELETE=True),
                {"area": "", "what": "", "responsible": "", "due_date": ""},
            ],
            version=2,
            initial=3,
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert list(plan.commitments.values_list("what", flat=True)) == ["Beholdes"]


def test_two_saves_from_the_same_version_second_gets_conflict(plan, firm_contact):
    save(plan, firm_contact, row(what="Først"), expected_version=1)
    stale = InclusionPlan.objects.get(pk=plan.pk)
    with pytest.raises(ValidationError) as excinfo:
        save(stale, firm_contact, row(what="Sist"), expected_version=1)
    assert excinfo.value.code == "conflict"
    assert excinfo.value.messages == [str(services.PLAN_CONFLICT_MESSAGE)]
    assert list(plan.commitments.values_list("what", flat=True)) == ["Først"]
    plan.refresh_from_db()
    assert plan.version == 2


def test_conflicting_save_in_the_browser_keeps_typed_text_and_shows_saved_plan(
    client, enrolled, plan, firm_contact
):
    client.force_login(firm_contact)
    first = client.post(
        url(enrolled, "plan_edit"),
        form_data([form_row(what="Kollegaens tekst")], version=1),
    )
    assert first.status_code == HTTPStatus.FOUND

    response = client.post(
        url(enrolled, "plan_edit"),
        form_data([form_row(what="Min egen tekst som ikke må forsvinne")], version=1),
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, services.PLAN_CONFLICT_MESSAGE)
    page = response.content.decode()
    assert "Min egen tekst som ikke må forsvinne" in page
    # The saved plan is shown to compare with, and the next save is based on it.
    assert 'id="saved-plan"' in page and "Kollegaens tekst" in page
    assert '<input type="hidden" name="version" value="2"' in page
    assert list(plan.commitments.values_list("what", flat=True)) == ["Kollegaens tekst"]
    plan.refresh_from_db()
    assert plan.version == 2

    again = client.post(
        url(enrolled, "plan_edit"),
        form_data([form_row(what="Min egen tekst som ikke må forsvinne")], version=2),
    )
    assert again.status_code == HTTPStatus.FOUND
    assert list(plan.commitments.values_list("what", flat=True)) == [
        "Min egen tekst som ikke må forsvinne"
    ]


def test_past_due_date_is_refused_and_nothing_is_saved(
    client, enrolled, plan, firm_contact
):
    yesterday = in_days(-1)
    with pytest.raises(ValidationError) as excinfo:
        save(plan, firm_contact, row(due_date=yesterday))
    assert excinfo.value.code == "due_date_in_past"

    client.force_login(firm_contact)
    response = client.post(
        url(enrolled, "plan_edit"),
        form_data([form_row(), form_row(due_date=yesterday)], version=1),
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(
        response,
        services.DUE_DATE_IN_PAST_MESSAGE,
        date=yesterday.strftime("%d.%m.%Y"),
    )
    assert 'role="alert"' in response.content.decode()
    assert not Commitment.objects.exists()
    plan.refresh_from_db()
    assert plan.version == 1


def test_today_is_an_allowed_due_date(plan, firm_contact):
    save(plan, firm_contact, row(due_date=timezone.localdate()))
    assert plan.commitments.count() == 1


def test_empty_what_and_responsible_are_field_errors(
    client, enrolled, plan, firm_contact
):
    client.force_login(firm_contact)
    response = client.post(
        url(enrolled, "plan_edit"),
        form_data([form_row(what="  ", responsible="")], version=1),
    )
    assert response.status_code == HTTPStatus.OK
    errors = response.context["formset"].forms[0].errors
    assert set(errors) == {"what", "responsible"}
    assert not Commitment.objects.exists()


def test_unknown_measure_is_refused(client, enrolled, plan, firm_contact):
    client.force_login(firm_contact)
    response = client.post(
        url(enrolled, "plan_edit"), form_data([form_row(measure=987654)], version=1)
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, MEASURE_NOT_FOUND_MESSAGE)
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (PlanStatus.SUBMITTED, services.PLAN_SUBMITTED_READ_ONLY_MESSAGE),
        (PlanStatus.APPROVED, services.PLAN_APPROVED_READ_ONLY_MESSAGE),
    ],
)
def test_submitted_or_approved_plan_is_read_only_for_the_contact(
    client, enrolled, plan, firm_contact, status, message
):
    save(plan, firm_contact, row(what="Innsendt tekst"))
    set_status(plan, status)
    with pytest.raises(ValidationError) as excinfo:
        save(plan, firm_contact, row(what="Endret"))
    assert excinfo.value.messages == [str(message)]

    client.force_login(firm_contact)
    response = client.get(url(enrolled, "plan_edit"), follow=True)
    assert response.redirect_chain == [(url(enrolled), HTTPStatus.FOUND)]
    assert_shows_message(response, message)
    assert 'id="plan-edit-link"' not in response.content.decode()
    assert 'id="plan-submit"' not in response.content.decode()

    response = client.post(
        url(enrolled, "plan_edit"), form_data([form_row(what="Endret")], version=2)
    )
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, message)
    assert list(plan.commitments.values_list("what", flat=True)) == ["Innsendt tekst"]


# --- Pages and review through the views ---------------------------------------------


def test_contact_submits_and_leader_requests_changes_with_comment(
    client, enrolled, plan, firm_contact, run_leader
):
    save(plan, firm_contact)
    client.force_login(firm_contact)
    response = client.post(url(enrolled, "plan_submit"))
    assert response.status_code == HTTPStatus.FOUND
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED

    client.force_login(run_leader)
    response = client.get(url(enrolled, "plan_review"))
    assert response.status_code == HTTPStatus.OK
    assert SECRET_TEXT in response.content.decode()
    response = client.post(
        url(enrolled, "plan_review"),
        {"decision": "request_changes", "comment": ""},
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, services.PLAN_COMMENT_REQUIRED_MESSAGE)
    response = client.post(
        url(enrolled, "plan_review"),
        {"decision": "request_changes", "comment": "Legg til en frist for mentor."},
    )
    assert response.status_code == HTTPStatus.FOUND
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED

    client.force_login(firm_contact)
    page = client.get(url(enrolled)).content.decode()
    assert 'id="review-comment"' in page
    assert "Legg til en frist for mentor." in page
    assert 'id="plan-edit-link"' in page


def test_leader_approves_with_a_comment(
    client, enrolled, plan, firm_contact, run_leader
):
    save(plan, firm_contact)
    services.plan_submit(plan=plan, by=firm_contact)
    client.force_login(run_leader)
    response = client.post(
        url(enrolled, "plan_review"), {"decision": "approve", "comment": "Bra!"}
    )
    assert response.status_code == HTTPStatus.FOUND
    event = plan.events.last()
    assert (event.kind, event.comment, event.by) == (
        PlanEventKind.APPROVED,
        "Bra!",
        run_leader,
    )


def test_leader_cannot_approve_a_draft(
    client, enrolled, plan, firm_contact, run_leader
):
    save(plan, firm_contact)
    client.force_login(run_leader)
    response = client.post(url(enrolled, "plan_review"), {"decision": "approve"})
    assert response.status_code == HTTPStatus.CONFLICT
    assert_shows_message(response, services.PLAN_REVIEW_NOT_ALLOWED_MESSAGE)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert not plan.events.exists()


def test_contact_cannot_submit_an_approved_plan_twice(
    client, enrolled, plan, firm_contact
):
    save(plan, firm_contact)
    set_status(plan, PlanStatus.APPROVED)
    client.force_login(firm_contact)
    response = client.post(url(enrolled, "plan_submit"), follow=True)
    assert_shows_message(response, services.PLAN_SUBMIT_NOT_ALLOWED_MESSAGE)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED


# --- Permissions ---------------------------------------------------------------------


def test_member_may_view_but_not_edit_submit_or_review(
    client, enrolled, plan, firm_contact, firm_member
):
    save(plan, firm_contact)
    client.force_login(firm_member)
    response = client.get(url(enrolled))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert SECRET_TEXT in page
    assert 'id="plan-edit-link"' not in page and 'id="plan-submit"' not in page
    for name in ["plan_edit", "plan_review"]:
        response = client.get(url(enrolled, name))
        assert response.status_code == HTTPStatus.FORBIDDEN
        assert SECRET_TEXT not in response.content.decode()
    assert client.post(url(enrolled, "plan_submit")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_leader_of_the_run_may_view_and_review_but_not_edit(
    client, enrolled, plan, firm_contact, run_leader
):
    save(plan, firm_contact)
    client.force_login(run_leader)
    assert client.get(url(enrolled)).status_code == HTTPStatus.OK
    assert client.get(url(enrolled, "plan_review")).status_code == HTTPStatus.OK
    assert client.get(url(enrolled, "plan_edit")).status_code == HTTPStatus.FORBIDDEN
    assert client.post(url(enrolled, "plan_submit")).status_code == (
        HTTPStatus.FORBIDDEN
    )


def outsiders(the_run):
    other_run = factories.run()
    other_enrolment = factories.enrolment(run_=other_run)
    same_run_other_firm = factories.enrolment(run_=the_run)
    return {
        "contact of another firm in the same run": same_run_other_firm.contact,
        "contact of a firm in another run": other_enrolment.contact,
        "leader of another run": other_run.leaders.get(),
        "person with no role": UserFactory(),
    }


@pytest.mark.parametrize(
    "who",
    [
        "contact of another firm in the same run",
        "contact of a firm in another run",
        "leader of another run",
        "person with no role",
    ],
)
def test_outsiders_get_403_and_see_nothing(
    client, the_run, enrolled, plan, firm_contact, who
):
    save(plan, firm_contact)
    services.plan_submit(plan=plan, by=firm_contact)
    client.force_login(outsiders(the_run)[who])
    for name in ["plan_detail", "plan_edit", "plan_review"]:
        response = client.get(url(enrolled, name))
        assert response.status_code == HTTPStatus.FORBIDDEN, name
        assert SECRET_TEXT not in response.content.decode()
        assert enrolled.firm.name not in response.content.decode()
    for name, data in [
        ("plan_edit", form_data([form_row(what="Innbrudd")], version=2)),
        ("plan_submit", {}),
        ("plan_review", {"decision": "approve"}),
    ]:
        response = client.post(url(enrolled, name), data)
        assert response.status_code == HTTPStatus.FORBIDDEN, name
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.version == 2
    assert plan.events.count() == 1


def test_participant_who_is_not_contact_cannot_edit_via_post(
    client, enrolled, plan, firm_member
):
    client.force_login(firm_member)
    response = client.post(
        url(enrolled, "plan_edit"), form_data([form_row()], version=1)
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Commitment.objects.exists()


def test_anonymous_visitor_is_sent_to_login(client, enrolled, plan):
    response = client.get(url(enrolled))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))


# --- History and selectors -----------------------------------------------------------


def test_history_keeps_every_submitted_version_with_its_snapshot(
    client, enrolled, plan, firm_contact, run_leader
):
    save(plan, firm_contact, row(what="Første utkast"))
    services.plan_submit(plan=plan, by=firm_contact)
    services.plan_request_changes(plan=plan, by=run_leader, comment="Mer konkret.")
    first_events = list(PlanEvent.objects.order_by("pk").values())

    save(plan, firm_contact, row(what="Andre utkast"), row(area=Area.SUPPORT))
    services.plan_submit(plan=plan, by=firm_contact)
    services.plan_approve(plan=plan, by=run_leader, comment="Godkjent.")

    events = list(plan.events.order_by("pk"))
    assert [(e.kind, e.version, e.by, e.comment) for e in events] == [
        (PlanEventKind.SUBMITTED, 2, firm_contact, ""),
        (PlanEventKind.CHANGES_REQUESTED, 2, run_leader, "Mer konkret."),
        (PlanEventKind.SUBMITTED, 3, firm_contact, ""),
        (PlanEventKind.APPROVED, 3, run_leader, "Godkjent."),
    ]
    assert [r["what"] for r in events[0].snapshot] == ["Første utkast"]
    assert [r["what"] for r in events[2].snapshot] == ["Andre utkast", SECRET_TEXT]
    # The earlier events were not touched by the later steps.
    assert list(PlanEvent.objects.order_by("pk").values())[:2] == first_events

    client.force_login(firm_contact)
    page = client.get(url(enrolled)).content.decode()
    assert "Første utkast" in page  # in the history's snapshot
    assert "Mer konkret." in page and "Godkjent." in page


def test_plan_selector_uses_a_fixed_number_of_queries(
    django_assert_num_queries, enrolled, plan, firm_contact, run_leader
):
    measures = [cms_factories.measure() for _ in range(3)]
    save(
        plan,
        firm_contact,
        *[
            row(measure=m, area=a)
            for m, a in zip(measures, list(Area)[:3], strict=True)
        ],
    )
    services.plan_submit(plan=plan, by=firm_contact)
    services.plan_request_changes(plan=plan, by=run_leader, comment="Mer.")
    with django_assert_num_queries(3):
        loaded = selectors.plan_for_enrolment(enrolment=enrolled)
        areas = selectors.plan_commitments_by_area(plan=loaded)
        names = [c.measure.name for group in areas for c in group.commitments]
        people = [str(e.by) for e in loaded.events.all()]
        review = selectors.plan_latest_review(plan=loaded)
    assert sorted(names) == sorted(m.name for m in measures)
    assert len(people) == 2
    assert review.comment == "Mer."
    assert [group.area for group in areas] == list(Area)


def test_plan_status_by_enrolment(the_run, enrolled, plan, firm_contact):
    without_plan = factories.enrolment(run_=the_run)
    save(plan, firm_contact)
    services.plan_submit(plan=plan, by=firm_contact)
    statuses = selectors.plan_status_by_enrolment([enrolled.pk, without_plan.pk])
    assert statuses == {enrolled.pk: PlanStatus.SUBMITTED}


# --- Forged and oversized posts ------------------------------------------------------


def test_a_forged_total_forms_builds_no_more_than_the_maximum_and_saves_nothing(
    client, enrolled, plan, firm_contact
):
    save(plan, firm_contact, row(what="Allerede lagret"))
    client.force_login(firm_contact)
    client.cookies["django_language"] = "en"
    data = form_data([form_row(what="Ny rad")], version=2)
    data["commitments-TOTAL_FORMS"] = "2000"
    response = client.post(url(enrolled, "plan_edit"), data)
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["formset"].forms) <= MAX_COMMITMENTS
    # Far from the 8 MB a page of 2,000 rows came to.
    assert len(response.content) < 500_000
    assert_shows_message(response, TOO_MANY_COMMITMENTS_MESSAGE, num=MAX_COMMITMENTS)
    # What the person typed is still in the form, and nothing was saved.
    assert "Ny rad" in response.content.decode()
    plan.refresh_from_db()
    assert plan.version == 2
    assert list(plan.commitments.values_list("what", flat=True)) == ["Allerede lagret"]


def test_a_plan_may_hold_the_maximum_number_of_commitments_but_not_more(
    client, enrolled, plan, firm_contact
):
    client.force_login(firm_contact)
    client.cookies["django_language"] = "en"
    rows = [form_row(what=f"Tiltak {n}") for n in range(MAX_COMMITMENTS + 1)]
    response = client.post(
        url(enrolled, "plan_edit"), form_data(rows, version=1, extra=0)
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, TOO_MANY_COMMITMENTS_MESSAGE, num=MAX_COMMITMENTS)
    assert not plan.commitments.exists()
    response = client.post(
        url(enrolled, "plan_edit"),
        form_data(rows[:MAX_COMMITMENTS], version=1, extra=0),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert plan.commitments.count() == MAX_COMMITMENTS


def test_the_edit_page_never_offers_more_rows_than_may_be_saved(
    client, enrolled, plan, firm_contact
):
    save(plan, firm_contact, *[row(what=f"Tiltak {n}") for n in range(49)])
    client.force_login(firm_contact)
    response = client.get(url(enrolled, "plan_edit"))
    assert len(response.context["formset"].forms) == MAX_COMMITMENTS


def test_a_post_with_too_many_fields_is_refused_with_a_clear_page(
    client, enrolled, plan, firm_contact, settings
):
    client.force_login(firm_contact)
    client.cookies["django_language"] = "en"
    data = form_data([form_row()], version=1)
    too_many = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    data.update({f"junk-{n}": "x" for n in range(too_many)})
    response = client.post(url(enrolled, "plan_edit"), data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "We could not read what you sent" in response.content.decode()
    assert not plan.commitments.exists()
