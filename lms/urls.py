from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import page_cache
from cms import views as cms_views

from . import pages, views
from .home import views as home_views
from .verification import views as verification_views

# A database that cannot be reached answers 503, anything else 500 (lms.views).
handler500 = "lms.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("hjem/", home_views.home, name="home"),
    path("accounts/notifications/", include("lms.notifications.urls")),
    path("accounts/", include("lms.accounts.urls")),
    path("kurs/", include("courses.urls")),
    path("validering/", include("validation.urls")),
    path("resultater/", include("results.urls")),
    path("praksis/", include("placements.urls")),
    path("api/", include("courses.api_urls")),
    path("verify/", include("lms.verification.urls")),
    path(".well-known/jwks.json", verification_views.jwks, name="jwks"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sok/", cms_views.search, name="search"),
    path("personvern/", pages.privacy, name="privacy"),
    path("tilgjengelighet/", pages.accessibility, name="accessibility"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path from the page tree; keep it last. Its serve
# view is wrapped so anonymous visitors get public pages from the shared cache
# (cms.page_cache); the pattern and name are Wagtail's own.
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, page_cache.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]
