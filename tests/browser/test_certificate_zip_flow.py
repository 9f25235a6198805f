"""A course leader, on a 390 px phone, asks for all the run's course certificates
as one ZIP file: the page answers at once and shows the file being prepared, a
worker makes it, and the leader downloads a ZIP holding one PDF per certificate.
A participant of the run gets no such page. Every state of the page passes
axe-core, with no violation of the content security policy."""

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses.models import (
    ArchiveStatus,
    AttendanceStatus,
    CertificateArchive,
    CourseCertificate,
)
from courses.services import attendance
from courses.services import certification as certification_services

from ..courses import factories
from ..task_worker import DATABASE_TASKS, work
from .conftest import assert_accessible, csp_settle, csp_violations_recorded, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
# Norwegian letters in the names: the file names in the ZIP are ASCII.
HOLDERS = [("Åse", "Ødegård"), ("Per", "Ærlig"), ("Kari", "Nordmann")]
HOLDER_SLUGS = ["ase-odegard", "per-aerlig", "kari-nordmann"]
# Production's task backend, as in tests/scale/test_task_workers.py: the tap
# queues the work in a table and a worker does it.


def _run_with_course_certificates():
    """A run that has ended, whose three participants attended every session
    and got their course certificates from the leader."""
    run = factories.run(starts_in_days=-60)
    enrolment = factories.enrolment(run_=run, participants=len(HOLDERS))
    leader = run.leaders.get()
    people = list(enrolment.participants.order_by("pk"))
    for person, (first, last) in zip(people, HOLDERS, strict=True):
        person.first_name, person.last_name = first, last
        person.save(update_fields=["first_name", "last_name"])
        for session in run.sessions.all():
            attendance.attendance_record(
                session=session,
                user=person,
                status=AttendanceStatus.PRESENT,
                by=leader,
            )
    issued = certification_services.course_certificates_issue(run=run, by=leader)
    assert len(issued) == len(HOLDERS)
    return run, leader, people, issued


