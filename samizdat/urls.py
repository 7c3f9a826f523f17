from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import URLPattern, URLResolver, include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from samizdat.articles import routing
from samizdat.core import views as core_views
from samizdat.feeds import urls as feed_urls
from samizdat.mirror import urls as mirror_urls
from samizdat.newsletter import urls as newsletter_urls
from samizdat.search import views as search_views
from samizdat.staff import passkey_urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include(feed_urls.root_urlpatterns)),
    path("", include(mirror_urls)),
    path("", include("samizdat.audience.urls")),
    path("", include("samizdat.ads.urls")),
    path("", include("samizdat.operations.urls")),
    path("favicon.ico", core_views.site_icon, {"name": "favicon.ico"}),
    path(
        "apple-touch-icon.png",
        core_views.site_icon,
        {"name": "icons/apple-touch-icon.png"},
    ),
    # Ahead of Wagtail's admin: a passkey sign-in starts with no account.
    path("admin/" + passkey_urls.PASSKEY_API, include(passkey_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    *newsletter_urls.webhook_urlpatterns,
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(newsletter_urls)),
    path("search/", search_views.search, name="search"),
    path("", include(feed_urls.edition_urlpatterns)),
    path("", include("samizdat.quotes.urls")),
    # Wagtail's own pattern drops the ZWNJ that Persian slugs keep.
    re_path(r"^((?:[\w\-\u200c]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

handler404 = "samizdat.core.views.page_not_found"
handler500 = "samizdat.core.views.server_error"
