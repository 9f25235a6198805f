"""Files on S3-compatible object storage, against a local endpoint (moto's server).

Evidence goes to the private bucket and comes back only through the view that
checks who may see the case, as a redirect to a link signed for a short time;
Wagtail's images and documents go to the public bucket, where only renditions
are public.
"""

import io
import time
from datetime import date
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from botocore.exceptions import ClientError
from reportlab.pdfgen import canvas

from courses.models import CertificateArchive, CourseCertificate
from courses.services.archives import certificate_archive_request
from lms.accounts.roles import Role
from lms.file_responses import PRIVATE_CACHE_CONTROL, signs_urls
from lms.uploads import STORAGE_NOT_WRITABLE_MESSAGE
from validation.files import ERR_EXECUTABLE
from validation.models import Evidence, EvidenceKind

from ..accounts.factories import UserFactory
from ..courses import certification_factories
from ..courses import factories as course_factories
from ..helpers import assert_shows_message
from ..validation.factories import (
    case_new,
    criteria_of,
    person,
    png_bytes,
    unit_approved,
)
from .conftest import (
    PRIVATE_BUCKET,
    PUBLIC_BUCKET,
    SIGNED_URL_SECONDS,
    fetch,
    use_object_storage,
)

pytestmark = pytest.mark.django_db

FILE_NAME = "Opplæringsplan uke 3.pdf"
# RFC 6266: a name beyond ASCII goes in `filename*`, percent-encoded UTF-8.
FILE_DISPOSITION = "attachment; filename*=utf-8''Oppl%C3%A6ringsplan%20uke%203.pdf"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Opplæringsplan for en ny kollega")
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture
def case(db):
    return case_new(
        candidate=person(Role.CANDIDATE),
        unit=unit_approved(code="S3-01"),
        assessor=person(Role.ASSESSOR),
    )


def upload_evidence(client, case, content: bytes, name: str = FILE_NAME):
    """The candidate uploads `content` through the page; the response."""
    client.force_login(case.candidate)
    return client.post(
        reverse("validation:evidence_add", kwargs={"pk": case.pk}),
        {
            "kind": EvidenceKind.FILE,
            "title": "Opplæringsplan",
            "file": SimpleUploadedFile(name, content, "application/pdf"),
            "criteria": [criteria_of(case.unit)[0].pk],
        },
    )


@pytest.fixture
def evidence(client, s3, case):
    """A PDF the candidate uploaded through the page, and its bytes."""
    content = pdf_bytes()
    response = upload_evidence(client, case, content)
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get(case=case)
    evidence.uploaded = content
    client.logout()
    return evidence


def file_url(evidence) -> str:
    return reverse("validation:evidence_file", kwargs={"pk": evidence.pk})


def private_key(evidence) -> str:
    return f"evidence/{evidence.file.name}"


