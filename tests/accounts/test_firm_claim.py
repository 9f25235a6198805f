"""An organisation number that is already registered gives nobody the firm's data:
it becomes a request to join, which the firm's contact or a leader of its run
decides."""

import re
from http import HTTPStatus

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from courses.models import EnrolmentStatus
from lms.accounts import demo
from lms.accounts.models import ClaimStatus, Firm, FirmClaim, Membership, User
from lms.accounts.signup import services as signup
from lms.notifications.kinds import Kind
from lms.notifications.models import Notification

from ..courses import factories as courses
from ..helpers import assert_shows_message
from .factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
PASSWORD = "Lang-og-trygg-2026"


def form_data(firm, **changes):
    data = {
        "org_number": firm.org_number_display,
        "firm_name": "Et annet navn AS",
        "municipality": "Bærum",
        "industry": "G",
        "size_band": "1-4",
        "first_name": "Lars",
        "last_name": "Nilsen",
        "email": "lars@example.no",
        "language": "nb",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "run": "",
        "message": "Jeg er ny daglig leder.",
    }
    data.update(changes)
    return data


def confirm_path() -> str:
    body = next(m for m in mail.outbox if "/signup/confirm/" in m.body).body
    return re.search(r"https?://[^/\s]+(/accounts/signup/confirm/[^/\s]+/)", body)[1]


def claim_by_signup(client, firm, **changes) -> User:
    """A visitor signs up with `firm`'s number and confirms the address."""
    response = client.post(SIGNUP, form_data(firm, **changes))
    assert response.status_code == HTTPStatus.FOUND
    response = client.post(confirm_path())
    assert response.status_code == HTTPStatus.FOUND
    return User.objects.get(email="lars@example.no")


def decide(client, claim, decision):
    return client.post(
        reverse("accounts:claim_decide", args=[claim.firm.org_number, claim.pk]),
        {"decision": decision},
    )


@pytest.fixture
def enrolment(db):
    """A firm with a contact, accepted in a run with a leader."""
    return courses.enrolment(run_=courses.run(), status=EnrolmentStatus.ACCEPTED)


@pytest.fixture
def claim(enrolment):
    person = UserFactory()
    return signup.claim_create(firm=enrolment.firm, person=person, message="Hei")


# --- A sign-up with a registered number becomes a request -------------------------


def test_a_registered_number_at_submit_becomes_a_request_after_confirmation(
    client, enrolment, django_capture_on_commit_callbacks
):
    firm = enrolment.firm
    with django_capture_on_commit_callbacks(execute=True):
        person = claim_by_signup(client, firm)
    claim = FirmClaim.objects.get()
    assert (claim.firm, claim.person, claim.status) == (
        firm,
        person,
        ClaimStatus.PENDING,
    )
    assert claim.message == "Jeg er ny daglig leder."
    # The firm is untouched: no second firm, no new name, no membership.
    assert Firm.objects.count() == 1
    firm.refresh_from_db()
    assert firm.name != "Et annet navn AS"
    assert not Membership.objects.filter(user=person).exists()
    # The firm's contact is told, and only they.
    told = Notification.objects.get(kind=Kind.FIRM_CLAIM_REQUESTED)
    assert told.recipient == enrolment.contact
    assert told.url == firm.get_absolute_url()
    request_mail = [m for m in mail.outbox if m.to == [enrolment.contact.email]]
    assert len(request_mail) == 1
    assert "lars@example.no" in request_mail[0].body


def test_the_confirm_page_says_it_will_be_a_request(client, enrolment):
    client.post(SIGNUP, form_data(enrolment.firm))
    client.cookies["django_language"] = "en"
    page = client.get(confirm_path()).content.decode()
    assert "This organisation number is already registered here." in page
    assert FirmClaim.objects.count() == 0  # not before the address is confirmed


def test_a_number_registered_between_submit_and_confirmation_becomes_a_request(
    client,
):
    from .factories import FirmFactory

    number = FirmFactory.build().org_number
    response = client.post(
        SIGNUP,
        form_data(Firm(org_number=number), run=""),
    )
    assert response.status_code == HTTPStatus.FOUND
    firm = Firm.objects.create(
        name="Først AS",
        org_number=number,
        municipality="Asker",
        industry="C",
        size_band="1-4",
    )
    client.post(confirm_path())
    person = User.objects.get(email="lars@example.no")
    assert FirmClaim.objects.get().firm == firm
    assert FirmClaim.objects.get().person == person
    assert Firm.objects.count() == 1
    assert not Membership.objects.filter(user=person).exists()


