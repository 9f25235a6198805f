"""Assertions shared by the test suite."""

from django.utils import translation
from django.utils.html import escape


def message_text(response, message, **params) -> str:
    """The message as the user who got `response` reads it (their language)."""
    with translation.override(response.get("Content-Language", "nb")):
        text = str(message)
    return text % params if params else text


def assert_shows_message(response, message, **params):
    """The page shows `message`, exactly, in the language the page is in."""
    text = message_text(response, message, **params)
    assert escape(text) in response.content.decode(), text
