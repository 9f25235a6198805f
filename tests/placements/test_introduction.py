"""The introduction checklist: copied from the default template, ticked by the
trainee and by the firm's side each in their own column, adapted by the firm,
read-only once the placement has ended."""

import importlib
from datetime import timedelta
from http import HTTPStatus

from django.apps import apps as django_apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from lms.accounts import services as accounts
from lms.accounts.roles import Role
from placements.forms.introduction import (
    ANOTHER_DEFAULT_MESSAGE,
    TEXT_REQUIRED_MESSAGE,
    TEXT_TOO_LONG_MESSAGE,
)
from placements.models import (
    IntroductionItem,
    IntroductionTemplate,
    IntroductionTemplateItem,
    IntroductionTopic,
    Placement,
)
from placements.selectors.introduction import introduction_progress
from placements.services.introduction import (
    ITEM_GONE_MESSAGE,
    MAX_INTRODUCTION_ITEMS,
    READ_ONLY_MESSAGE,
    TOO_MANY_ITEMS_MESSAGE,
    introduction_start,
    introduction_tick,
)

from ..accounts.factories import FirmFactory, UserFactory
from ..helpers import assert_shows_message
from .factories import placement_new

pytestmark = pytest.mark.django_db

TEMPLATE_ITEMS = [
    (IntroductionTopic.FIRST_DAY, "Du har fått vist garderoben."),
    (IntroductionTopic.SAFETY, "Du vet hvor nødutgangen er."),
    (IntroductionTopic.WHO_TO_ASK, "Du vet hvem du spør."),
]


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def default_template():
    """The only checklist, and the default: three items in three topics."""
    IntroductionTemplate.objects.all().delete()
    template = IntroductionTemplate.objects.create(name="Kort", is_default=True)
    for order, (topic, text) in enumerate(TEMPLATE_ITEMS):
        IntroductionTemplateItem.objects.create(
            template=template, topic=topic, text=text, sort_order=order
        )
    return template


@pytest.fixture
def placement(default_template):
    return placement_new()


@pytest.fixture
def items(placement):
    return list(placement.introduction_items.order_by("position"))


def url(placement, name="placements:introduction"):
    return reverse(name, kwargs={"pk": placement.pk})


def ticks(*items) -> dict:
    return {f"item-{item.pk}": "on" for item in items}


def fresh(item) -> IntroductionItem:
    return IntroductionItem.objects.get(pk=item.pk)


def end(placement):
    Placement.objects.filter(pk=placement.pk).update(
        status="ended", ended_on=timezone.localdate(), outcome="employed"
    )
    placement.refresh_from_db()


# Starting the checklist ---------------------------------------------------------


def test_new_placement_gets_a_copy_of_the_default_checklist(placement):
    assert [
        (item.position, item.topic, item.text, item.trainee_done_at)
        for item in placement.introduction_items.order_by("position")
    ] == [
        (0, "first_day", "Du har fått vist garderoben.", None),
        (1, "safety", "Du vet hvor nødutgangen er.", None),
        (2, "who_to_ask", "Du vet hvem du spør.", None),
    ]


def test_only_the_default_checklist_is_copied(default_template):
    other = IntroductionTemplate.objects.create(name="Annen", is_default=False)
    IntroductionTemplateItem.objects.create(
        template=other, topic="safety", text="Ikke denne.", sort_order=0
    )
    placement = placement_new()
    assert "Ikke denne." not in placement.introduction_items.values_list(
        "text", flat=True
    )
    assert placement.introduction_items.count() == 3


def test_without_a_default_checklist_a_placement_starts_empty(default_template):
    default_template.is_default = False
    default_template.save()
    placement = placement_new()
    assert placement.introduction_items.count() == 0
    assert introduction_start(placement=placement) == []


def test_starting_twice_copies_nothing_more(placement, default_template):
    IntroductionTemplateItem.objects.create(
        template=default_template, topic="safety", text="Ny linje.", sort_order=9
    )
    assert introduction_start(placement=placement) == []
    assert placement.introduction_items.count() == 3


# Ticking ------------------------------------------------------------------------


