"""The record of what a public figure said, per edition: the list (paginated
at stable addresses, newest date said first), a month of it, and its feeds."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from samizdat.core.queries import Alternate, locale_for, translations_at
from samizdat.editions.conf import edition_for
from samizdat.people.models import Person

from . import feeds, queries
from .forms import SaidFilterForm
from .months import month_at

PAGE_SIZE = 20


_LANGUAGES: dict[int, str] = {}


def _language(locale_id: int) -> str:
    """A locale's language code, read once per process (locales never change
    code once pieces use them), so links to records cost no query."""
    if locale_id not in _LANGUAGES:
        _LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
    return _LANGUAGES.get(locale_id) or edition_for().code


def speaker_url(person: Person, number: int = 1) -> str:
    """The address of a person's record in their edition."""
    with translation.override(_language(person.locale_id)):
        if number > 1:
            return reverse("quotes:speaker_page", args=[person.slug, number])
        return reverse("quotes:speaker", args=[person.slug])


def _alternates(person: Person) -> list[Alternate]:
    versions = {
        p.locale.language_code: p
        for p in Person.objects.filter(
            translation_key=person.translation_key, public_figure=True
        ).select_related("locale")
    }
    return translations_at({code: speaker_url(v) for code, v in versions.items()})


def _page(rows, number: int):
    try:
        return Paginator(rows, PAGE_SIZE, allow_empty_first_page=True).page(number)
    except EmptyPage as error:
        raise Http404 from error


def _nearby(page_obj, url_for) -> dict:
    current, last = page_obj.number, page_obj.paginator.num_pages
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    return {
        "page_obj": page_obj,
        "previous_url": url_for(current - 1) if page_obj.has_previous() else "",
        "next_url": url_for(current + 1) if page_obj.has_next() else "",
        "nearby": [(n, url_for(n), n == current) for n in numbers],
    }


def _render(request, person, rows, number, url_for, extra, status=200):
    page_obj = _page(rows, number)
    context = {
        "speaker": person,
        "quotations": page_obj.object_list,
        "timeline": queries.timeline(person),
        "alternates": _alternates(person),
        "feed_rss": reverse("quotes:rss", args=[person.slug]),
        "feed_atom": reverse("quotes:atom", args=[person.slug]),
        "record_url": speaker_url(person),
        **_nearby(page_obj, url_for),
        **extra,
    }
    return render(request, "quotes/speaker.html", context, status=status)


@require_safe
def speakers(request: HttpRequest) -> HttpResponse:
    """The edition's public figures with statements on record."""
    locale = locale_for()
    people = list(queries.public_figures(locale.pk))
    return render(
        request,
        "quotes/speakers.html",
        {"people": [(p, speaker_url(p)) for p in people]},
    )


@require_safe
def speaker(request: HttpRequest, slug: str, number: int = 1) -> HttpResponse:
    """Everything the figure said, newest first; ?after=&before=&topic= narrow it."""
    person = queries.speaker(locale_for().pk, slug)
    match = request.resolver_match
    if number == 1 and match is not None and "number" in match.kwargs:
        return HttpResponsePermanentRedirect(speaker_url(person))
    form = SaidFilterForm(request.GET or None, topics=queries.topics(person))
    if form.is_bound and not form.is_valid():
        return _render(
            request,
            person,
            queries.said_by(person).none(),
            1,
            lambda n: speaker_url(person, n),
            {"form": form},
            status=400,
        )
    filters = queries.Filters()
    query = ""
    if form.is_bound:
        data = form.cleaned_data
        filters = queries.Filters(
            after=data["after"], before=data["before"], topic=data["topic"]
        )
        query = urlencode(
            [
                (k, request.GET[k])
                for k in ("after", "before", "topic")
                if request.GET.get(k)
            ]
        )

    def url_for(n: int) -> str:
        return speaker_url(person, n) + (f"?{query}" if query else "")

    return _render(
        request,
        person,
        queries.said_by(person, filters),
        number,
        url_for,
        {"form": form, "filtered": bool(query)},
    )


@require_safe
def speaker_month(
    request: HttpRequest, slug: str, year: int, month: int
) -> HttpResponse:
    """One month of the figure's record, as the timeline links to it."""
    person = queries.speaker(locale_for().pk, slug)
    try:
        shown = month_at(year, month, person.locale.language_code)
    except ValueError as error:
        raise Http404 from error
    rows = queries.said_by(
        person, queries.Filters(after=shown.first, before=shown.last)
    )
    return _render(
        request,
        person,
        rows,
        1,
        lambda n: speaker_url(person, n),
        {"form": SaidFilterForm(topics=queries.topics(person)), "month": shown},
    )


@require_safe
def feed(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The figure's latest statements as a full-text RSS or Atom feed."""
    person = queries.speaker(locale_for().pk, slug)
    rows = list(queries.said_by(person)[: feeds.ITEMS])
    body, content_type = feeds.document(request, fmt, person, speaker_url(person), rows)
    return feeds.cacheable(HttpResponse(body, content_type=content_type))


def record_urls(person: Person) -> list[str]:
    """Every address of a public figure's record a static copy needs: each
    page of the list, each month of the timeline and the two feeds."""
    total = queries.said_by(person).count()
    pages = max(1, -(-total // PAGE_SIZE))
    urls = [speaker_url(person, n) for n in range(1, pages + 1)]
    with translation.override(_language(person.locale_id)):
        urls += [
            reverse(
                "quotes:speaker_month",
                args=[person.slug, entry.month.year, entry.month.month],
            )
            for entry in queries.timeline(person)
        ]
        urls += [
            reverse(f"quotes:{fmt}", args=[person.slug]) for fmt in ("rss", "atom")
        ]
    return urls