def test_a_logged_in_person_asks_to_join_from_the_same_page(client, enrolment):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        SIGNUP,
        {
            "org_number": enrolment.firm.org_number,
            "firm_name": "Uansett AS",
            "municipality": "Asker",
            "industry": "C",
            "size_band": "1-4",
            "message": "Hei",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    claim = FirmClaim.objects.get()
    assert (claim.person, claim.firm) == (person, enrolment.firm)
    assert not Membership.objects.filter(user=person).exists()


def test_a_contact_cannot_ask_to_join_their_own_firm(enrolment):
    with pytest.raises(ValidationError) as error:
        signup.claim_create(firm=enrolment.firm, person=enrolment.contact)
    assert error.value.messages == [
        str(signup.CLAIM_ALREADY_CONTACT_MESSAGE) % {"firm": enrolment.firm.name}
    ]
    assert FirmClaim.objects.count() == 0


def test_asking_twice_keeps_one_pending_request(claim):
    again = signup.claim_create(firm=claim.firm, person=claim.person)
    assert again == claim
    assert FirmClaim.objects.count() == 1


# --- The person who asked sees nothing until approved ------------------------------


def test_the_person_who_asked_sees_nothing_of_the_firm(client, enrolment):
    person = claim_by_signup(client, enrolment.firm)
    firm = enrolment.firm
    contact_name = enrolment.contact.get_full_name()
    pages = {
        "firm": reverse("accounts:firm_detail", args=[firm.org_number]),
        "edit": reverse("accounts:firm_edit", args=[firm.org_number]),
        "enrolment": reverse("courses:enrolment_detail", args=[enrolment.pk]),
        "plan": reverse("courses:plan_detail", args=[enrolment.pk]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND), (
            name
        )
        assert contact_name not in response.content.decode(), name
    # Their own pages list no firm and no run of it.
    for url in (reverse("accounts:profile"), reverse("courses:run_catalogue")):
        page = client.get(url, follow=True).content.decode()
        assert contact_name not in page
        assert reverse("courses:enrolment_detail", args=[enrolment.pk]) not in page
    assert not person.has_perm("accounts.view_firm", firm)


# --- Deciding -------------------------------------------------------------------


def test_the_firm_page_shows_the_request_to_its_contact(client, claim, enrolment):
    client.force_login(enrolment.contact)
    page = client.get(claim.firm.get_absolute_url()).content.decode()
    assert 'id="requests-to-join"' in page
    assert claim.person.email in page
    assert reverse("accounts:claim_decide", args=[claim.firm.org_number, claim.pk]) in (
        page
    )


def test_the_contact_approves_and_the_person_becomes_a_contact(
    client, claim, enrolment, django_capture_on_commit_callbacks
):
    client.force_login(enrolment.contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, claim, "approve")
    assert response.status_code == HTTPStatus.FOUND
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.decided_by == enrolment.contact
    assert claim.decided_at is not None
    membership = Membership.objects.get(user=claim.person, firm=claim.firm)
    assert membership.is_contact
    told = Notification.objects.get(kind=Kind.FIRM_CLAIM_DECIDED)
    assert told.recipient == claim.person
    assert told.context["approved"] is True
    assert any(m.to == [claim.person.email] for m in mail.outbox)
    # Now the firm's page opens for them.
    client.force_login(claim.person)
    assert client.get(claim.firm.get_absolute_url()).status_code == HTTPStatus.OK


def test_a_leader_of_the_firms_run_approves_from_the_firm_page(
    client, claim, enrolment
):
    leader = enrolment.run.leaders.get()
    client.force_login(leader)
    page = client.get(claim.firm.get_absolute_url())
    assert page.status_code == HTTPStatus.OK
    assert claim.person.email in page.content.decode()
    decide(client, claim, "approve")
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == (ClaimStatus.APPROVED, leader)
    assert Membership.objects.get(user=claim.person, firm=claim.firm).is_contact


def test_declining_leaves_the_person_outside_and_tells_them(client, claim, enrolment):
    client.force_login(enrolment.contact)
    decide(client, claim, "decline")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECLINED
    assert not Membership.objects.filter(user=claim.person).exists()
    told = Notification.objects.get(kind=Kind.FIRM_CLAIM_DECIDED)
    assert (told.recipient, told.context["approved"]) == (claim.person, False)


def test_a_decided_request_cannot_be_decided_again(client, claim, enrolment):
    client.force_login(enrolment.contact)
    decide(client, claim, "decline")
    response = decide(client, claim, "approve")
    assert response.status_code == HTTPStatus.FOUND
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECLINED
    assert not Membership.objects.filter(user=claim.person).exists()
    page = client.get(response["Location"])
    assert_shows_message(page, signup.CLAIM_ALREADY_DECIDED_MESSAGE)


def test_an_unknown_decision_changes_nothing(client, claim, enrolment):
    client.force_login(enrolment.contact)
    assert decide(client, claim, "maybe").status_code == HTTPStatus.BAD_REQUEST
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


@pytest.mark.parametrize(
    "who", ["participant", "stranger", "other_leader", "claimant", "other_contact"]
)
def test_nobody_else_may_decide_or_see_the_requests(client, claim, enrolment, who):
    from lms.accounts import services

    firm = claim.firm
    if who == "participant":
        person = UserFactory()
        services.membership_add(firm=firm, user=person)
    elif who == "stranger":
        person = UserFactory()
    elif who == "other_leader":
        person = courses.run().leaders.get()
    elif who == "claimant":
        person = claim.person
    else:
        person = courses.enrolment(run_=enrolment.run).contact
    client.force_login(person)
    for decision in ("approve", "decline"):
        assert decide(client, claim, decision).status_code == HTTPStatus.FORBIDDEN
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING
    assert not Membership.objects.filter(
        user=claim.person, firm=firm, is_contact=True
    ).exists()
    page = client.get(firm.get_absolute_url())
    assert claim.person.email not in page.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, claim):
    response = decide(client, claim, "approve")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_request_for_another_firms_address_is_not_found(client, claim, enrolment):
    other = courses.enrolment(run_=enrolment.run)
    client.force_login(other.contact)
    response = client.post(
        reverse("accounts:claim_decide", args=[other.firm.org_number, claim.pk]),
        {"decision": "approve"},
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PENDING


def test_a_firm_without_contacts_tells_the_leaders_of_its_runs(db):
    run = courses.run()
    enrolment = courses.enrolment(run_=run, status=EnrolmentStatus.APPLIED)
    Membership.objects.filter(firm=enrolment.firm).update(is_contact=False)
    signup.claim_create(firm=enrolment.firm, person=UserFactory())
    told = Notification.objects.get(kind=Kind.FIRM_CLAIM_REQUESTED)
    assert told.recipient == run.leaders.get()


# --- Demo -----------------------------------------------------------------------


def test_the_demo_contact_sees_a_pending_request_on_the_firm_page(client):
    demo.seed()
    demo.seed()  # idempotent: still one request
    firm = Firm.objects.get(org_number=demo.DEMO_FIRM_ORG_NUMBER)
    claim = FirmClaim.objects.get()
    assert (claim.firm, claim.status) == (firm, ClaimStatus.PENDING)
    client.force_login(User.objects.get(email=demo.demo_email("kontakt")))
    page = client.get(firm.get_absolute_url()).content.decode()
    assert claim.person.email in page


# --- Personal data --------------------------------------------------------------


def test_the_requests_are_in_the_export_and_their_words_go_with_the_account(
    client, enrolment
):
    from lms.accounts import personal_data, services
    from lms.accounts.models import FirmSignup

    person = claim_by_signup(client, enrolment.firm)
    exported = personal_data.export(person)["firm_requests"]
    assert exported["requests_to_join"][0]["message"] == "Jeg er ny daglig leder."
    assert exported["sign_ups"][0]["org_number"] == enrolment.firm.org_number
    services.user_anonymise(user=person)
    claim = FirmClaim.objects.get()
    assert claim.message == ""
    assert claim.person == person  # the firm's record of who asked stays
    assert not FirmSignup.objects.exists()


def test_a_contact_registering_their_own_firm_again_is_told_so(client, enrolment):
    client.force_login(enrolment.contact)
    response = client.post(
        SIGNUP,
        {
            "org_number": enrolment.firm.org_number,
            "firm_name": "Uansett AS",
            "municipality": "Asker",
            "industry": "C",
            "size_band": "1-4",
        },
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(
        response, signup.CLAIM_ALREADY_CONTACT_MESSAGE, firm=enrolment.firm.name
    )
    assert FirmClaim.objects.count() == 0
