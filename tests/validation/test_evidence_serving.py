"""Evidence files are private: served only to people who may see the case, as a
download the browser never renders, read through the storage API."""

from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from lms.accounts.roles import Role
from lms.settings import base as base_settings
from validation.files import evidence_file_check
from validation.models import EvidenceKind
from validation.services import portfolio
from validation.services.cases import CaseAction

from .factories import case_new, criteria_of, decide_all, person, png_bytes, step

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(candidate, unit, assessor):
    return case_new(candidate=candidate, unit=unit, assessor=assessor)


@pytest.fixture
def photo(case):
    """A photo the candidate uploaded, mapped to every criterion."""
    checked = evidence_file_check(
        upload=SimpleUploadedFile("Arbeidsplan uke 3.png", png_bytes(), "image/png")
    )
    return portfolio.evidence_add(
        case=case,
        by=case.candidate,
        kind=EvidenceKind.FILE,
        title="Arbeidsplan",
        checked_file=checked,
        criteria=criteria_of(case.unit),
    )


def file_url(evidence):
    return reverse("validation:evidence_file", kwargs={"pk": evidence.pk})


def stored_bytes(evidence) -> bytes:
    with evidence.file.open("rb") as handle:
        return handle.read()


def assert_served(response, evidence):
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == (
        'attachment; filename="Arbeidsplan uke 3.png"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == stored_bytes(evidence)


def test_anonymous_visitors_get_the_login_page_not_the_file(client, photo):
    response = client.get(file_url(photo))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "who", ["other_candidate", "unrelated_assessor", "unassigned_verifier", "user"]
)
def test_people_outside_the_case_are_refused_as_if_it_did_not_exist(
    client, photo, unit, assessor, user, who
):
    people = {
        "other_candidate": case_new(
            candidate=person(Role.CANDIDATE), unit=unit, assessor=assessor
        ).candidate,
        "unrelated_assessor": person(Role.ASSESSOR),
        "unassigned_verifier": person(Role.INTERNAL_VERIFIER),
        "user": user,
    }
    client.force_login(people[who])
    response = client.get(file_url(photo))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Content-Disposition" not in response


def test_the_candidate_and_the_assessor_get_the_file_as_a_download(client, photo):
    for who in (photo.case.candidate, photo.case.assessor):
        client.force_login(who)
        assert_served(client.get(file_url(photo)), photo)


def test_the_verifier_gets_the_file_once_the_case_is_sampled_for_them(
    client, photo, verifier
):
    case = photo.case
    client.force_login(verifier)
    assert client.get(file_url(photo)).status_code == HTTPStatus.NOT_FOUND
    step(case, CaseAction.SUBMIT, case.candidate)
    decide_all(case, reason="Planen viser det.", evidence=[photo])
    step(case, CaseAction.ASSESS, case.assessor)
    case.refresh_from_db()
    assert case.verifier == verifier
    assert_served(client.get(file_url(photo)), photo)


def test_the_administrator_gets_the_file(client, photo, administrator):
    client.force_login(administrator)
    assert_served(client.get(file_url(photo)), photo)


def test_evidence_without_a_file_and_unknown_evidence_are_not_found(client, case):
    reflection = portfolio.evidence_add(
        case=case,
        by=case.candidate,
        kind=EvidenceKind.REFLECTION,
        title="Refleksjon",
        text="Tekst",
    )
    client.force_login(case.candidate)
    assert client.get(file_url(reflection)).status_code == HTTPStatus.NOT_FOUND
    missing = reverse("validation:evidence_file", kwargs={"pk": 987654})
    assert client.get(missing).status_code == HTTPStatus.NOT_FOUND


def test_evidence_files_are_stored_outside_media_root_with_no_public_url(
    client, photo, evidence_in_tmp
):
    # The configured storage: a folder of its own, not under MEDIA_ROOT.
    configured = Path(base_settings.STORAGES["evidence"]["OPTIONS"]["location"])
    assert not configured.resolve().is_relative_to(
        Path(base_settings.MEDIA_ROOT).resolve()
    )
    assert base_settings.STORAGES["evidence"]["OPTIONS"]["base_url"] is None
    # The file of this test: in the evidence storage, not under MEDIA_ROOT, and
    # no URL under MEDIA_URL gives it.
    path = Path(photo.file.storage.path(photo.file.name)).resolve()
    assert path.is_relative_to(evidence_in_tmp.resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    client.force_login(photo.case.candidate)
    for url in (
        f"{settings.MEDIA_URL}{photo.file.name}",
        f"{settings.MEDIA_URL}evidence/{photo.file.name}",
    ):
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    # The page links to the checking view, never to a storage URL.
    page = client.get(reverse("validation:case", kwargs={"pk": photo.case_id}))
    assert file_url(photo) in page.text
    assert photo.file.name not in page.text


def test_the_file_is_read_through_the_storage_api(client, photo, monkeypatch):
    """Whatever storage backs the field (disk now, S3-like later) is used."""
    storage = photo.file.storage
    opened = []
    original = type(storage).open

    def recording_open(self, name, mode="rb"):
        opened.append(name)
        return original(self, name, mode)

    monkeypatch.setattr(type(storage), "open", recording_open)
    client.force_login(photo.case.candidate)
    response = client.get(file_url(photo))
    assert response.status_code == HTTPStatus.OK
    b"".join(response.streaming_content)
    assert opened == [photo.file.name]
