"""Reader pages of the newsletter. They set no cookie: Django's CSRF cookie is
replaced by an Origin / Sec-Fetch-Site check, and forged subscriptions are
harmless by design (double opt-in) and bounded (rate limit)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from samizdat.core.queries import absolute_url
from samizdat.editions.conf import all_editions, edition_for
from samizdat.editions.formats import localise_digits

from . import crypto, services, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Status, Subscriber
from .tasks import subscribe_task


def same_origin(request) -> bool:
    """True unless the browser says the post came from another site."""
    origin = request.headers.get("Origin")
    if origin:
        base = urlsplit(settings.BASE_URL)
        allowed = {
            f"{request.scheme}://{request.get_host()}",
            f"{base.scheme}://{base.netloc}",
        }
        return origin in allowed
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    return True


def client_key(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


def alternates(name: str, *args) -> list[dict]:
    current = edition_for().code
    result = []
    for edition in all_editions():
        with translation.override(edition.code):
            url = reverse(f"newsletter:{name}", args=args)
        result.append(
            {
                "edition": edition,
                "url": url,
                "full_url": absolute_url(url),
                "is_translation": True,
                "is_current": edition.code == current,
            }
        )
    return result


def page(request, template: str, context: dict, status: int = 200, private=False):
    context.setdefault("alternates", alternates("subscribe"))
    # The newsletter's own pages carry their form (or none) in the page itself.
    context["hide_newsletter"] = True
    response = render(request, template, context, status=status)
    if private:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


def message(request, title: str, text: str, status: int = 200, **extra):
    return page(
        request,
        "newsletter/message.html",
        {"title": title, "text": text, **extra},
        status=status,
        private=True,
    )


def forbidden(request):
    return message(
        request,
        _("This form was sent from another site"),
        _(
            "For your safety we only accept it from this site. "
            "Please use the form here."
        ),
        status=403,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    language = edition_for().code
    if request.method != "POST":
        form = SubscribeForm(language=language)
        return page(request, "newsletter/subscribe.html", {"form": form})
    if not same_origin(request):
        return forbidden(request)
    form = SubscribeForm(request.POST, language=language)
    if not services.allow_client(client_key(request)):
        form.add_error(None, _("Too many attempts from here. Please try again later."))
        return page(request, "newsletter/subscribe.html", {"form": form}, status=429)
    if form.is_bot:
        return check_inbox(request)
    if not form.is_valid():
        return page(request, "newsletter/subscribe.html", {"form": form}, status=400)
    data = form.cleaned_data
    # The address travels to the worker encrypted, so the task queue's table
    # holds no address either; the answer never depends on what the task finds.
    subscribe_task.enqueue(
        crypto.encrypt(crypto.normalise(data["email"])),
        data["edition"],
        data["frequency"],
        list(data.get("sections", [])),
    )
    return check_inbox(request)


def check_inbox(request):
    """The one answer to every accepted post, whoever the address belongs to."""
    return message(
        request,
        _("Check your inbox"),
        _(
            "If the address can receive our newsletter, a message with a link "
            "is on its way. Open the link to confirm; until then we send "
            "nothing else. The link works for %(hours)s hours."
        )
        % {"hours": localise_digits(settings.NEWSLETTER_CONFIRM_MAX_AGE // 3600)},
    )


def bad_link(request):
    return message(
        request,
        _("This link does not work"),
        _(
            "It has expired or was changed on the way. You can subscribe again "
            "to get a fresh link."
        ),
        status=400,
        subscribe_url=reverse("newsletter:subscribe"),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    try:
        address_hash, issued = tokens.read_confirm_token(token)
    except tokens.BadToken:
        return bad_link(request)
    if request.method != "POST":
        return message(
            request,
            _("Confirm your subscription"),
            _("One click and the newsletter is on its way to you."),
            action=request.path,
            button=_("Confirm"),
        )
    if not same_origin(request):
        return forbidden(request)
    subscriber = services.confirm(address_hash, issued)
    if subscriber is None:
        return bad_link(request)
    return message(
        request,
        _("You are subscribed"),
        _("Thank you. Every mail we send has a link to change or stop it."),
        preferences_url=reverse(
            "newsletter:preferences", args=[tokens.manage_token(address_hash)]
        ),
    )


def subscriber_for(token: str) -> Subscriber | None:
    try:
        address_hash = tokens.read_manage_token(token)
    except tokens.BadToken:
        return None
    return Subscriber.objects.filter(address_hash=address_hash).first()


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token: str):
    subscriber = subscriber_for(token)
    if subscriber is None:
        return bad_link(request)
    language = edition_for().code
    if request.method == "POST":
        if not same_origin(request):
            return forbidden(request)
        action = request.POST.get("action")
        if action == "erase":
            services.erase(subscriber.address_hash)
            return message(
                request,
                _("Everything is erased"),
                _("We no longer hold your address or your choices."),
            )
        if action == "unsubscribe":
            services.unsubscribe(subscriber.address_hash)
            return unsubscribed(request)
        form = PreferencesForm(request.POST, language=language)
        if form.is_valid():
            data = form.cleaned_data
            services.update_preferences(
                subscriber, data["edition"], data["frequency"], data["sections"]
            )
            return message(
                request,
                _("Your choices are saved"),
                _("From now on you get the newsletter as you chose."),
                preferences_url=request.path,
            )
        status = 400
    else:
        form = PreferencesForm(
            language=language,
            initial={
                "edition": subscriber.language,
                "frequency": subscriber.frequency,
                "sections": list(subscriber.sections.values_list("pk", flat=True)),
            },
        )
        status = 200
    return page(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "subscribed": subscriber.status == Status.CONFIRMED,
            "subscriber": subscriber,
        },
        status=status,
        private=True,
    )


def unsubscribed(request):
    return message(
        request,
        _("You are unsubscribed"),
        _("We will send you nothing more. You can subscribe again at any time."),
        subscribe_url=reverse("newsletter:subscribe"),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """RFC 8058: one POST to this URL unsubscribes; a GET shows a button."""
    try:
        address_hash = tokens.read_unsubscribe_token(token)
    except tokens.BadToken:
        return bad_link(request)
    if request.method == "POST":
        services.unsubscribe(address_hash)
        return unsubscribed(request)
    if not Subscriber.objects.filter(
        address_hash=address_hash, status__in=[Status.CONFIRMED, Status.PENDING]
    ).exists():
        return message(
            request,
            _("You have already left"),
            _(
                "This address no longer receives our newsletter. "
                "You can subscribe again at any time."
            ),
            subscribe_url=reverse("newsletter:subscribe"),
        )
    return message(
        request,
        _("Unsubscribe"),
        _("One click and we stop sending you the newsletter."),
        action=request.path,
        button=_("Unsubscribe"),
    )
