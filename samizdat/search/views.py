"""The search page of each edition: /en/search/, /fa/search/."""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from samizdat.core.queries import Alternate, locale_for, translations_at
from samizdat.editions.conf import all_editions
from samizdat.quotes import queries as quote_queries

from . import queries
from .forms import SearchForm
from .scope import Scope

STATEMENTS_PER_PAGE = 20
FILTERS = ("q", "section", "author", "kind", "show", "after", "before")


def _alternates() -> list[Alternate]:
    urls = {}
    for edition in all_editions():
        with translation.override(edition.code):
            urls[edition.code] = reverse("search")
    return translations_at(urls)


def _page_url(params: dict, number: int) -> str:
    kept = [(k, params[k]) for k in FILTERS if params.get(k)]
    if number > 1:
        kept.append(("page", number))
    return "?" + urlencode(kept)


def _statements(request, context, query, data, params) -> HttpResponse:
    """The Statements filter: quotations themselves rather than pieces."""
    rows = quote_queries.statements(
        locale_for().pk,
        query.terms,
        person_id=data["author"].pk if data["author"] else None,
        after=data["after"],
        before=data["before"],
    )
    paginator = Paginator(rows, STATEMENTS_PER_PAGE)
    try:
        page = paginator.page(data["page"] or 1)
    except EmptyPage as error:
        raise Http404 from error
    context.update(
        query=query,
        statements=page,
        pagination={
            "previous_url": _page_url(params, page.number - 1)
            if page.has_previous()
            else "",
            "next_url": _page_url(params, page.number + 1) if page.has_next() else "",
            "nearby": [
                (n, _page_url(params, n), n == page.number)
                for n in paginator.get_elided_page_range(
                    page.number, on_each_side=2, on_ends=1
                )
                if isinstance(n, int)
            ],
        },
    )
    return render(request, "pages/search.html", context)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    locale = locale_for()
    form = SearchForm(request.GET or None, locale_id=locale.pk)
    context = {
        "form": form,
        "alternates": _alternates(),
        "query": queries.Query(),
        "max_chars": queries.MAX_QUERY_CHARS,
        "max_terms": queries.MAX_TERMS,
    }
    status = 200
    if request.GET and not form.is_valid():
        status = 400
    elif form.is_bound:
        data = form.cleaned_data
        query = queries.parse(data["q"])
        scope = Scope(
            locale_id=locale.pk,
            section_id=data["section"].pk if data["section"] else None,
            author_id=data["author"].pk if data["author"] else None,
            kind=data["kind"],
            after=data["after"],
            before=data["before"],
        )
        params = {k: request.GET.get(k, "") for k in FILTERS}
        params["q"] = query.text
        if data["show"] == "statements":
            return _statements(request, context, query, data, params)
        found = queries.results(scope, query, data["page"] or 1)
        context.update(query=query, results=found)
        if found.suggestion:
            mended = dict(params, q=" ".join(found.suggestion))
            context["suggestion_url"] = _page_url(mended, 1)
        if found.page is not None:
            page = found.page
            context["pagination"] = {
                "previous_url": _page_url(params, page.number - 1)
                if page.has_previous()
                else "",
                "next_url": _page_url(params, page.number + 1)
                if page.has_next()
                else "",
                "nearby": [
                    (n, _page_url(params, n), n == page.number)
                    for n in page.paginator.get_elided_page_range(
                        page.number, on_each_side=2, on_ends=1
                    )
                    if isinstance(n, int)
                ],
            }
    return render(request, "pages/search.html", context, status=status)
