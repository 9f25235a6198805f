"""Verification codes: what is generated, what people may type, how it prints."""

from django.urls import reverse

import pytest

from courses.codes import ALPHABET, LENGTH, format_code, new_code, normalise_code
from courses.selectors.certificates import verify_path
from lms.accounts.validators import format_org_number


def test_new_codes_use_only_unambiguous_characters():
    codes = {new_code() for _ in range(200)}

    assert len(codes) == 200
    assert all(len(code) == LENGTH and set(code) <= set(ALPHABET) for code in codes)
    assert not set("01ILOUV") & set(ALPHABET)


@pytest.mark.parametrize(
    "typed",
    ["K7M2-QX9P-4RTW", "k7m2qx9p4rtw", " K7M2 QX9P 4RTW ", "k7m2–qx9p–4rtw"],
)
def test_typed_codes_are_normalised(typed):
    assert normalise_code(typed) == "K7M2QX9P4RTW"


@pytest.mark.parametrize(
    "typed", ["", "K7M2-QX9P", "K7M2-QX9P-4RT0", "K7M2-QX9P-4RTI", "<script>"]
)
def test_anything_else_is_not_a_code(typed):
    assert normalise_code(typed) is None


def test_codes_print_in_groups_of_four_and_have_one_address():
    assert format_code("K7M2QX9P4RTW") == "K7M2-QX9P-4RTW"
    expected = reverse("verify:detail", kwargs={"code": "K7M2-QX9P-4RTW"})
    assert verify_path("K7M2QX9P4RTW") == expected
    assert verify_path("K7M2-QX9P-4RTW") == expected


@pytest.mark.parametrize(
    ("number", "printed"),
    [("914035171", "914 035 171"), ("914 035 171", "914 035 171"), ("1234", "1234")],
)
def test_organisation_numbers_print_in_groups_of_three(number, printed):
    assert format_org_number(number) == printed
