"""Every upload point against the corpus of hostile files (upload_corpus.py).

The upload points: evidence files of validation cases (`validation:evidence_add`,
the only upload form of our own apps), and in Wagtail's admin images (single
and multiple uploader) and documents (single and multiple uploader). Each bad
file is refused with a message the uploader can act on, or neutralised (stored
under a generated name, re-encoded, served only as a download); nothing is half
saved; bombs are refused before anything is decoded or unpacked, in bounded
memory.
"""

import re
import tracemalloc
from http import HTTPStatus
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

import pytest
from PIL import ImageFile

from lms.accounts.roles import Role
from lms.uploads import UPLOAD_NOT_ALLOWED_MESSAGE
from validation import files as evidence_files
from validation.files import evidence_file_check
from validation.models import Evidence, EvidenceKind
from validation.services import portfolio

from ..accounts.factories import UserFactory
from ..validation.factories import (
    case_new,
    criteria_of,
    evidence_storage_in,
    person,
    unit_approved,
)
from . import upload_corpus as corpus

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
# What a refusal may allocate (Python objects, traced by tracemalloc) while it
# checks a bomb: the bombs claim 64 MB to 2.7 GB.
BOMB_MEMORY_BOUND = 8 * MB
GENERATED_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|pdf|docx)$")


def english(message, **params) -> str:
    with translation.override("en"):
        return str(message) % params if params else str(message)


def files_under(folder: Path) -> list[Path]:
    return (
        [path for path in folder.rglob("*") if path.is_file()]
        if folder.exists()
        else []
    )


# Evidence ---------------------------------------------------------------------------

# sample → (message, params) of the refusal, in English.
EVIDENCE_REFUSALS = {
    "empty": (evidence_files.ERR_EMPTY, {}),
    "windows_program_as_pdf": (evidence_files.ERR_EXECUTABLE, {}),
    "linux_program_as_pdf": (evidence_files.ERR_EXECUTABLE, {}),
    "html_with_script": (evidence_files.ERR_MARKUP, {}),
    "html_named_pdf": (evidence_files.ERR_MARKUP, {}),
    "svg_with_script": (evidence_files.ERR_MARKUP, {}),
    "svg_named_png": (evidence_files.ERR_MARKUP, {}),
    "pdf_with_javascript": (evidence_files.ERR_PDF_ACTIVE_CONTENT, {}),
    "pdf_with_escaped_javascript": (evidence_files.ERR_PDF_ACTIVE_CONTENT, {}),
    "decompression_bomb_png": (
        evidence_files.ERR_IMAGE_TOO_MANY_PIXELS,
        {"limit": "50"},
    ),
    "pixel_flood_png": (evidence_files.ERR_IMAGE_TOO_MANY_PIXELS, {"limit": "50"}),
    "pixel_flood_jpeg": (evidence_files.ERR_IMAGE_TOO_MANY_PIXELS, {"limit": "50"}),
    "zip_bomb_docx": (evidence_files.ERR_OFFICE_TOO_LARGE_UNPACKED, {"limit": "200"}),
    "zip_slip_docx": (evidence_files.ERR_OFFICE_UNSAFE_NAMES, {}),
    "plain_zip": (
        evidence_files.ERR_TYPE_NOT_ALLOWED,
        {
            "allowed": "PDF, photos (JPEG, PNG, WebP, HEIC), office documents "
            "(.docx, .xlsx, .pptx, .odt), short videos (MP4, MOV, WebM)"
        },
    ),
}
BOMBS = (
    "decompression_bomb_png",
    "pixel_flood_png",
    "pixel_flood_jpeg",
    "zip_bomb_docx",
)


@pytest.fixture
def evidence_folder(settings, tmp_path, monkeypatch):
    return evidence_storage_in(
        tmp_path / "evidence", settings=settings, monkeypatch=monkeypatch
    )


@pytest.fixture
def case(evidence_folder):
    owner = person(Role.PROGRAMME_OWNER)
    unit = unit_approved(by=owner, code="AM-91", outcomes=1, criteria=1)
    candidate = person(Role.CANDIDATE, language="en")
    return case_new(candidate=candidate, unit=unit)