def test_trainee_ticks_only_the_trainee_column(client, placement, items):
    client.force_login(placement.trainee)
    response = client.post(url(placement), ticks(items[0], items[2]))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url(placement)
    assert [fresh(item).trainee_done_at is not None for item in items] == [
        True,
        False,
        True,
    ]
    assert [fresh(item).mentor_done_at for item in items] == [None, None, None]


def test_trainee_post_leaves_the_mentors_ticks_alone(client, placement, items):
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.mentor
    )
    mentor_ticked_at = fresh(items[0]).mentor_done_at
    client.force_login(placement.trainee)
    # Nothing ticked by the trainee, and a forged "mentor" field.
    response = client.post(url(placement), {f"mentor-{items[1].pk}": "on"})
    assert response.status_code == HTTPStatus.FOUND
    assert fresh(items[0]).mentor_done_at == mentor_ticked_at
    assert fresh(items[1]).mentor_done_at is None
    assert fresh(items[1]).trainee_done_at is None


@pytest.mark.parametrize("who", ["mentor", "contact"])
def test_firm_side_ticks_only_the_mentor_column(client, placement, items, who):
    if who == "mentor":
        person = placement.mentor
    else:
        person = UserFactory()
        accounts.membership_add(firm=placement.firm, user=person, is_contact=True)
    introduction_tick(
        placement=placement, ticked={items[1].pk: True}, by=placement.trainee
    )
    client.force_login(person)
    response = client.post(url(placement), ticks(items[0]))
    assert response.status_code == HTTPStatus.FOUND
    assert fresh(items[0]).mentor_done_at is not None
    assert fresh(items[0]).trainee_done_at is None
    # The trainee's tick is not theirs to take away.
    assert fresh(items[1]).trainee_done_at is not None


def test_unticking_removes_the_tick_and_a_kept_tick_keeps_its_date(
    client, placement, items
):
    client.force_login(placement.trainee)
    client.post(url(placement), ticks(items[0], items[1]))
    first_ticked_at = fresh(items[0]).trainee_done_at
    response = client.post(url(placement), ticks(items[0]))
    assert response.status_code == HTTPStatus.FOUND
    assert fresh(items[0]).trainee_done_at == first_ticked_at
    assert fresh(items[1]).trainee_done_at is None


def test_checklist_shows_the_other_sides_tick_in_words(client, placement, items):
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.mentor
    )
    client.force_login(placement.trainee)
    response = client.get(url(placement))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Mentor: done" in page
    assert page.count("Mentor: not yet") == 2
    assert "Trainee: not yet" not in page
    # One checkbox per item, in the trainee's own column, grouped by topic.
    assert page.count('type="checkbox"') == 3
    assert "<legend" in page and "Safety" in page
    assert "Change the checklist" not in page


def test_mentor_sees_the_trainees_ticks_and_may_change_the_checklist(
    client, placement, items
):
    introduction_tick(
        placement=placement, ticked={items[2].pk: True}, by=placement.trainee
    )
    client.force_login(placement.mentor)
    page = client.get(url(placement)).content.decode()
    assert "Trainee: done" in page
    assert page.count("Trainee: not yet") == 2
    assert url(placement, "placements:introduction_edit") in page


# Who may ------------------------------------------------------------------------


def other_firms_contact(placement):
    person = UserFactory()
    accounts.membership_add(firm=FirmFactory(), user=person, is_contact=True)
    return person


def with_role(role):
    def make(placement):
        person = UserFactory()
        accounts.role_grant(user=person, role=role)
        return person

    return make


@pytest.mark.parametrize(
    "make_person",
    [other_firms_contact, with_role(Role.COURSE_LEADER), lambda p: UserFactory()],
    ids=["other firm's contact", "course leader", "someone else"],
)
def test_people_outside_the_placement_do_not_find_it(
    client, placement, items, make_person
):
    client.force_login(make_person(placement))
    assert client.get(url(placement)).status_code == HTTPStatus.NOT_FOUND
    response = client.post(url(placement), ticks(*items))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert client.get(url(placement, "placements:introduction_edit")).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert not IntroductionItem.objects.filter(
        placement=placement, trainee_done_at__isnull=False
    ).exists()
    assert not IntroductionItem.objects.filter(
        placement=placement, mentor_done_at__isnull=False
    ).exists()


