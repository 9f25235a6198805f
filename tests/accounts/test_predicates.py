from django.contrib.auth.models import AnonymousUser

import pytest

from lms.accounts import rules as predicates
from lms.accounts import services
from lms.accounts.roles import Role

from .factories import FirmFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_member_and_contact_predicates_are_scoped_to_the_firm(firm, member, contact):
    other_firm = FirmFactory()
    assert predicates.is_firm_member(member, firm)
    assert not predicates.is_firm_contact(member, firm)
    assert predicates.is_firm_member(contact, firm)
    assert predicates.is_firm_contact(contact, firm)
    assert not predicates.is_firm_member(member, other_firm)
    assert not predicates.is_firm_contact(contact, other_firm)


def test_anonymous_and_inactive_people_hold_nothing(firm, member):
    anonymous = AnonymousUser()
    assert not predicates.is_firm_member(anonymous, firm)
    assert not predicates.is_course_leader(anonymous)
    assert not predicates.is_administrator(anonymous)
    member.is_active = False
    assert not predicates.is_firm_member(member, firm)


@pytest.mark.parametrize(
    ("role", "predicate"),
    [
        (Role.COURSE_LEADER, "is_course_leader"),
        (Role.CANDIDATE, "is_candidate"),
        (Role.ASSESSOR, "is_assessor"),
        (Role.INTERNAL_VERIFIER, "is_internal_verifier"),
        (Role.EXTERNAL_MODERATOR, "is_external_moderator"),
        (Role.EDITOR, "is_editor"),
        (Role.PROGRAMME_OWNER, "is_programme_owner"),
        (Role.ADMINISTRATOR, "is_administrator"),
    ],
)
def test_role_predicates_follow_the_groups(role, predicate):
    person = UserFactory()
    check = getattr(predicates, predicate)
    assert not check(person)
    services.role_grant(user=person, role=role)
    assert check(person)
    services.role_revoke(user=person, role=role)
    assert not check(person)


def test_a_person_can_hold_several_roles():
    person = UserFactory()
    services.role_grant(user=person, role=Role.ASSESSOR)
    services.role_grant(user=person, role=Role.COURSE_LEADER)
    assert predicates.is_assessor(person)
    assert predicates.is_course_leader(person)
    assert not predicates.is_internal_verifier(person)


def test_superuser_is_administrator():
    person = UserFactory(is_superuser=True)
    assert predicates.is_administrator(person)


def test_firm_permissions(firm, member, contact, administrator, course_leader):
    assert member.has_perm("accounts.view_firm", firm)
    assert not member.has_perm("accounts.change_firm", firm)
    assert not member.has_perm("accounts.invite_to_firm", firm)
    assert contact.has_perm("accounts.change_firm", firm)
    assert contact.has_perm("accounts.invite_to_firm", firm)
    assert administrator.has_perm("accounts.change_firm", firm)
    assert not course_leader.has_perm("accounts.view_firm", firm)


def test_membership_keeps_participant_and_contact_groups_in_step(firm):
    person = UserFactory()
    membership = services.membership_add(firm=firm, user=person)
    names = set(person.groups.values_list("name", flat=True))
    assert names == {Role.PARTICIPANT.value}
    services.membership_set_contact(membership=membership, is_contact=True)
    names = set(person.groups.values_list("name", flat=True))
    assert names == {Role.PARTICIPANT.value, Role.FIRM_CONTACT.value}


def test_every_role_of_the_product_has_a_group_after_migrate(django_db_setup):
    from django.contrib.auth.models import Group

    names = set(Group.objects.values_list("name", flat=True))
    assert {role.value for role in Role} <= names
    admin_group = Group.objects.get(name=Role.ADMINISTRATOR.value)
    assert admin_group.permissions.filter(codename="access_admin").exists()
    editors = Group.objects.get(name=Role.EDITOR.value)
    assert editors.permissions.filter(codename="access_admin").exists()