def post_evidence(client, case, name, content):
    client.force_login(case.candidate)
    return client.post(
        f"/validering/saker/{case.pk}/bevis/ny/",
        {
            "kind": EvidenceKind.FILE,
            "title": "Bevis",
            "file": SimpleUploadedFile(name, content, "application/pdf"),
            "criteria": [criteria_of(case.unit)[0].pk],
        },
    )


@pytest.mark.parametrize("key", sorted(EVIDENCE_REFUSALS))
def test_evidence_refuses_each_bad_file_with_its_message_and_saves_nothing(
    client, case, evidence_folder, key
):
    sample = corpus.CORPUS[key]
    version = case.version
    response = post_evidence(client, case, sample.name, sample.content)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    message, params = EVIDENCE_REFUSALS[key]
    assert response.context["form"].errors["file"] == [english(message, **params)]
    assert english(message, **params) in response.text.replace("&#x27;", "'")
    assert not Evidence.objects.exists()
    assert files_under(evidence_folder) == []
    case.refresh_from_db()
    assert case.version == version  # the case did not move either


def test_every_sample_of_the_corpus_is_expected_somewhere():
    assert set(corpus.CORPUS) == set(EVIDENCE_REFUSALS) | {"png_named_pdf"}


def test_evidence_whose_name_lies_is_kept_by_its_content_under_a_generated_name(
    client, case, evidence_folder
):
    sample = corpus.CORPUS["png_named_pdf"]
    response = post_evidence(client, case, sample.name, sample.content)
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    assert (evidence.content_type, evidence.original_name) == (
        "image/png",
        "rapport.png",
    )
    assert GENERATED_NAME.match(Path(evidence.file.name).name)
    assert evidence.file.name.startswith("cases/")


@pytest.mark.parametrize("key", sorted(corpus.HOSTILE_NAMES))
def test_evidence_with_a_hostile_name_is_stored_under_a_generated_name(
    client, case, evidence_folder, key
):
    response = post_evidence(
        client, case, corpus.HOSTILE_NAMES[key], corpus.small_png()
    )
    assert response.status_code == HTTPStatus.FOUND
    evidence = Evidence.objects.get()
    stored = files_under(evidence_folder)
    assert len(stored) == 1
    assert stored[0].resolve().is_relative_to(evidence_folder.resolve())
    assert GENERATED_NAME.match(stored[0].name)
    shown = evidence.original_name
    assert shown.endswith(".png")
    assert len(shown) <= 100
    assert not set(shown) & {"/", "\\", "\x00", "\u202e"}
    assert ".." not in shown


def test_a_file_just_over_the_limit_is_refused_with_the_limit(
    client, case, evidence_folder, settings
):
    settings.EVIDENCE_MAX_BYTES = {**settings.EVIDENCE_MAX_BYTES, "pdf": MB}
    content = corpus.pdf(objects=b"% " + b"x" * (MB - 200) + b"\n")
    content = content[: MB - 6] + b"%%EOF\n" if len(content) > MB else content
    content = content.ljust(MB + 1 - 6, b" ")[: MB + 1 - 6] + b"%%EOF\n"
    assert len(content) == MB + 1
    response = post_evidence(client, case, "stor.pdf", content)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors["file"] == [
        english(evidence_files.ERR_TOO_BIG, kind="PDF documents", limit="1")
    ]
    assert not Evidence.objects.exists()
    assert files_under(evidence_folder) == []


class HugeUpload:
    """An upload of `size` bytes made on the fly (nothing held): `head`, then
    zeros. `claimed_size` None: the size is unknown, as with a lying client."""

    def __init__(self, head: bytes, size: int, *, claimed_size=True):
        self.head, self.total, self.position = head, size, 0
        self.size = size if claimed_size else None
        self.name = "stor.mp4"
        self.bytes_read = 0

    def seek(self, position, whence=0):
        self.position = position if whence == 0 else self.total + position

    def tell(self):
        return self.position

    def read(self, count=-1):
        count = self.total - self.position if count < 0 else count
        count = max(0, min(count, self.total - self.position))
        start, self.position = self.position, self.position + count
        self.bytes_read += count
        head = self.head[start : start + count]
        return head + b"\x00" * (count - len(head))


MP4_HEAD = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"