def test_administrator_reads_the_checklist_but_cannot_tick(client, placement, items):
    client.force_login(with_role(Role.ADMINISTRATOR)(placement))
    response = client.get(url(placement))
    assert response.status_code == HTTPStatus.OK
    assert 'type="checkbox"' not in response.content.decode()
    assert client.post(url(placement), ticks(*items)).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert client.get(url(placement, "placements:introduction_edit")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    assert all(fresh(item).mentor_done_at is None for item in items)


def test_trainee_may_not_change_the_checklist(client, placement, items):
    client.force_login(placement.trainee)
    edit = url(placement, "placements:introduction_edit")
    assert client.get(edit).status_code == HTTPStatus.FORBIDDEN
    response = client.post(edit, edit_data([(items[0], "safety", "Noe annet.")]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert fresh(items[0]).text == items[0].text


def test_anonymous_visitor_is_sent_to_log_in(client, placement):
    response = client.get(url(placement))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_firm_side_loses_the_checklist_when_sharing_is_withdrawn(
    client, placement, items
):
    Placement.objects.filter(pk=placement.pk).update(
        sharing_withdrawn_at=timezone.now()
    )
    client.force_login(placement.mentor)
    assert client.post(url(placement), ticks(*items)).status_code == (
        HTTPStatus.NOT_FOUND
    )
    assert all(fresh(item).mentor_done_at is None for item in items)


# Ended placements ---------------------------------------------------------------


def test_ended_placement_is_read_only(client, placement, items):
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.trainee
    )
    end(placement)
    client.force_login(placement.trainee)
    response = client.get(url(placement))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert 'type="checkbox"' not in page
    assert "This placement has ended." in page
    assert "Trainee: done" in page
    assert client.post(url(placement), {}).status_code == HTTPStatus.FORBIDDEN
    assert fresh(items[0]).trainee_done_at is not None

    client.force_login(placement.mentor)
    assert client.post(url(placement), ticks(*items)).status_code == (
        HTTPStatus.FORBIDDEN
    )
    edit = url(placement, "placements:introduction_edit")
    assert client.get(edit).status_code == HTTPStatus.FORBIDDEN
    assert all(fresh(item).mentor_done_at is None for item in items)


def test_services_refuse_an_ended_placement(placement, items):
    end(placement)
    with pytest.raises(ValidationError) as error:
        introduction_tick(
            placement=placement, ticked={items[0].pk: True}, by=placement.trainee
        )
    assert error.value.messages == [str(READ_ONLY_MESSAGE)]


# Adapting the checklist ---------------------------------------------------------


def edit_data(rows, total=None) -> dict:
    """A POST of the edit formset: `rows` are (item or None, topic, text[, delete])."""
    data = {
        "items-TOTAL_FORMS": str(total if total is not None else len(rows)),
        "items-INITIAL_FORMS": str(sum(1 for row in rows if row[0] is not None)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": str(MAX_INTRODUCTION_ITEMS),
    }
    for index, (item, topic, text, *delete) in enumerate(rows):
        data[f"items-{index}-id"] = str(item.pk) if item is not None else ""
        data[f"items-{index}-topic"] = topic
        data[f"items-{index}-text"] = text
        if delete and delete[0]:
            data[f"items-{index}-DELETE"] = "on"
    return data


def unchanged(items):
    return [(item, item.topic, item.text) for item in items]


def saved_state(placement):
    return list(
        placement.introduction_items.order_by("position", "pk").values_list(
            "topic", "text", "trainee_done_at", "mentor_done_at"
        )
    )


def test_edit_page_shows_the_items_and_warns_that_new_text_clears_ticks(
    client, placement, items
):
    client.force_login(placement.mentor)
    response = client.get(url(placement, "placements:introduction_edit"))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "Du vet hvor nødutgangen er." in page
    assert "ticks (the trainee's and the mentor's) are removed" in page
    # Three saved items and three empty rows.
    assert 'name="items-TOTAL_FORMS" value="6"' in page


def test_edit_changes_removes_and_adds_items_and_clears_ticks_of_new_text(
    client, placement, items
):
    for person in (placement.trainee, placement.mentor):
        introduction_tick(
            placement=placement,
            ticked={item.pk: True for item in items},
            by=person,
        )
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"),
        edit_data(
            [
                (items[0], "first_day", "Du har fått vist garderoben og kantina."),
                (items[1], "workplace", "Du vet hvor nødutgangen er."),
                (items[2], "who_to_ask", "Du vet hvem du spør.", True),
                (None, "adjustments", "Dere har avtalt kortere dager i starten."),
                (None, "", ""),
            ]
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    state = saved_state(placement)
    assert [(topic, text) for topic, text, *_ in state] == [
        ("first_day", "Du har fått vist garderoben og kantina."),
        ("workplace", "Du vet hvor nødutgangen er."),
        ("adjustments", "Dere har avtalt kortere dager i starten."),
    ]
    # New text: both ticks gone. Only a new topic: ticks kept. New item: none.
    assert [(t is not None, m is not None) for _, _, t, m in state] == [
        (False, False),
        (True, True),
        (False, False),
    ]
    page = client.get(url(placement)).content.decode()
    assert "The checklist has been saved." in page
    assert "1 item got a new text, so its ticks were removed." in page


@pytest.mark.parametrize(
    ("text", "message", "params"),
    [
        ("", TEXT_REQUIRED_MESSAGE, {}),
        ("   ", TEXT_REQUIRED_MESSAGE, {}),
        ("x" * 301, TEXT_TOO_LONG_MESSAGE, {"limit_value": 300, "show_value": 301}),
    ],
    ids=["blank", "spaces", "too long"],
)
def test_bad_text_saves_nothing(client, placement, items, text, message, params):
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.mentor
    )
    before = saved_state(placement)
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"),
        edit_data(
            [
                (items[0], "first_day", "Ny tekst som ellers ville vært lagret."),
                (items[1], "safety", text),
                (items[2], "who_to_ask", items[2].text, True),
                (None, "adjustments", "Et nytt punkt."),
            ]
        ),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, message, **params)
    assert "The checklist was not saved" in response.content.decode()
    assert saved_state(placement) == before


def test_new_row_with_a_topic_but_no_text_saves_nothing(client, placement, items):
    before = saved_state(placement)
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"),
        edit_data([*unchanged(items), (None, "safety", "")]),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, TEXT_REQUIRED_MESSAGE)
    assert saved_state(placement) == before


def test_too_many_rows_saves_nothing(client, placement, items):
    before = saved_state(placement)
    rows = [
        *unchanged(items),
        *[(None, "safety", f"Punkt {n}.") for n in range(MAX_INTRODUCTION_ITEMS)],
    ]
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"), edit_data(rows)
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, TOO_MANY_ITEMS_MESSAGE, num=MAX_INTRODUCTION_ITEMS)
    assert saved_state(placement) == before


