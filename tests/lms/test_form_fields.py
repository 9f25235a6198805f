from django import forms

import pytest

from courses.admin_viewsets import CourseForm, CourseRunForm, SessionForm
from lms.accounts.models import Firm
from lms.form_fields import ModelMultipleChoiceField

from ..accounts.factories import FirmFactory

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = str(2**63)


class FirmsForm(forms.Form):
    firms = ModelMultipleChoiceField(queryset=Firm.objects.all())


def test_an_id_beyond_what_the_database_holds_is_an_invalid_choice():
    firm = FirmFactory()
    form = FirmsForm({"firms": [str(firm.pk), BEYOND_64_BITS]})
    assert not form.is_valid()
    assert form.errors["firms"].as_data()[0].code == "invalid_choice"
    assert BEYOND_64_BITS in form.errors["firms"][0]


def test_a_negative_id_beyond_the_range_is_refused_too():
    form = FirmsForm({"firms": [str(-(2**63) - 1)]})
    assert not form.is_valid()


def test_ids_in_range_are_chosen_as_before():
    first, second = FirmFactory(), FirmFactory()
    form = FirmsForm({"firms": [str(first.pk), str(second.pk)]})
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["firms"]) == {first, second}
    assert not FirmsForm({"firms": ["abc"]}).is_valid()


@pytest.mark.parametrize(
    ("form_class", "name"),
    [
        (CourseForm, "required_quizzes"),
        (CourseRunForm, "leaders"),
        (SessionForm, "preparation_lessons"),
    ],
)
def test_the_admins_many_to_many_fields_use_it(form_class, name):
    assert isinstance(form_class.base_fields[name], ModelMultipleChoiceField)
