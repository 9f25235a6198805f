from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Messages read outside a request are compared in English, whatever
    language an earlier request left active in this thread."""
    with translation.override("en"):
        yield