def link_params(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def is_public(client, bucket: str, key: str) -> bool:
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def local_files(tmp_path) -> list:
    return [path for path in tmp_path.rglob("*") if path.is_file()]


def test_an_evidence_upload_lands_in_the_private_bucket_not_on_disk(
    evidence, s3, tmp_path
):
    assert signs_urls(evidence.file.storage)
    head = s3.client.head_object(Bucket=PRIVATE_BUCKET, Key=private_key(evidence))
    assert head["ContentLength"] == len(evidence.uploaded) == evidence.size
    assert head["ContentType"] == "application/pdf"
    assert head["ContentDisposition"] == "attachment"
    assert head["CacheControl"] == PRIVATE_CACHE_CONTROL
    body = s3.client.get_object(Bucket=PRIVATE_BUCKET, Key=private_key(evidence))
    assert body["Body"].read() == evidence.uploaded
    assert not is_public(s3.client, PRIVATE_BUCKET, private_key(evidence))
    # Nowhere else: not in the public bucket, not in a local folder.
    listed = s3.client.list_objects_v2(Bucket=PUBLIC_BUCKET, Prefix="evidence/")
    assert listed["KeyCount"] == 0
    assert local_files(tmp_path) == []
    with pytest.raises(NotImplementedError):
        evidence.file.path  # noqa: B018 (no local path on object storage)


def test_an_upload_the_checks_refuse_stores_nothing_in_the_bucket(client, s3, case):
    before = s3.client.list_objects_v2(Bucket=PRIVATE_BUCKET)["KeyCount"]
    response = upload_evidence(client, case, b"MZ\x90\x00" + bytes(200), "plan.pdf")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert str(ERR_EXECUTABLE) in response.context["form"].errors["file"]
    assert not Evidence.objects.filter(case=case).exists()
    assert s3.client.list_objects_v2(Bucket=PRIVATE_BUCKET)["KeyCount"] == before


def test_the_candidate_and_the_assessor_are_sent_to_a_short_lived_signed_link(
    client, evidence, s3
):
    for who in (evidence.case.candidate, evidence.case.assessor):
        client.force_login(who)
        response = client.get(file_url(evidence))
        assert response.status_code == HTTPStatus.FOUND
        assert response["Cache-Control"] == PRIVATE_CACHE_CONTROL
        assert response["X-Content-Type-Options"] == "nosniff"
        link = response["Location"]
        assert link.startswith(
            f"{s3.endpoint}/{PRIVATE_BUCKET}/{private_key(evidence)}?"
        )
        params = link_params(link)
        assert params["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
        assert params["X-Amz-Signature"]
        assert 0 < int(params["X-Amz-Expires"]) <= SIGNED_URL_SECONDS
        assert params["response-content-disposition"] == FILE_DISPOSITION
        assert params["response-content-type"] == "application/pdf"

        status, headers, body = fetch(link)
        assert status == HTTPStatus.OK
        assert body == evidence.uploaded
        assert headers["Content-Disposition"] == FILE_DISPOSITION
        assert headers["Content-Type"] == "application/pdf"
        assert headers["Cache-Control"] == PRIVATE_CACHE_CONTROL
    assert s3.gate.refused == []


@pytest.mark.parametrize("who", ["other_candidate", "unrelated_assessor", "user"])
def test_people_outside_the_case_get_not_found_and_no_link(client, evidence, who):
    people = {
        "other_candidate": case_new(
            candidate=person(Role.CANDIDATE),
            unit=evidence.case.unit,
            assessor=evidence.case.assessor,
        ).candidate,
        "unrelated_assessor": person(Role.ASSESSOR),
        "user": UserFactory(),
    }
    client.force_login(people[who])
    response = client.get(file_url(evidence))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Location" not in response
    answer = str(response.headers) + response.content.decode()
    for trace in ("Signature", "X-Amz", PRIVATE_BUCKET, evidence.file.name):
        assert trace not in answer


def test_anonymous_visitors_are_sent_to_the_login_page_not_the_store(
    client, evidence, s3
):
    response = client.get(file_url(evidence))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("accounts:login"))
    assert s3.endpoint not in response["Location"]


def test_the_store_refuses_the_object_without_a_valid_signature(client, evidence, s3):
    client.force_login(evidence.case.candidate)
    link = client.get(file_url(evidence))["Location"]
    unsigned = link.split("?", 1)[0]
    status, _headers, body = fetch(unsigned)
    assert status == HTTPStatus.FORBIDDEN
    assert b"<Code>AccessDenied</Code>" in body
    signature = link_params(link)["X-Amz-Signature"]
    forged = link.replace(signature, signature[::-1])
    status, _headers, body = fetch(forged)
    assert status == HTTPStatus.FORBIDDEN
    assert b"<Code>SignatureDoesNotMatch</Code>" in body
    # The link itself still works: the refusals were for what was changed.
    assert fetch(link)[2] == evidence.uploaded


def test_an_expired_link_is_refused_by_the_store(
    client, evidence, s3, settings, monkeypatch
):
    use_object_storage(settings, monkeypatch, s3.endpoint, S3_SIGNED_URL_SECONDS="1")
    client.force_login(evidence.case.candidate)
    link = client.get(file_url(evidence))["Location"]
    assert link_params(link)["X-Amz-Expires"] == "1"
    time.sleep(2.1)
    status, _headers, body = fetch(link)
    assert status == HTTPStatus.FORBIDDEN
    assert b"Request has expired" in body
    assert evidence.uploaded not in body


def test_removing_evidence_removes_its_object(
    client, evidence, s3, django_capture_on_commit_callbacks
):
    key = private_key(evidence)
    client.force_login(evidence.case.candidate)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("validation:evidence_remove", kwargs={"pk": evidence.pk})
        )
    assert response.status_code == HTTPStatus.FOUND
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    with pytest.raises(ClientError) as error:
        s3.client.head_object(Bucket=PRIVATE_BUCKET, Key=key)
    assert error.value.response["Error"]["Code"] == "404"


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="en"))
    return client


