"""Validation of Norwegian organisation numbers (organisasjonsnummer) and names."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORG_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)

ORG_NUMBER_FORMAT_MESSAGE = _("An organisation number has exactly 9 digits.")
ORG_NUMBER_CHECKSUM_MESSAGE = _(
    "This is not a valid organisation number: the check digit does not match. "
    "Check the number in the Brønnøysund Register Centre."
)


def normalise_org_number(value: str) -> str:
    """Drop the spaces and dots people type in "987 654 321" or "NO 987654321 MVA"."""
    cleaned = (value or "").upper().replace("MVA", "").replace("NO", "", 1)
    return "".join(ch for ch in cleaned if not ch.isspace() and ch not in ".-")


def format_org_number(number: str) -> str:
    """``914035171`` as people write it, ``914 035 171``; anything but nine
    digits is returned unchanged."""
    digits = number.replace(" ", "")
    if len(digits) == 9 and digits.isdigit():
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return number


def org_number_check_digit(first_eight: str) -> int | None:
    """Modulus 11 with the Brønnøysund weights; None when no valid digit exists."""
    total = sum(
        int(d) * w for d, w in zip(first_eight, ORG_NUMBER_WEIGHTS, strict=True)
    )
    remainder = total % 11
    if remainder == 0:
        return 0
    digit = 11 - remainder
    return None if digit == 10 else digit


def is_valid_org_number(value: str) -> bool:
    """True when `value` is nine digits with a correct mod-11 check digit."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        return False
    return org_number_check_digit(value[:8]) == int(value[8])


def validate_org_number(value: str) -> None:
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        raise ValidationError(ORG_NUMBER_FORMAT_MESSAGE, code="org_number_format")
    if not is_valid_org_number(value):
        raise ValidationError(ORG_NUMBER_CHECKSUM_MESSAGE, code="org_number_checksum")


CONTROL_CHARACTERS_MESSAGE = _(
    "Use letters, digits, spaces and punctuation only: line breaks, tabs and "
    "other control characters are not allowed."
)
# Control characters (Cc: line breaks, tabs, NUL …) and the Unicode line and
# paragraph separators: a name is shown on one line, in e-mail subjects too.
_FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}


def validate_single_line(value: str) -> None:
    """Refuse text with line breaks or other control characters (names, titles)."""
    if any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")
