from django.core.exceptions import ValidationError

from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

import pytest

from . import factories

pytestmark = pytest.mark.django_db


def test_project_uses_the_custom_image_model():
    assert get_image_model()._meta.label == "cms.CustomImage"


def test_image_without_alt_text_is_refused():
    picture = factories.image()
    picture.description = ""
    with pytest.raises(ValidationError) as excinfo:
        picture.full_clean()
    assert "description" in excinfo.value.message_dict


def test_image_upload_form_requires_alt_text():
    form_class = get_image_form(get_image_model())
    form = form_class(data={"title": "Uten alt-tekst", "description": ""})
    assert not form.is_valid()
    assert "description" in form.errors
    assert form.fields["description"].required
