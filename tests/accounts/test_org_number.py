from django.core.exceptions import ValidationError

import pytest

from lms.accounts.validators import (
    ORG_NUMBER_CHECKSUM_MESSAGE,
    ORG_NUMBER_FORMAT_MESSAGE,
    is_valid_org_number,
    normalise_org_number,
    validate_org_number,
)

# Weights 3 2 7 6 5 4 3 2 over the first eight digits, check digit 11 - (sum mod 11).
GOOD = [
    "914035171",  # demo firm
    "974760673",  # Brønnøysundregistrene's own number
    "923609016",  # Equinor ASA
    "971524960",  # NAV
    "922222223",
    "910000020",  # weighted sum divisible by 11 -> check digit 0
]

BAD = [
    ("914035172", ORG_NUMBER_CHECKSUM_MESSAGE),  # last digit off by one
    ("974760674", ORG_NUMBER_CHECKSUM_MESSAGE),
    ("123456789", ORG_NUMBER_CHECKSUM_MESSAGE),
    ("91403517", ORG_NUMBER_FORMAT_MESSAGE),  # eight digits
    ("9140351710", ORG_NUMBER_FORMAT_MESSAGE),  # ten digits
    ("91403517a", ORG_NUMBER_FORMAT_MESSAGE),
    ("", ORG_NUMBER_FORMAT_MESSAGE),
    ("９１４０３５１７１", ORG_NUMBER_FORMAT_MESSAGE),  # full-width digits
]


def test_zero_check_digit_case_is_really_remainder_zero():
    digits = [int(d) for d in "91000002"]
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    assert sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


@pytest.mark.parametrize("number", GOOD)
def test_valid_org_numbers_pass(number):
    assert is_valid_org_number(number)
    validate_org_number(number)


@pytest.mark.parametrize(("number", "message"), BAD)
def test_invalid_org_numbers_are_refused_with_clear_message(number, message):
    assert not is_valid_org_number(number)
    with pytest.raises(ValidationError) as excinfo:
        validate_org_number(number)
    assert excinfo.value.messages == [str(message)]


def test_number_whose_check_digit_would_be_ten_is_never_valid():
    # The weighted sum of 91000008 leaves remainder 1 -> check digit 10: no valid x.
    base = "91000008"
    total = sum(int(d) * w for d, w in zip(base, (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    assert 11 - total % 11 == 10
    assert not any(is_valid_org_number(base + str(d)) for d in range(10))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("914 035 171", "914035171"),
        ("914.035.171", "914035171"),
        ("NO 914035171 MVA", "914035171"),
        (" 914035171\n", "914035171"),
    ],
)
def test_typed_forms_are_normalised(typed, expected):
    assert normalise_org_number(typed) == expected