@pytest.mark.parametrize("claimed_size", [True, False], ids=["honest", "unknown"])
def test_an_oversized_upload_is_refused_reading_at_most_the_limit_in_chunks(
    claimed_size,
):
    limit = evidence_files.common.settings.EVIDENCE_MAX_BYTES["video"]
    upload = HugeUpload(MP4_HEAD, limit + 1, claimed_size=claimed_size)
    tracemalloc.start()
    try:
        with pytest.raises(evidence_files.common.ValidationError) as refused:
            evidence_file_check(upload=upload)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "too_big"
    assert upload.bytes_read <= (8192 if claimed_size else limit + 1 + 8192)
    assert peak < 4 * MB  # 1 MB chunks, never the 100 MB file


@pytest.mark.parametrize("key", BOMBS)
def test_bombs_are_refused_before_decoding_in_bounded_memory(monkeypatch, key):
    decoded = []
    real_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile,
        "load",
        lambda self: decoded.append(self) or real_load(self),
    )
    sample = corpus.CORPUS[key]
    content = sample.content  # built (and cached) before measuring
    upload = SimpleUploadedFile(sample.name, content)
    tracemalloc.start()
    try:
        with pytest.raises(evidence_files.common.ValidationError):
            evidence_file_check(upload=upload)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Pillow's pixel buffers are not Python objects, so tracemalloc cannot see a
    # decode: that no image was loaded at all proves none happened.
    assert decoded == []
    assert peak < BOMB_MEMORY_BOUND, peak


def test_a_good_file_still_goes_through_the_service(case):
    checked = evidence_file_check(
        upload=SimpleUploadedFile("ok.png", corpus.small_png(), "image/png")
    )
    evidence = portfolio.evidence_add(
        case=case,
        by=case.candidate,
        kind=EvidenceKind.FILE,
        title="Bilde",
        checked_file=checked,
        criteria=criteria_of(case.unit),
    )
    assert evidence.content_type == "image/png"


# Wagtail's admin: images and documents ------------------------------------------------


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(UserFactory(is_staff=True, is_superuser=True, language="en"))
    return client


def nothing_stored(media: Path) -> bool:
    return (
        not get_image_model().objects.exists()
        and not get_document_model().objects.exists()
        and not UploadedFile.objects.exists()
        and [p for p in files_under(media) if ".write-check-" not in p.name] == []
    )


# Wagtail's own messages (English: the editor's language).
NOT_AN_IMAGE = "Upload a valid image. The file you uploaded was either not an image"
IMAGE_REFUSALS = {
    "empty": "The submitted file is empty.",
    "windows_program_as_pdf": NOT_AN_IMAGE,
    "linux_program_as_pdf": NOT_AN_IMAGE,
    "html_with_script": "Not a supported image format.",
    "html_named_pdf": "Not a supported image format.",
    "svg_with_script": "Not a supported image format.",
    "svg_named_png": "Not a valid .png image. The extension does not match the file",
    "pdf_with_javascript": NOT_AN_IMAGE,
    "pdf_with_escaped_javascript": NOT_AN_IMAGE,
    "decompression_bomb_png": "Maximum pixels 50000000.",
    "pixel_flood_png": "This file has too many pixels (100000000). Maximum pixels 500",
    "pixel_flood_jpeg": "Maximum pixels 50000000.",
    "zip_bomb_docx": NOT_AN_IMAGE,
    "zip_slip_docx": NOT_AN_IMAGE,
    "plain_zip": NOT_AN_IMAGE,
    "png_named_pdf": "Not a supported image format.",
}


@pytest.mark.parametrize("key", sorted(IMAGE_REFUSALS))
def test_wagtail_images_refuse_each_bad_file_and_save_nothing(editor, settings, key):
    sample = corpus.CORPUS[key]
    upload = SimpleUploadedFile(sample.name, sample.content, "image/png")
    response = editor.post("/admin/images/multiple/add/", {"files[]": upload})
    assert response.status_code == HTTPStatus.OK
    answer = response.json()
    assert answer["success"] is False
    assert IMAGE_REFUSALS[key] in answer["error_message"]
    assert nothing_stored(settings.MEDIA_ROOT)


# A name whose real extension hides behind a NUL or a right-to-left override is
# refused by that extension; the others are stored under their last part.
NAMES_REFUSED = {
    "nul": ("Not a supported image format.", "File extension “html” is not allowed"),
    "right_to_left_override": (
        "Not a supported image format.",
        "File extension “exe” is not allowed",
    ),
}