def test_forged_total_form_count_is_refused(client, placement, items):
    before = saved_state(placement)
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"),
        edit_data(unchanged(items), total=10_000),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, TOO_MANY_ITEMS_MESSAGE, num=MAX_INTRODUCTION_ITEMS)
    assert saved_state(placement) == before


def test_an_item_of_another_placement_is_not_touched(client, placement, items):
    other = placement_new()
    other_item = other.introduction_items.first()
    before = saved_state(placement)
    client.force_login(placement.mentor)
    response = client.post(
        url(placement, "placements:introduction_edit"),
        edit_data([(other_item, "safety", "Overtatt.")]),
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert_shows_message(response, ITEM_GONE_MESSAGE)
    assert fresh(other_item).text == other_item.text
    assert saved_state(placement) == before


# The summary on the placement's page -------------------------------------------


def test_summary_counts_each_sides_ticks(placement, items):
    introduction_tick(
        placement=placement,
        ticked={items[0].pk: True, items[1].pk: True},
        by=placement.trainee,
    )
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.mentor
    )
    progress = introduction_progress(placement=placement)
    assert (progress.total, progress.trainee_done, progress.mentor_done) == (3, 2, 1)

    def render(user):
        return render_to_string(
            "placements/includes/introduction_summary.html",
            {"placement": placement, "user": user, "introduction_progress": progress},
        )

    assert "2 of 3 done by you." in render(placement.trainee)
    assert "1 of 3 done by the mentor." in render(placement.trainee)
    assert "2 of 3 done by the trainee." in render(placement.mentor)
    assert url(placement) in render(placement.mentor)


# The default checklist (data migration and admin) -----------------------------


