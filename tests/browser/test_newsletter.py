"""A reader subscribes from an article's footer with JavaScript off, and
confirms from the link in the mail, which arrives over real SMTP."""

from __future__ import annotations

import re

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from samizdat.articles.tests import factories
from samizdat.newsletter.models import Status, Subscriber
from samizdat.newsletter.tests.conftest import IMMEDIATE, Sink, body_of, free_port

pytestmark = pytest.mark.browser


@pytest.fixture
def sink(settings):
    received = Sink()
    controller = Controller(received, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.TASKS = IMMEDIATE
    yield received
    controller.stop()


def test_it_subscribes_from_an_article_page(newsroom, new_context, sink):
    story = factories.article(factories.section("News"), "Bridge reopens")
    context = new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(newsroom.at(story.url))
    form = page.locator("footer form.newsletter-form")
    form.get_by_label("Email address").fill("reader@example")
    form.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".form-error")).to_contain_text("does not look like")

    form = page.locator("main form.newsletter-form")
    form.get_by_label("Email address").fill("reader@example.org")
    form.get_by_label("What to receive").select_option("weekly")
    form.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    assert context.cookies() == []

    [mail] = sink.to("reader@example.org")
    path = re.search(r"https?://[^/\s]+(/\S+/confirm/\S+/)", body_of(mail)).group(1)
    page.goto(newsroom.at(path))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.frequency) == (Status.CONFIRMED, "weekly")
    assert context.cookies() == []
    assert newsroom.foreign_requests == []