def assert_stored_safely(file, folder: Path, media: Path):
    stored = Path(file.path).resolve()
    assert stored.is_relative_to(media.resolve() / folder)
    assert not set(file.name) & {"\x00", "\u202e", "\\"}
    assert ".." not in file.name
    assert len(file.name) <= 100


@pytest.mark.parametrize("key", sorted(corpus.HOSTILE_NAMES))
def test_wagtail_images_with_a_hostile_name_are_refused_or_stay_in_their_folder(
    editor, settings, key
):
    # The single form: the multiple uploader keeps the file aside until the
    # editor has given the image its description.
    response = editor.post(
        "/admin/images/add/",
        {
            "title": "Bilde",
            "description": "Et bilde",
            "file": SimpleUploadedFile(corpus.HOSTILE_NAMES[key], corpus.small_png()),
        },
    )
    if key in NAMES_REFUSED:
        assert response.status_code == HTTPStatus.OK
        errors = response.context["form"].errors["file"]
        assert NAMES_REFUSED[key][0] in errors[0]
        assert nothing_stored(settings.MEDIA_ROOT)
    else:
        assert response.status_code == HTTPStatus.FOUND
        image = get_image_model().objects.get()
        assert_stored_safely(image.file, "original_images", settings.MEDIA_ROOT)


# Documents: only the listed extensions, no program or web page whatever its name;
# everything else is stored as it is and only ever served as a download
# (test_file_responses).
DOCUMENT_REFUSALS = {
    "empty": "The submitted file is empty.",
    "windows_program_as_pdf": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "linux_program_as_pdf": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "html_with_script": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "html_named_pdf": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "svg_with_script": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "svg_named_png": english(UPLOAD_NOT_ALLOWED_MESSAGE),
    "plain_zip": "File extension “zip” is not allowed.",
}
DOCUMENTS_KEPT = (
    "pdf_with_javascript",
    "zip_bomb_docx",
    "zip_slip_docx",
)


@pytest.mark.parametrize("key", sorted(DOCUMENT_REFUSALS))
def test_wagtail_documents_refuse_programs_and_web_pages(editor, settings, key):
    sample = corpus.CORPUS[key]
    upload = SimpleUploadedFile(sample.name, sample.content, "application/pdf")
    response = editor.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.status_code == HTTPStatus.OK
    answer = response.json()
    assert answer["success"] is False
    assert DOCUMENT_REFUSALS[key] in answer["error_message"]
    assert "extension “”" not in answer["error_message"]  # one clear reason
    assert nothing_stored(settings.MEDIA_ROOT)


@pytest.mark.parametrize("key", DOCUMENTS_KEPT)
def test_wagtail_documents_keep_other_files_as_downloads_without_unpacking(
    editor, settings, key
):
    sample = corpus.CORPUS[key]
    upload = SimpleUploadedFile(sample.name, sample.content, "application/pdf")
    tracemalloc.start()
    try:
        response = editor.post("/admin/documents/multiple/add/", {"files[]": upload})
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.json()["success"] is True
    document = get_document_model().objects.get()
    assert document.content_disposition.startswith("attachment;")
    assert peak < BOMB_MEMORY_BOUND + 2 * len(sample.content), peak


@pytest.mark.parametrize("key", sorted(corpus.HOSTILE_NAMES))
def test_wagtail_documents_with_a_hostile_name_are_refused_or_stay_in_their_folder(
    editor, settings, key
):
    name = corpus.HOSTILE_NAMES[key].replace(".png", ".pdf")
    upload = SimpleUploadedFile(name, corpus.pdf())
    answer = editor.post("/admin/documents/multiple/add/", {"files[]": upload}).json()
    if key in NAMES_REFUSED:
        assert answer["success"] is False
        assert NAMES_REFUSED[key][1] in answer["error_message"]
        assert nothing_stored(settings.MEDIA_ROOT)
    else:
        assert answer["success"] is True
        document = get_document_model().objects.get()
        assert_stored_safely(document.file, "documents", settings.MEDIA_ROOT)
        assert document.content_disposition.startswith("attachment;")