def test_a_wagtail_image_goes_to_the_public_bucket_and_only_renditions_are_public(
    editor, s3, tmp_path
):
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Verksted",
            "description": "Et verksted",
            "file": SimpleUploadedFile("verksted.png", png_bytes(), "image/png"),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    image = get_image_model().objects.get(title="Verksted")
    original = f"media/{image.file.name}"
    assert original.startswith("media/original_images/")
    s3.client.head_object(Bucket=PUBLIC_BUCKET, Key=original)
    assert not is_public(s3.client, PUBLIC_BUCKET, original)

    rendition = image.get_rendition("fill-4x4")
    key = f"media/{rendition.file.name}"
    assert key.startswith("media/images/")
    assert is_public(s3.client, PUBLIC_BUCKET, key)
    # A plain, unsigned address that cached pages can keep.
    assert rendition.url == f"{s3.endpoint}/{PUBLIC_BUCKET}/{key}"
    status, headers, body = fetch(rendition.url)
    assert status == HTTPStatus.OK
    assert body == s3.client.get_object(Bucket=PUBLIC_BUCKET, Key=key)["Body"].read()
    assert body.startswith(b"\x89PNG")
    assert local_files(tmp_path) == []


def test_a_wagtail_document_goes_to_the_public_bucket_privately_and_is_served(
    editor, client, s3, tmp_path
):
    content = pdf_bytes()
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Kursplan",
            "file": SimpleUploadedFile("kursplan.pdf", content, "application/pdf"),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    document = get_document_model().objects.get(title="Kursplan")
    key = f"media/{document.file.name}"
    assert key.startswith("media/documents/")
    s3.client.head_object(Bucket=PUBLIC_BUCKET, Key=key)
    # Wagtail's view serves it (after its collection-privacy check), not the bucket.
    assert not is_public(s3.client, PUBLIC_BUCKET, key)
    client.logout()
    served = client.get(document.url)
    assert served.status_code == HTTPStatus.OK
    assert b"".join(served.streaming_content) == content
    assert served["Content-Disposition"].startswith("attachment")
    assert local_files(tmp_path) == []


def test_a_bucket_that_refuses_uploads_is_a_form_error_not_a_server_error(
    editor, s3, settings, monkeypatch
):
    use_object_storage(
        settings, monkeypatch, s3.endpoint, AWS_STORAGE_BUCKET_NAME="sosialprofil-gone"
    )
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Verksted",
            "description": "Et verksted",
            "file": SimpleUploadedFile("verksted.png", png_bytes(), "image/png"),
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert_shows_message(response, STORAGE_NOT_WRITABLE_MESSAGE)
    assert not get_image_model().objects.exists()


def test_the_certificate_zip_is_a_private_object_sent_by_a_signed_link(client, s3):
    run = course_factories.run()
    for holder in UserFactory.create_batch(2):
        CourseCertificate.objects.create(
            run=run,
            user=holder,
            holder_name=str(holder),
            code=certification_factories.code(),
            issued_on=date(2026, 11, 23),
        )
    certificate_archive_request(run=run, language="nb")
    archive = CertificateArchive.objects.get(run=run)
    key = f"evidence/{archive.file.name}"
    stored = s3.client.get_object(Bucket=PRIVATE_BUCKET, Key=key)["Body"].read()
    assert stored.startswith(b"PK")
    url = reverse("courses:course_certificates_zip", args=[run.pk])

    client.force_login(course_factories.run().leaders.get())
    refused = client.get(url)
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert "X-Amz" not in str(refused.headers) + refused.content.decode()

    client.force_login(run.leaders.get())
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(f"{s3.endpoint}/{PRIVATE_BUCKET}/{key}?")
    status, headers, body = fetch(response["Location"])
    assert status == HTTPStatus.OK
    assert body == stored
    assert headers["Content-Disposition"] == (
        f'attachment; filename="kursbevis-{run.pk}.zip"'
    )
    assert headers["Content-Type"] == "application/zip"
