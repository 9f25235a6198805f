"""Every view that hands over a file: a download, never a page of our origin.

The views are found from the URL resolver: a view whose code builds a file
response (`FileResponse`, `Content-Disposition`, the CSV/XLSX helpers, the PDF
helpers) must have a row in `FILE_VIEWS`, so a new download cannot escape the
headers test. Each is requested as someone allowed to get it, and must send
`nosniff`, a content security policy under which nothing runs, `attachment`
(inline only for the PDFs the platform writes itself) and never an executable
type.
"""

import functools
import inspect
import re
import sys
from http import HTTPStatus
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse

from wagtail.documents import get_document_model

import pytest

from lms.file_responses import ATTACHMENT_CSP, INLINE_PDF_CSP

from ..accounts.factories import UserFactory
from . import upload_corpus as corpus

pytestmark = pytest.mark.django_db

# What in a view's code means it answers with a file.
FILE_MARKERS = (
    "FileResponse",
    "Content-Disposition",
    "csv_download(",
    "csv_response(",
    "xlsx_response(",
    "_pdf_response(",
    "_pdf(",
    "file_response_protect(",
    "private_file_response(",
)
EXECUTABLE_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "application/javascript",
    "text/javascript",
    "application/xml",
    "text/xml",
)
INLINE_PDFS = {
    "courses:certification_pdf",
    "courses:course_certificate_pdf",
    "validation:certificate_pdf",
    "validation:transcript",
}
# Wagtail's own document view sets its CSP; every document is a download
# (WAGTAILDOCS_INLINE_CONTENT_TYPES = []).
WAGTAIL_DOCUMENT_CSP = "default-src 'none'"