def test_data_migration_creates_the_default_checklist_in_all_five_topics():
    migration = importlib.import_module(
        "placements.migrations.0002_default_introduction"
    )
    IntroductionTemplate.objects.all().delete()
    migration.create_default(django_apps, None)
    template = IntroductionTemplate.objects.get()
    assert (template.name, template.is_default) == ("Standard introduksjon", True)
    assert template.items.count() == len(migration.ITEMS) >= 10
    assert set(template.items.values_list("topic", flat=True)) == set(
        IntroductionTopic.values
    )
    assert all(
        len(text) <= 300 for text in template.items.values_list("text", flat=True)
    )
    # Run again: still one.
    migration.create_default(django_apps, None)
    assert IntroductionTemplate.objects.count() == 1
    migration.delete_default(django_apps, None)
    assert not IntroductionTemplate.objects.exists()


def admin_data(name, is_default, rows=(("safety", "Du vet hvor brannslukkeren er."),)):
    data = {
        "name": name,
        "items-TOTAL_FORMS": str(len(rows)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
    }
    if is_default:
        data["is_default"] = "on"
    for index, (topic, text) in enumerate(rows):
        data.update(
            {
                f"items-{index}-topic": topic,
                f"items-{index}-text": text,
                f"items-{index}-ORDER": str(index + 1),
                f"items-{index}-id": "",
                f"items-{index}-DELETE": "",
            }
        )
    return data


ADMIN_ADD = "/admin/snippets/placements/introductiontemplate/add/"
ADMIN_LIST = "/admin/snippets/placements/introductiontemplate/"


@pytest.mark.parametrize("role", [Role.EDITOR, Role.ADMINISTRATOR])
def test_editors_and_administrators_keep_checklists_in_the_admin(
    client, default_template, role
):
    person = UserFactory()
    accounts.role_grant(user=person, role=role)
    client.force_login(person)
    assert client.get(ADMIN_LIST).status_code == HTTPStatus.OK
    assert ADMIN_LIST in client.get("/admin/").content.decode()
    response = client.post(ADMIN_ADD, admin_data("Kafé", is_default=False))
    assert response.status_code == HTTPStatus.FOUND
    template = IntroductionTemplate.objects.get(name="Kafé")
    assert list(template.items.values_list("topic", "text")) == [
        ("safety", "Du vet hvor brannslukkeren er.")
    ]


def test_a_second_default_checklist_is_refused_with_a_message(client, default_template):
    person = UserFactory()
    accounts.role_grant(user=person, role=Role.EDITOR)
    client.force_login(person)
    response = client.post(ADMIN_ADD, admin_data("Kafé", is_default=True))
    assert response.status_code == HTTPStatus.OK
    # Wagtail's admin renders in the person's admin language (nb here) whatever
    # the Content-Language header says.
    with translation.override("nb"):
        expected = str(ANOTHER_DEFAULT_MESSAGE) % {"name": "Kort"}
    assert escape(expected) in response.content.decode()
    assert list(IntroductionTemplate.objects.values_list("name", flat=True)) == ["Kort"]


@pytest.mark.parametrize(
    "role", [Role.COURSE_LEADER, Role.PROGRAMME_OWNER, Role.PARTICIPANT]
)
def test_other_roles_do_not_reach_the_checklists_in_the_admin(client, role):
    person = UserFactory()
    accounts.role_grant(user=person, role=role)
    client.force_login(person)
    assert client.get(ADMIN_LIST).status_code in (
        HTTPStatus.FOUND,
        HTTPStatus.FORBIDDEN,
    )
    assert client.post(ADMIN_ADD, admin_data("Kafé", False)).status_code in (
        HTTPStatus.FOUND,
        HTTPStatus.FORBIDDEN,
    )
    assert not IntroductionTemplate.objects.filter(name="Kafé").exists()


def test_checklist_page_keeps_to_a_few_queries(
    client, placement, items, django_assert_max_num_queries
):
    client.force_login(placement.trainee)
    with django_assert_max_num_queries(12):
        assert client.get(url(placement)).status_code == HTTPStatus.OK


def test_ticks_are_dated(placement, items):
    before = timezone.now() - timedelta(seconds=1)
    introduction_tick(
        placement=placement, ticked={items[0].pk: True}, by=placement.trainee
    )
    assert fresh(items[0]).trainee_done_at > before
