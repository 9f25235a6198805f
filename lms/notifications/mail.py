"""One way to write a mail: three templates, the recipient's language, one layout.

`templates/notifications/email/<name>_subject.txt`, `<name>.txt` and `<name>.html`;
the text and HTML bodies extend `base.txt` and `base.html`. Plain-text templates
are rendered without HTML escaping (a firm called "Bakeri & Co" stays so).
"""

import logging
import re
from dataclasses import dataclass
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lms.links import absolute_url

from .kinds import REQUIRED_KINDS, Kind

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "notifications/email"
# What a mail server (or a name with a line break in a header) can fail with.
MAIL_ERRORS = (OSError, SMTPException, BadHeaderError)


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def one_line(text: str) -> str:
    """`text` as one line, fit for a Subject header (no header injection)."""
    return " ".join(text.split())


def _render_plain(name: str, context: dict) -> str:
    return get_template(name).template.render(Context(context, autoescape=False))


def subject_render(*, template: str, context: dict) -> str:
    """The subject line in the active language; also the home page's one line."""
    return one_line(_render_plain(f"{TEMPLATE_DIR}/{template}_subject.txt", context))


def mail_context(*, template: str, context: dict, url: str = "") -> dict:
    """The stored context plus what every mail shows: the link and the footer."""
    kind = Kind(template) if template in Kind.values else None
    return {
        **context,
        "template": template,
        # Mails to an address may carry their link in the context already.
        "url": absolute_url(url or context.get("url", "")),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "kind_label": kind.label if kind else "",
        "can_turn_off": kind is not None and kind not in REQUIRED_KINDS,
        "preferences_url": absolute_url(reverse("notifications:preferences")),
    }


def mail_render(*, template: str, context: dict, language: str) -> RenderedMail:
    """Subject, text and HTML of one mail, in `language`."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        subject = subject_render(template=template, context=context)
        context = {**context, "subject": subject}
        text = _render_plain(f"{TEMPLATE_DIR}/{template}.txt", context)
        html = render_to_string(f"{TEMPLATE_DIR}/{template}.html", context)
    # Template tags leave blank lines behind; a paragraph break is one.
    text = re.sub(r"\n[ \t]*(\n[ \t]*)+\n", "\n\n", text).strip() + "\n"
    return RenderedMail(subject=subject, text=text, html=html)


def mail_deliver(*, to_email: str, mail: RenderedMail) -> None:
    """Hand one mail to the mail server (plain text with an HTML alternative)."""
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.text, to=[to_email]
    )
    message.attach_alternative(mail.html, "text/html")
    message.send()
