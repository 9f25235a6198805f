"""The plan editor: rows added one at a time (with or without JavaScript), one
commitment per toolbox area in one save, guidance per area, the registry
choice explained, and bad rows refused with nothing saved or lost."""

from http import HTTPStatus

from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from cms.areas import Area
from courses.forms.plan import AREA_GUIDANCE, CommitmentForm
from courses.models import Commitment
from courses.services import plans as services

from ..helpers import assert_shows_message
from . import factories
from .test_plans import form_data, form_row, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled():
    return factories.enrolment(run_=factories.run(), participants=1)


@pytest.fixture
def contact_client(client, enrolled):
    services.plan_get_or_create(enrolment=enrolled)
    client.force_login(enrolled.contact)
    client.cookies["django_language"] = "en"
    return client


def edit_url(enrolment):
    return reverse("courses:plan_edit", kwargs={"enrolment_pk": enrolment.pk})


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_new_plan_starts_with_one_row_an_add_button_and_a_row_template(
    contact_client, enrolled
):
    response = contact_client.get(edit_url(enrolled))
    soup = _soup(response)
    assert len(soup.select("#commitment-rows .commitment-row")) == 1
    button = soup.find(id="add-commitment")
    assert button["type"] == "submit"
    assert button["name"] == "add_row"
    assert button.get_text(strip=True) == "Add a commitment"
    template = soup.find("template", id="commitment-template")
    assert template.find(attrs={"name": "commitments-__prefix__-area"}) is not None
    # The script is a file of the site's own: the security policy allows no inline one.
    scripts = [tag.get("src") for tag in soup.find_all("script")]
    assert any(src and src.endswith("js/plan_editor.js") for src in scripts)
    assert all(tag.get("src") for tag in soup.find_all("script"))


def test_every_area_has_guidance_and_an_example_on_the_page(contact_client, enrolled):
    soup = _soup(contact_client.get(edit_url(enrolled)))
    with translation.override("en"):
        for area in Area:
            guidance, example = AREA_GUIDANCE[area]
            block = soup.find(id=f"guidance-{area.value}")
            text = " ".join(block.get_text(" ", strip=True).split())
            assert str(area.label) in text
            assert str(guidance) in text
            assert str(example) in text


def test_the_registry_choice_is_explained_where_it_is_made(contact_client, enrolled):
    soup = _soup(contact_client.get(edit_url(enrolled)))
    checkbox = soup.find(attrs={"name": "commitments-0-is_public"})
    label = soup.find("label", attrs={"for": checkbox["id"]})
    assert label.get_text(strip=True) == "Show in the public registry"
    described = checkbox.get("aria-describedby", "").split()
    help_text = " ".join(soup.find(id=described[0]).get_text(" ", strip=True).split())
    with translation.override("en"):
        expected = str(CommitmentForm._meta.help_texts["is_public"])
    assert help_text == expected


def test_add_a_commitment_without_javascript_keeps_what_was_typed_and_saves_nothing(
    contact_client, enrolled
):
    data = form_data(
        [form_row(what="Første tiltak", area=Area.TRAINING)], version=1, extra=0
    )
    data["add_row"] = "1"
    response = contact_client.post(edit_url(enrolled), data)
    assert response.status_code == HTTPStatus.OK
    assert not Commitment.objects.exists()
    soup = _soup(response)
    rows = soup.select("#commitment-rows .commitment-row")
    assert len(rows) == 2
    assert rows[0].find("textarea").get_text().strip() == "Første tiltak"
    assert rows[0].find("option", selected=True)["value"] == Area.TRAINING
    new_area = rows[1].find("select", attrs={"name": "commitments-1-area"})
    assert new_area.has_attr("autofocus")
    assert soup.find(attrs={"name": "version"})["value"] == "1"
    assert soup.find(id="error-summary") is None

    # The shown form, filled in and saved, keeps both rows.
    data = form_data(
        [
            form_row(what="Første tiltak", area=Area.TRAINING),
            form_row(what="Andre tiltak", area=Area.SUPPORT),
        ],
        version=1,
        extra=0,
    )
    assert contact_client.post(edit_url(enrolled), data).status_code == HTTPStatus.FOUND
    assert list(Commitment.objects.order_by("pk").values_list("what", flat=True)) == [
        "Første tiltak",
        "Andre tiltak",
    ]


def test_one_commitment_per_area_in_one_save(contact_client, enrolled):
    rows = [form_row(area=area, what=f"Tiltak for {area.value}") for area in Area]
    response = contact_client.post(
        edit_url(enrolled), form_data(rows, version=1, extra=0)
    )
    assert response.status_code == HTTPStatus.FOUND
    saved = dict(Commitment.objects.values_list("area", "what"))
    assert saved == {area.value: f"Tiltak for {area.value}" for area in Area}


def test_a_bad_row_gets_its_own_message_and_nothing_is_saved_or_lost(
    contact_client, enrolled
):
    yesterday = in_days(-1)
    rows = [
        form_row(area=Area.ATTITUDES, what="God rad"),
        form_row(area=Area.MEASURES, what="Gammel dato", due_date=yesterday),
        form_row(area=Area.TRAINING, what="Mangler ansvarlig", responsible=""),
    ]
    response = contact_client.post(
        edit_url(enrolled), form_data(rows, version=1, extra=0)
    )
    assert response.status_code == HTTPStatus.OK
    assert not Commitment.objects.exists()
    with translation.override("en"):
        assert_shows_message(
            response,
            services.DUE_DATE_IN_PAST_MESSAGE,
            date=yesterday.strftime("%d.%m.%Y"),
        )
    soup = _soup(response)
    summary = soup.find(id="error-summary")
    links = {a["href"]: a.get_text(strip=True) for a in summary.find_all("a")}
    assert links == {
        "#id_commitments-1-due_date": "Commitment 2, By when",
        "#id_commitments-2-responsible": "Commitment 3, Who is responsible",
    }
    typed = [t.get_text().strip() for t in soup.select("#commitment-rows textarea")]
    assert typed == ["God rad", "Gammel dato", "Mangler ansvarlig"]


def test_someone_else_cannot_add_rows_to_the_plan(client, enrolled, user):
    services.plan_get_or_create(enrolment=enrolled)
    client.force_login(user)
    data = form_data([form_row()], version=1, extra=0)
    data["add_row"] = "1"
    response = client.post(edit_url(enrolled), data)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "Daglig leder" not in response.content.decode()
    assert not Commitment.objects.exists()


def test_fifty_rows_fit_well_under_the_request_field_limit(settings):
    from courses.forms.plan import MAX_COMMITMENTS

    fields_per_row = len(CommitmentForm.Meta.fields) + 1  # and "Delete"
    management = 5  # four management fields and the version
    assert (
        MAX_COMMITMENTS * fields_per_row + management
        < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    )