def _url_patterns(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _url_patterns(pattern, inner)
        else:
            yield (f"{namespace}{pattern.name}" if pattern.name else None), pattern


@functools.cache
def _module_mentions_files(module_name: str) -> bool:
    path = getattr(sys.modules.get(module_name), "__file__", None)
    text = Path(path).read_text(errors="replace") if path else ""
    return any(marker in text for marker in FILE_MARKERS)


def file_views() -> set[str]:
    """The names of the URL patterns whose view answers with a file."""
    found = set()
    for name, pattern in _url_patterns():
        view = inspect.unwrap(pattern.callback)
        view = getattr(view, "view_class", view)
        if not _module_mentions_files(view.__module__):
            continue  # reading every view's source is slow; most modules have none
        try:
            source = inspect.getsource(view)
        except (OSError, TypeError):
            continue
        if any(marker in source for marker in FILE_MARKERS):
            found.add(name or view.__qualname__)
    return found


# name → (actor, how to build the URL from the world). The image preview of
# Wagtail's admin is an image rendition Wagtail re-encodes (checked below too).
FILE_VIEWS = {
    "accounts:data_export": ("participant", lambda o: reverse("accounts:data_export")),
    "courses:run_overview_csv": (
        "administrator",
        lambda o: reverse("courses:run_overview_csv", kwargs={"pk": o.run.pk}),
    ),
    "courses:quiz_results_csv": (
        "administrator",
        lambda o: reverse(
            "courses:quiz_results_csv",
            kwargs={"run_pk": o.run.pk, "quiz_pk": o.quiz.pk},
        ),
    ),
    "courses:my_course_calendar": (
        "participant",
        lambda o: reverse("courses:my_course_calendar"),
    ),
    "courses:certification_pdf": (
        "administrator",
        lambda o: reverse("courses:certification_pdf", args=[o.certification_a.pk]),
    ),
    "courses:course_certificates_zip": (
        "administrator",
        lambda o: reverse("courses:course_certificates_zip", args=[o.run.pk]),
    ),
    "courses:course_certificate_pdf": (
        "participant",
        lambda o: reverse(
            "courses:course_certificate_pdf", args=[o.course_certificate_a.pk]
        ),
    ),
    "validation:evidence_file": (
        "candidate",
        lambda o: reverse("validation:evidence_file", args=[o.evidence_file.pk]),
    ),
    "validation:certificate_pdf": (
        "candidate",
        lambda o: reverse("validation:certificate_pdf", args=[o.case.pk]),
    ),
    "validation:transcript": ("candidate", lambda o: reverse("validation:transcript")),
    "validation:register_csv": (
        "administrator",
        lambda o: reverse("validation:register_csv", args=["pathways"]),
    ),
    "results:dashboard_workbook": (
        "administrator",
        lambda o: reverse("results:dashboard_workbook"),
    ),
    "results:dashboard_export": ("administrator", lambda o: o.dashboard_csv),
    "results:dashboard_export (xlsx)": ("administrator", lambda o: o.dashboard_xlsx),
    "results:public_export": ("anonymous", lambda o: o.public_csv),
    "results:public_export (xlsx)": ("anonymous", lambda o: o.public_xlsx),
    "placements:download": (
        "trainee",
        lambda o: reverse("placements:download", args=[o.placement.pk]),
    ),
    "wagtaildocs_serve": ("anonymous", lambda o: o.document.url),
    "wagtaildocs_serve (html)": ("anonymous", lambda o: o.html_document.url),
    "wagtailimages:preview": (
        "editor",
        lambda o: reverse("wagtailimages:preview", args=[o.image.pk, "max-50x50"]),
    ),
}


def test_every_view_that_answers_with_a_file_is_in_the_table():
    listed = {name.split(" ")[0] for name in FILE_VIEWS}
    assert file_views() == listed


def _export_links(client, page_url, pattern):
    text = client.get(page_url).text
    return sorted(set(re.findall(pattern, text)))


@pytest.fixture
def file_world(world, client, settings):
    o = world.objects
    client.force_login(world.actors["administrator"])
    links = _export_links(
        client,
        reverse("results:dashboard"),
        r'href="(/resultater/oversikt/[\w-]+\.)(?:csv|xlsx)"',
    )
    o.dashboard_csv = next(f"{link}csv" for link in links)
    o.dashboard_xlsx = next(f"{link}xlsx" for link in links)
    client.logout()
    links = _export_links(
        client,
        reverse("results:public"),
        r'href="(/resultater/tall/[\w-]+\.)(?:csv|xlsx)"',
    )
    o.public_csv = next(f"{link}csv" for link in links)
    o.public_xlsx = next(f"{link}xlsx" for link in links)
    # An HTML file someone managed to store as a document (the admin refuses
    # them now; files from before, or from a script, are still served).
    o.html_document = get_document_model().objects.create(
        title="Side",
        file=SimpleUploadedFile("side.html", corpus.html_with_script()),
    )
    from ..cms import factories as cms_factories

    o.image = cms_factories.image()
    # The run's ZIP is served once prepared: built here whatever task backend
    # an earlier test left configured (the database one only queues it).
    from courses.models import ArchiveStatus
    from courses.services.archives import (
        certificate_archive_build,
        certificate_archive_request,
    )

    archive = certificate_archive_request(run=o.run, language="nb")
    if archive.status == ArchiveStatus.QUEUED:
        certificate_archive_build(archive_id=archive.pk)
        archive.refresh_from_db()
    assert archive.status == ArchiveStatus.READY, archive.status
    return world


def test_every_file_response_is_a_download_the_browser_cannot_run(client, file_world):
    problems = []
    for name, (actor, url_of) in FILE_VIEWS.items():
        url = url_of(file_world.objects)
        client.logout()
        if file_world.actors[actor] is not None:
            client.force_login(file_world.actors[actor])
        response = client.get(url)
        if response.status_code != HTTPStatus.OK:
            problems.append((name, url, response.status_code))
            continue
        content_type = response["Content-Type"].split(";")[0].strip()
        disposition = response.get("Content-Disposition", "")
        csp = response.get("Content-Security-Policy")
        if name == "wagtailimages:preview":
            # A rendition Wagtail encoded itself, shown inline in the admin.
            got = (content_type.split("/")[0], response.get("X-Content-Type-Options"))
            if got != ("image", "nosniff") or content_type == "image/svg+xml":
                problems.append((name, content_type, got))
            continue
        if name in INLINE_PDFS:
            expected = ("application/pdf", "inline", INLINE_PDF_CSP)
        elif name.startswith("wagtaildocs_serve"):
            expected = (content_type, "attachment", WAGTAIL_DOCUMENT_CSP)
        else:
            expected = (content_type, "attachment", ATTACHMENT_CSP)
        got = (content_type, disposition.split(";")[0], csp)
        if got != expected or response.get("X-Content-Type-Options") != "nosniff":
            problems.append((name, got, response.get("X-Content-Type-Options")))
        if content_type in EXECUTABLE_TYPES and not disposition.startswith(
            "attachment"
        ):
            problems.append((name, "executable type inline", content_type))
    assert problems == []


def test_an_uploaded_pdf_document_is_a_download_too(client, file_world):
    response = client.get(file_world.objects.document.url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"


def test_evidence_is_served_with_the_type_its_content_has(client, file_world):
    client.force_login(file_world.actors["candidate"])
    evidence = file_world.objects.evidence_file
    response = client.get(reverse("validation:evidence_file", args=[evidence.pk]))
    assert response["Content-Type"] == evidence.content_type == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="bilde.png"'


def test_an_editor_still_downloads_a_document(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="en"))
    document = get_document_model().objects.create(
        title="Plan", file=SimpleUploadedFile("plan.pdf", corpus.pdf())
    )
    response = client.get(document.url)
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == corpus.pdf()