@pytest.fixture
def phone(browser, live_server):
    """A 390 px phone tab on the live server; fails the test on script errors
    and on any violation of the content security policy."""
    # Reduced motion: Bootstrap then draws a tapped button's colours at once, so
    # axe reads the colours a person sees, not a frame of the fade between them.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        locale="nb-NO",
        reduced_motion="reduce",
    )
    violations = csp_violations_recorded(context)
    tab = context.new_page()
    tab.errors = []
    tab.on(
        "console",
        lambda message: (
            tab.errors.append(message.text) if message.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    csp_settle(context)
    context.close()
    assert violations == [], "Content security policy violated:\n" + "\n".join(
        map(str, violations)
    )
    assert tab.errors == []


def _fits_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_leader_prepares_and_downloads_the_zip_on_a_390_px_phone(
    phone, live_server, settings
):
    run, leader, people, issued = _run_with_course_certificates()
    settings.TASKS = DATABASE_TASKS
    certificates_url = f"/kurs/ledelse/{run.pk}/kursbevis/"

    log_in(phone, leader.email)
    phone.goto(certificates_url)
    expect(phone.locator("tbody tr")).to_have_count(len(issued))
    prepare = phone.locator("#prepare-zip-nb")
    expect(prepare).to_have_text(re.compile(r"Lag en ZIP-fil \(norsk\)"))
    expect(phone.locator("#prepare-zip-en")).to_be_visible()
    expect(phone.locator("#download-zip")).to_have_count(0)
    assert _fits_phone(phone)
    assert_accessible(phone)

    # The tap: the page answers at once, the file is being prepared.
    prepare.click()
    phone.wait_for_url(re.compile(re.escape(certificates_url) + "#zip$"))
    expect(phone.locator(".messages .alert-info")).to_contain_text(
        "ZIP-filen blir laget"
    )
    waiting = phone.locator("#zip-nb")
    expect(waiting.get_by_role("status")).to_have_text(
        re.compile(r"blir laget, 0 av 3 kursbevis ferdig")
    )
    progress = waiting.locator("progress")
    expect(progress).to_have_attribute("max", "3")
    expect(progress).to_have_attribute("value", "0")
    expect(prepare).to_have_count(0)
    expect(phone.locator("#download-zip")).to_have_count(0)
    archive = CertificateArchive.objects.get()
    assert (archive.status, archive.done, archive.total) == (
        ArchiveStatus.QUEUED,
        0,
        3,
    )
    # Not ready: the ZIP address leads back to the page.
    response = phone.request.get(
        live_server.url + f"/kurs/ledelse/{run.pk}/kursbevis.zip", max_redirects=0
    )
    assert response.status == 302
    assert response.headers["location"].endswith(f"{certificates_url}#zip")
    assert _fits_phone(phone)
    assert_accessible(phone)

    # "Check again" loads the page again (the message shown once is gone), even
    # from the address the tap led to (…/#zip): still being prepared.
    check_again = waiting.get_by_role("link", name=re.compile("Sjekk igjen"))
    check_again.click()
    expect(phone.locator(".messages")).to_have_count(0)
    expect(progress).to_have_attribute("value", "0")

    # A worker makes the PDFs; the leader checks again.
    work()
    archive.refresh_from_db()
    assert (archive.status, archive.done) == (ArchiveStatus.READY, 3)
    check_again.click()
    download_link = phone.locator("#download-zip")
    expect(download_link).to_have_text(
        re.compile(r"Last ned ZIP-filen \(norsk, 3 kursbevis\)")
    )
    expect(phone.locator("#zip-nb progress")).to_have_count(0)
    expect(phone.locator("#prepare-zip-en")).to_be_visible()
    assert _fits_phone(phone)
    assert_accessible(phone)

    with phone.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == f"kursbevis-{run.pk}.zip"
    path = Path(download.path())
    assert zipfile.is_zipfile(path)
    with zipfile.ZipFile(path) as zipped:
        assert zipped.testzip() is None
        names = zipped.namelist()
        contents = [zipped.read(name) for name in names]
    assert len(names) == len(issued)
    assert all(content.startswith(b"%PDF") for content in contents)
    # One PDF per certificate: the holder's name and code in its file name.
    expected = sorted(
        f"kursbevis-{slug}-{certificate.formatted_code}.pdf"
        for slug, certificate in zip(
            HOLDER_SLUGS,
            sorted(issued, key=lambda c: people.index(c.user)),
            strict=True,
        )
    )
    assert sorted(names) == expected
    # Still on the certificates page, still accessible.
    expect(download_link).to_be_visible()
    assert_accessible(phone)
    assert CourseCertificate.objects.filter(run=run, revoked_at=None).count() == 3
    archive.refresh_from_db()
    archive.file.delete(save=False)  # the flush after the test leaves files


def test_a_participant_of_the_run_gets_no_zip_button(phone, live_server, settings):
    run, _leader, people, _issued = _run_with_course_certificates()
    settings.TASKS = DATABASE_TASKS

    log_in(phone, people[0].email)
    response = phone.goto(f"/kurs/ledelse/{run.pk}/kursbevis/")
    assert response.status in (403, 404)
    expect(phone.locator("#prepare-zip-nb")).to_have_count(0)
    expect(phone.locator("#download-zip")).to_have_count(0)
    # Chromium reports the refused page on the console; nothing else is expected.
    assert all("status of 403" in error for error in phone.errors), phone.errors
    phone.errors.clear()

    # Nor can the participant ask for the ZIP or fetch one.
    phone.goto("/hjem/")
    cookies = phone.context.cookies()
    csrf = next(c["value"] for c in cookies if c["name"] == "csrftoken")
    response = phone.request.post(
        live_server.url + f"/kurs/ledelse/{run.pk}/kursbevis/",
        form={"action": "zip", "lang": "nb", "csrfmiddlewaretoken": csrf},
        headers={"Referer": live_server.url + "/hjem/"},
        max_redirects=0,
    )
    assert response.status in (403, 404)
    assert not CertificateArchive.objects.exists()
    response = phone.request.get(
        live_server.url + f"/kurs/ledelse/{run.pk}/kursbevis.zip", max_redirects=0
    )
    assert response.status in (403, 404)
