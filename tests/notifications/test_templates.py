"""Every mail renders in Norwegian and in English: subject, plain text and HTML,
with its link, and the footer that says how to turn it off (unless required)."""

from django.utils import translation

import pytest

from lms.notifications.kinds import REQUIRED_KINDS, Kind, MailTemplate
from lms.notifications.mail import mail_context, mail_render

from .samples import CONTEXTS, FIRM, URL

pytestmark = pytest.mark.django_db

ALL_TEMPLATES = [*Kind, *MailTemplate]
LANGUAGES = ["nb", "en"]


def test_every_kind_and_mail_has_a_sample():
    assert set(CONTEXTS) == set(ALL_TEMPLATES)


def render(template, language):
    context = dict(CONTEXTS[template])
    if template in Kind.values:
        context["recipient_name"] = "Kari"
    return mail_render(
        template=template,
        context=mail_context(
            template=template,
            context=context,
            url="" if "url" in context else URL,
        ),
        language=language,
    )


def link_of(template):
    return CONTEXTS[template].get("url") or f"http://testserver{URL}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", ALL_TEMPLATES, ids=str)
def test_the_mail_renders_with_its_link_and_in_the_language(template, language):
    mail = render(template, language)
    assert mail.subject.strip()
    assert "\n" not in mail.subject
    assert f'<html lang="{language}">' in mail.html
    if template != MailTemplate.SIGNUP_ACCOUNT_EXISTS:
        assert link_of(template) in mail.text
        assert f'href="{link_of(template)}"' in mail.html
    else:
        assert "http://testserver/accounts/login/" in mail.text
        assert 'href="http://testserver/accounts/login/"' in mail.html
    if "firm_name" in CONTEXTS[template]:
        # Plain text is not HTML-escaped; HTML is.
        assert FIRM in mail.text
        assert "Bakeri &amp; Co AS" in mail.html
    assert "&amp;" not in mail.text
    with translation.override(language):
        hello = translation.gettext("Hello %(name)s,") % {"name": "Kari"}
        if template in Kind.values or template == MailTemplate.SIGNUP_CONFIRM:
            assert mail.text.startswith(hello)
            assert hello in mail.html
        if template == MailTemplate.INVITATION:
            assert mail.subject == translation.gettext(
                "Invitation to join %(firm)s on Sosial Profil"
            ) % {"firm": FIRM}


@pytest.mark.parametrize("template", ALL_TEMPLATES, ids=str)
def test_norwegian_and_english_differ(template):
    nb, en = render(template, "nb"), render(template, "en")
    assert nb.html != en.html
    if template in Kind.values:
        assert nb.text.startswith("Hei Kari,")
        assert en.text.startswith("Hello Kari,")


@pytest.mark.parametrize("kind", list(Kind), ids=str)
def test_the_footer_says_how_to_turn_off_an_optional_kind(kind):
    mail = render(kind, "en")
    preferences = "http://testserver/accounts/notifications/"
    if kind in REQUIRED_KINDS:
        assert preferences not in mail.text
        assert preferences not in mail.html
    else:
        with translation.override("en"):
            assert f"“{kind.label}” is turned on" in mail.text
        assert f"To turn it off: {preferences}" in mail.text
        assert f'href="{preferences}"' in mail.html


def test_dates_are_written_as_the_reader_writes_them():
    nb = render(Kind.CERTIFICATION_EXPIRING, "nb")
    en = render(Kind.CERTIFICATION_EXPIRING, "en")
    assert "30. juni 2027" in nb.text
    assert "June 30, 2027" in en.text
    assert en.subject == f"The certification of {FIRM} expires on 06/30/2027"


def test_a_name_with_markup_is_escaped_in_html_and_kept_in_text():
    context = {
        **CONTEXTS[Kind.APPLICATION_ACCEPTED],
        "firm_name": "<b>Bakeri</b>",
        "recipient_name": "Kari",
    }
    mail = mail_render(
        template=Kind.APPLICATION_ACCEPTED,
        context=mail_context(
            template=Kind.APPLICATION_ACCEPTED, context=context, url=URL
        ),
        language="en",
    )
    assert "<b>Bakeri</b>" not in mail.html
    assert "&lt;b&gt;Bakeri&lt;/b&gt;" in mail.html
    assert "<b>Bakeri</b>" in mail.text
