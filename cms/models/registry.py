"""The public registry of certified firms: a page whose content is course state.

The page holds only its title and introduction; the firms, certifications and
commitments are course state, read through the provider `courses` registers in
`cms.course_state` (never written, and `cms` never imports `courses`). Each firm
has a stable address below the page, `<registry>/<org number>/`.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..course_state import provider
from ..page_cache import SharedCachePage
from .pages import INTRO_FEATURES

FIRMS_PER_PAGE = 25


class FirmRegistryPage(SharedCachePage, RoutablePageMixin, Page):
    """Firms with an active certification, searchable; one page per firm below."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("registry of certified firms")

    @path("")
    def registry(self, request):
        from ..forms import FirmRegistryFilterForm

        state = provider()
        options = state.registry_filter_options()
        form = FirmRegistryFilterForm(
            request.GET or None,
            municipalities=options.municipalities,
            industries=options.industries,
        )
        if not form.is_bound:
            firms = state.certified_firms()
        elif form.is_valid():
            firms = state.certified_firms(
                search=form.cleaned_data["q"],
                municipality=form.cleaned_data["municipality"],
                industry=form.cleaned_data["industry"],
            )
        else:
            firms = []  # an unknown filter value matches nothing (and says so)
        page_obj = Paginator(firms, FIRMS_PER_PAGE).get_page(request.GET.get("page"))
        # Each row's address and industry, worked out once for the whole table.
        base = self.get_url(request)
        industries = dict(options.industries)
        rows = [
            {
                "firm": firm,
                "url": base + self.reverse_subpage("firm", args=[firm.org_number]),
                "industry": industries.get(firm.industry, firm.industry),
            }
            for firm in page_obj
        ]
        return self.render(
            request,
            context_overrides={
                "form": form,
                "page_obj": page_obj,
                "rows": rows,
                "page_range": list(
                    page_obj.paginator.get_elided_page_range(
                        page_obj.number, on_each_side=2, on_ends=1
                    )
                ),
                "is_filtered": bool(form.is_bound and form.has_changed()),
            },
        )

    @re_path(r"^(?P<org_number>[0-9]{9})/$", name="firm")
    def firm(self, request, org_number):
        profile = provider().certified_firm_profile(org_number=org_number)
        if profile is None:
            raise Http404
        return self.render(
            request,
            context_overrides={"profile": profile},
            template="cms/firm_detail.html",
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [
            {"location": f"{base}{org_number}/"}
            for org_number in provider().certified_org_numbers()
        ]
        return urls
