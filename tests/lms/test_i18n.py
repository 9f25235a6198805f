"""Every user-facing string has a Norwegian and an English translation."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "lms" / "locale"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_placeholders_survive_translation():
    catalogue = polib.pofile(str(LOCALE / "nb" / "LC_MESSAGES" / "django.po"))
    import re

    pattern = re.compile(r"%\(\w+\)s")
    for entry in catalogue:
        if entry.msgid_plural:
            # Norwegian may drop the count from a singular ("ett tiltak").
            plural = pattern.findall(entry.msgstr_plural[1])
            assert sorted(plural) == sorted(pattern.findall(entry.msgid_plural))
            assert set(pattern.findall(entry.msgstr_plural[0])) <= set(plural)
        else:
            translated = pattern.findall(entry.msgstr)
            assert sorted(pattern.findall(entry.msgid)) == sorted(translated), (
                entry.msgid
            )
