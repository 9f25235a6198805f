"""Content pages. Content lives here; course state lives in `courses/`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The site's front page: what the certification is and where to go next."""

    lead = models.CharField(
        _("lead"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title."),
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
