"""Verification codes: unguessable, short enough to type, nothing ambiguous.

Twelve characters from an alphabet without 0/O, 1/I/L and U/V (29 ** 12, about
58 bits), printed in groups of four. Typed codes are normalised, so spaces,
dashes and lower case do not matter.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
LENGTH = 12
GROUP = 4
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


def new_code() -> str:
    """A fresh random code (unformatted)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be a code."""
    code = re.sub(r"[\s\-–.]", "", typed or "").upper()
    return code if _VALID.match(code) else None


def format_code(code: str) -> str:
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
