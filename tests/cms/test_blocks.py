"""Every block type of a lesson renders, and renders what the editor wrote."""

from http import HTTPStatus

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from cms.blocks import LessonStreamBlock

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson_with_every_block(db):
    factories.catalogue()
    measure = factories.measure(name="Arbeidstrening", slug="arbeidstrening")
    picture = factories.image()
    document = Document.objects.create(
        title="Opplæringsplan", file=ContentFile(b"%PDF-1.4 demo", name="plan.pdf")
    )
    body = [
        {"type": "heading", "value": {"text": "Første uke", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Tydelige <b>oppgaver</b> hjelper.</p>"},
        {"type": "image", "value": {"image": picture.pk, "caption": "Verkstedet"}},
        {
            "type": "video",
            "value": {
                "title": "Erfaringer fra Asker",
                "url": "https://video.example.org/v/123",
                "duration_minutes": 4,
                "transcript": "Daglig leder forteller om sin første lærling.",
            },
        },
        {
            "type": "case_story",
            "value": {
                "quote": "Det tok tre uker før alt satt.",
                "role": "daglig leder",
                "firm_type": "bakeri med 12 ansatte",
            },
        },
        {
            "type": "checklist",
            "value": {
                "title": "Før første dag",
                "items": ["Lag en plan", "Velg veileder"],
            },
        },
        {
            "type": "reflection",
            "value": {
                "question": "Hvem kan være veileder hos dere?",
                "guidance": "Tenk bredt.",
            },
        },
        {
            "type": "measure",
            "value": {"measure": measure.pk, "note": "Passer for start."},
        },
        {"type": "document", "value": {"document": document.pk, "description": "Mal"}},
        {
            "type": "quiz",
            "value": {
                "title": "Test deg selv",
                "quiz": "quiz-opplaering",
                "introduction": "Fem spørsmål.",
            },
        },
    ]
    return factories.lesson(title="Første dag på jobb", body=body), measure, picture


def test_every_block_type_renders(client, lesson_with_every_block):
    lesson, measure, picture = lesson_with_every_block
    response = client.get(lesson.url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "<h2>Første uke</h2>" in html
    assert "Tydelige <b>oppgaver</b> hjelper." in html
    assert f'alt="{picture.description}"' in html
    assert "<figcaption" in html and "Verkstedet" in html
    assert 'href="https://video.example.org/v/123"' in html
    assert "Daglig leder forteller om sin første lærling." in html
    assert "Det tok tre uker før alt satt." in html
    assert "daglig leder, bakeri med 12 ansatte" in html
    assert "<li>Lag en plan</li>" in html and "<li>Velg veileder</li>" in html
    assert "Hvem kan være veileder hos dere?" in html
    assert f'href="/tiltak/{measure.slug}/"' in html and "Passer for start." in html
    assert "plan.pdf" in html or "Opplæringsplan" in html
    assert "Test deg selv" in html and "Fem spørsmål." in html


def test_video_without_transcript_is_refused():
    block = LessonStreamBlock()
    value = block.to_python(
        [
            {
                "type": "video",
                "value": {
                    "title": "Film",
                    "url": "https://video.example.org/1",
                    "transcript": "",
                },
            }
        ]
    )
    with pytest.raises(ValidationError):
        block.clean(value)


def test_image_block_uses_the_images_alt_text(lesson_with_every_block, client):
    lesson, _measure, picture = lesson_with_every_block
    html = client.get(lesson.url).content.decode()
    assert html.count(f'alt="{picture.description}"') == 1
