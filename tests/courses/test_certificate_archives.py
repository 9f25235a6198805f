"""The ZIP of a run's course certificates: who may ask for it, what it holds, and
when a prepared one is no longer served. (Tests run tasks at once; the worker
side is in tests/scale/test_task_workers.py.)"""

import io
import zipfile
from datetime import date, timedelta
from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

import pytest

from courses.models import ArchiveStatus, CertificateArchive, CourseCertificate
from courses.models.archives import archive_storage
from courses.services import archives
from courses.services import certification as certification_services
from lms.accounts import services as accounts

from ..accounts.factories import UserFactory
from ..helpers import assert_shows_message
from . import certification_factories as cf
from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    return factories.run()


@pytest.fixture
def leader(run):
    return run.leaders.get()


@pytest.fixture
def issued(run):
    return [
        CourseCertificate.objects.create(
            run=run,
            user=person,
            holder_name=str(person),
            code=cf.code(),
            issued_on=date(2026, 11, 23),
        )
        for person in UserFactory.create_batch(3)
    ]


def page(run):
    return reverse("courses:course_certificates", args=[run.pk])


def zip_url(run, language="nb"):
    url = reverse("courses:course_certificates_zip", args=[run.pk])
    return url if language == "nb" else f"{url}?lang={language}"


def prepare(client, run, language="nb"):
    return client.post(page(run), {"action": "zip", "lang": language}, follow=True)


def zip_names(response) -> list[str]:
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as zipped:
        return zipped.namelist()


@pytest.mark.parametrize("who", ["other_leader", "holder", "anonymous"])
def test_only_the_runs_leaders_prepare_or_download_the_zip(client, run, issued, who):
    if who == "other_leader":
        client.force_login(factories.run().leaders.get())
    elif who == "holder":
        client.force_login(issued[0].user)
    response = client.post(page(run), {"action": "zip", "lang": "nb"})
    expected = HTTPStatus.FOUND if who == "anonymous" else HTTPStatus.FORBIDDEN
    assert response.status_code == expected
    if who == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
    assert not CertificateArchive.objects.exists()
    archives.certificate_archive_request(run=run, language="nb")
    assert client.get(zip_url(run)).status_code == expected


def test_the_leader_gets_the_zip_in_either_language(client, run, leader, issued):
    client.force_login(leader)
    prepare(client, run, "en")
    response = client.get(zip_url(run, "en"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"] == (
        f'attachment; filename="kursbevis-{run.pk}-en.zip"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    names = zip_names(response)
    assert len(names) == 3
    assert all(name.startswith("course-certificate-") for name in names)
    # Norwegian is not prepared yet: the page, which offers it.
    assert client.get(zip_url(run))["Location"] == f"{page(run)}#zip"


def test_an_unknown_language_is_refused_and_nothing_is_written(
    client, run, leader, issued
):
    client.force_login(leader)
    response = prepare(client, run, "de")
    assert_shows_message(response, archives.ARCHIVE_LANGUAGE_MESSAGE)
    assert not CertificateArchive.objects.exists()


def test_without_a_valid_certificate_there_is_nothing_to_prepare(
    client, run, leader, issued
):
    for certificate in issued:
        certification_services.certificate_revoke(
            certificate=certificate, by=leader, reason="Feil deltaker"
        )
    client.force_login(leader)
    response = prepare(client, run)
    assert_shows_message(response, archives.ARCHIVE_NOTHING_MESSAGE)
    assert not CertificateArchive.objects.exists()
    assert 'id="prepare-zip-nb"' not in response.content.decode()


def test_a_revoked_certificate_retires_the_prepared_zip(
    client, run, leader, issued, django_capture_on_commit_callbacks
):
    client.force_login(leader)
    prepare(client, run)
    old = CertificateArchive.objects.get()
    assert old.status == ArchiveStatus.READY
    assert archive_storage().exists(old.file.name)

    certification_services.certificate_revoke(
        certificate=issued[0], by=leader, reason="Feil deltaker"
    )
    # It holds a revoked certificate: never served again.
    assert client.get(zip_url(run))["Location"] == f"{page(run)}#zip"
    assert 'id="prepare-zip-nb"' in client.get(page(run)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        prepare(client, run)
    new = CertificateArchive.objects.get()
    assert new.pk != old.pk
    assert not archive_storage().exists(old.file.name)
    names = zip_names(client.get(zip_url(run)))
    assert len(names) == 2
    assert not any(issued[0].code in name.replace("-", "") for name in names)


def test_erasing_a_holder_deletes_the_zips_that_print_their_name(
    client, run, leader, issued, django_capture_on_commit_callbacks
):
    other = factories.run(leaders=[leader])
    CourseCertificate.objects.create(
        run=other,
        user=UserFactory(),
        holder_name="Kari Annen",
        code=cf.code(),
        issued_on=date(2026, 11, 23),
    )
    for item in (run, other):
        archives.certificate_archive_request(run=item, language="nb")
    theirs = CertificateArchive.objects.get(run=run)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.user_anonymise(user=issued[0].user)
    assert list(CertificateArchive.objects.values_list("run", flat=True)) == [other.pk]
    assert not archive_storage().exists(theirs.file.name)


def test_asking_twice_builds_once_and_a_build_run_twice_does_nothing(
    run, issued, monkeypatch
):
    first = archives.certificate_archive_request(run=run, language="nb")
    assert first.status == ArchiveStatus.READY

    def must_not_render(**kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(archives, "render_certificates_zip", must_not_render)
    again = archives.certificate_archive_request(run=run, language="nb")
    assert again == first
    assert archives.certificate_archive_build(archive_id=first.pk) is False
    assert CertificateArchive.objects.count() == 1


def test_a_build_that_lost_its_worker_is_queued_again_when_asked(run, issued):
    archive = archives.certificate_archive_request(run=run, language="nb")
    archive_storage().delete(archive.file.name)
    now = timezone.now()
    CertificateArchive.objects.filter(pk=archive.pk).update(
        status=ArchiveStatus.BUILDING,
        file="",
        done=1,
        started_at=now - timedelta(minutes=2),
    )
    # Still within the time a build may take: left alone.
    assert archives.certificate_archive_request(run=run, language="nb").status == (
        ArchiveStatus.BUILDING
    )
    later = now + archives.ARCHIVE_BUILD_TIMEOUT
    rebuilt = archives.certificate_archive_request(run=run, language="nb", now=later)
    assert rebuilt.pk == archive.pk
    rebuilt.refresh_from_db()
    assert (rebuilt.status, rebuilt.done, rebuilt.total) == (ArchiveStatus.READY, 3, 3)
    assert archive_storage().exists(rebuilt.file.name)


def test_a_build_for_certificates_changed_meanwhile_stores_nothing(run, issued):
    archive = CertificateArchive.objects.create(
        run=run, language="nb", fingerprint="0" * 64, total=3
    )
    assert archives.certificate_archive_build(archive_id=archive.pk) is False
    archive.refresh_from_db()
    assert (archive.status, archive.file.name) == (ArchiveStatus.FAILED, "")
