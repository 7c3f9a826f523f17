"""Write the demo publication into the database, completing what is missing.

Pages are made the way an editor makes them: added to the tree under their
section and published through a revision. Each piece is identified by its
section and slug (a translation by its original's translation key), so a
second run finds everything and writes nothing, and an interrupted run is
completed by the next one."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.rich_text import RichText

from samizdat.articles.models import (
    ArticleAuthor,
    ArticlePage,
    CaricaturePage,
    Correction,
    HomePage,
    SectionPage,
)
from samizdat.articles.setup import ensure_editions, ensure_translation
from samizdat.core.references import indexed_here
from samizdat.core.roles import ensure_roles
from samizdat.editions.slugs import slugify
from samizdat.newsletter.models import MailChoice
from samizdat.people.models import Person

from . import drawing, pictures
from .house_ads import ensure_house_ads
from .newsroom import FACES, FIGURES, SECTIONS, STAFF
from .plan import DEFAULT_SEED, ArticlePlan, CartoonPlan, Plan, build_plan
from .portraits import render_portrait
from .writer import LANGS

BATCH = 25
FULL_ARTICLES = 300
FULL_CARICATURES = 20


class SeedError(Exception):
    """The database cannot take the demo (an edition is missing)."""


@dataclass
class SeedResult:
    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        """What the database holds, per edition: each edition has its own
        sections and people (a Persian section translates an English one)."""
        p, c = self.present, self.created
        editions = "; ".join(
            f"{lang} {p[f'sections_{lang}']} sections, {p[f'people_{lang}']} people,"
            f" {p[f'figures_{lang}']} public figures,"
            f" {p[f'articles_{lang}']} articles"
            + (f" ({p[f'translations_{lang}']} translated)" if lang != "en" else "")
            + f", {p[f'caricatures_{lang}']} caricatures"
            for lang in LANGS
        )
        return (
            f"Demo publication per edition: {editions};"
            f" {p['corrections']} correction; created {sum(c.values())} objects."
        )


def anchor_for(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight (UTC) of today: demo dates count back from it."""
    now = now or timezone.now()
    return dt.datetime.combine(now.astimezone(dt.UTC).date(), dt.time(), dt.UTC)


def seed_demo(
    seed: int = DEFAULT_SEED,
    articles: int = FULL_ARTICLES,
    caricatures: int = FULL_CARICATURES,
    now: dt.datetime | None = None,
) -> SeedResult:
    """Make sure the demo publication of `seed` exists in both editions."""
    # Thousands of rows are saved here, some replaced soon after (a
    # translation's bylines): index their references once, at the end,
    # rather than queue a task per row (core/references.py says why).
    with indexed_here():
        homes = ensure_editions()
        ensure_roles()
        if any(code not in homes for code in LANGS):
            raise SeedError("the demo needs the English (en) and Persian (fa) editions")
        locales = {code: Locale.objects.get(language_code=code) for code in LANGS}
        plan = build_plan(seed, articles, caricatures, anchor_for(now))
        seeder = _Seeder(plan, homes, locales)
        seeder.run()
    return seeder.result


def save_image(title: str, filename: str, png: bytes):
    """A drawn picture in Wagtail's image library."""
    image = get_image_model()(title=title, file=ImageFile(io.BytesIO(png), filename))
    image._set_image_file_metadata()
    image.save()
    return image


def archive(page: ArticlePage) -> None:
    """Demo pieces are an archive, not news: they are never mailed out."""
    page.newsletter = [MailChoice(choice=MailChoice.Choice.SKIP)]


class _Seeder:
    def __init__(self, plan: Plan, homes: dict[str, HomePage], locales: dict):
        self.plan, self.homes, self.locales = plan, homes, locales
        self.result = SeedResult()
        self.sections: dict[tuple[str, str], SectionPage] = {}
        self.people: dict[tuple[str, str], Person] = {}
        self.pages: dict[tuple[int, str], int] = {}
        self.keys: dict[tuple[int, object], int] = {}
        self.key_of: dict[int, object] = {}
        self.pictures: dict[tuple[str, int], tuple[object, pictures.Picture]] = {}

    def run(self) -> None:
        with transaction.atomic():
            self.ensure_sections()
            self.ensure_people()
        self.load_existing()
        self.ensure_articles()
        self.ensure_cartoons()
        with transaction.atomic():
            self.ensure_leads()
            self.ensure_correction()
            self.result.created["house ads"] += ensure_house_ads()
        self.count()

    # Sections and people

    def ensure_sections(self) -> None:
        en = self.homes["en"]
        for spec in SECTIONS:
            page = SectionPage.objects.child_of(en).filter(slug=spec.slug).first()
            if page is None:
                page = en.add_child(
                    instance=SectionPage(
                        title=spec.title[0],
                        slug=spec.slug,
                        locale=self.locales["en"],
                        show_in_menus=True,
                        default_kind=spec.kind,
                        introduction=spec.introduction[0],
                    )
                )
                page.save_revision().publish()
                self.result.created["sections"] += 1
            self.sections["en", spec.slug] = page.specific
            translation = page.get_translation_or_none(self.locales["fa"])
            if translation is None:
                translation = ensure_translation(
                    page, self.locales["fa"], spec.title[1]
                )
                translation.introduction = spec.introduction[1]
                translation.save_revision().publish()
                self.result.created["sections"] += 1
            self.sections["fa", spec.slug] = translation.specific

    def ensure_people(self) -> None:
        for spec in STAFF:
            texts = {
                "name": spec.name,
                "pen_name": spec.pen_name or ("", ""),
                "role": spec.role,
                "bio": spec.bio,
            }
            self.ensure_person(
                spec.slug,
                texts,
                photo=functools.partial(self.portrait, spec.slug, spec.name[0]),
            )
        for figure in FIGURES:
            texts = {
                "name": figure.name,
                "role": figure.role,
                "bio": figure.bio,
                "aliases": figure.aliases,
            }
            self.ensure_person(figure.slug, texts, public_figure=True)

    def ensure_person(
        self,
        slug: str,
        texts: dict[str, tuple[str, str]],
        photo: Callable[[], object] | None = None,
        public_figure: bool = False,
    ) -> None:
        """A person in both editions, the Persian one a translation of the
        English one; `texts` are (English, Persian) field values."""
        en, fa = self.locales["en"], self.locales["fa"]
        person = Person.objects.filter(locale=en, slug=slug).first()
        if person is None:
            person = Person.objects.create(
                locale=en,
                slug=slug,
                public_figure=public_figure,
                photo=photo() if photo else None,
                **{field: pair[0] for field, pair in texts.items()},
            )
            self.result.created["people"] += 1
        self.people["en", slug] = person
        translation = person.get_translation_or_none(fa)
        if translation is None:
            translation = person.copy_for_translation(fa)
            for field, pair in texts.items():
                setattr(translation, field, pair[1])
            translation.slug = slugify(texts["name"][1])
            translation.save()
            self.result.created["people"] += 1
        self.people["fa", slug] = translation

    def portrait(self, slug: str, name: str):
        if slug not in FACES:
            return None
        png = render_portrait(slug, FACES[slug])
        self.result.created["images"] += 1
        return save_image(name, f"demo-portrait-{slug}.png", png)

    # Articles and caricatures

    def load_existing(self) -> None:
        section_ids = [s.pk for s in self.sections.values()]
        rows = ArticlePage.objects.filter(section_id__in=section_ids).values_list(
            "pk", "section_id", "slug", "locale_id", "translation_key"
        )
        for pk, section_id, slug, locale_id, key in rows:
            self.pages[section_id, slug] = pk
            self.keys[locale_id, key] = pk
            self.key_of[pk] = key

    def find(self, piece: ArticlePlan | CartoonPlan, section: str) -> int | None:
        """The page of a planned piece, if it exists already."""
        if isinstance(piece, ArticlePlan) and piece.source is not None:
            source = self.find(self.plan.article(piece.source), piece.section)
            if source is None:
                return None
            key = self.key_of[source]
            return self.keys.get((self.locales[piece.lang].pk, key))
        return self.pages.get((self.sections[piece.lang, section].pk, piece.slug))

    def ensure_articles(self) -> None:
        missing = [a for a in self.plan.articles if self.find(a, a.section) is None]
        for start in range(0, len(missing), BATCH):
            with transaction.atomic():
                for piece in missing[start : start + BATCH]:
                    self.write_article(piece)

    def write_article(self, piece: ArticlePlan) -> None:
        parent = self.sections[piece.lang, piece.section]
        text = piece.skeleton.render(piece.lang)
        if piece.source is not None:
            source_pk = self.find(self.plan.article(piece.source), piece.section)
            if source_pk is None:
                return
            source = ArticlePage.objects.get(pk=source_pk)
            page = source.copy_for_translation(
                self.locales[piece.lang], copy_parents=False
            ).specific
            page.tags.clear()
            page.corrections = []
            self.result.created["translations"] += 1
        else:
            page = ArticlePage(locale=self.locales[piece.lang])
        page.title = piece.title
        page.slug = piece.slug
        page.kind = piece.kind
        page.standfirst = text["standfirst"]
        page.body = self.body(text["body"], piece.published, piece.lang)
        page.article_authors = [
            ArticleAuthor(person=self.people[piece.lang, slug], sort_order=n)
            for n, slug in enumerate(piece.skeleton.authors)
        ]
        page.tags.add(*text["tags"])
        self.illustrate(page, piece)
        archive(page)
        if page.pk is None:
            parent.add_child(instance=page)
        page.save_revision().publish()
        self.remember(page, piece.published, piece.updated)
        self.result.created["articles"] += 1

    def illustrate(self, page: ArticlePage, piece: ArticlePlan) -> None:
        """A drawn lead picture for the piece's topic, shared by the pieces
        of one topic and variant (and by a piece and its translation)."""
        topic = piece.skeleton.topic
        variant = piece.index % pictures.VARIANTS
        key = (topic.key, variant)
        if key not in self.pictures:
            drawn = pictures.picture(topic.key, topic.name, variant)
            title = f"demo-picture-{topic.key}-{variant}"
            found = get_image_model().objects.filter(title=title).first()
            image = found or save_image(title, f"{title}.jpg", drawn.jpeg)
            self.pictures[key] = (image, drawn)
        image, drawn = self.pictures[key]
        n = LANGS.index(piece.lang)
        page.lead_image = image
        page.lead_image_alt = drawn.alt[n]
        page.lead_image_caption = drawn.caption[n]
        page.lead_image_credit = drawn.credit[n]

    def body(self, blocks: list, published: dt.datetime, lang: str) -> list:
        out = []
        for kind, value in blocks:
            if kind == "paragraph":
                value = RichText(value)
            elif kind == "quotation":
                value = dict(value)
                figure = value.pop("figure", "")
                if figure:
                    value["person"] = self.people[lang, figure]
                    value["speaker"] = ""
                days = value.pop("days_before")
                value["date_said"] = (
                    (published - dt.timedelta(days=days)).date()
                    if days is not None
                    else None
                )
            out.append((kind, value))
        return out

    def ensure_cartoons(self) -> None:
        missing = [c for c in self.plan.cartoons if self.find(c, "caricature") is None]
        for start in range(0, len(missing), BATCH):
            with transaction.atomic():
                for cartoon in missing[start : start + BATCH]:
                    self.write_cartoon(cartoon)

    def write_cartoon(self, cartoon: CartoonPlan) -> None:
        png = drawing.render_png(cartoon.scene)
        name = f"demo-cartoon-{self.plan.seed}-{cartoon.index}.png"
        image = save_image(cartoon.title, name, png)
        page = CaricaturePage(
            locale=self.locales[cartoon.lang],
            title=cartoon.title,
            slug=cartoon.slug,
            cartoon=image,
            alt_text=cartoon.alt_text,
            caption=cartoon.caption,
        )
        page.article_authors = [
            ArticleAuthor(
                person=self.people[cartoon.lang, cartoon.artist], sort_order=0
            )
        ]
        page.tags.add(*cartoon.tags)
        archive(page)
        self.sections[cartoon.lang, "caricature"].add_child(instance=page)
        page.save_revision().publish()
        self.remember(page, cartoon.published, cartoon.published)
        self.result.created["caricatures"] += 1
        self.result.created["images"] += 1

    def remember(self, page: ArticlePage, first: dt.datetime, last: dt.datetime):
        """Note a new piece and date it, in its batch's transaction, so an
        interrupted run never leaves a piece dated today."""
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=first, last_published_at=last
        )
        self.pages[page.section_id, page.slug] = page.pk
        self.keys[page.locale_id, page.translation_key] = page.pk
        self.key_of[page.pk] = page.translation_key

    # Front pages and the correction

    def ensure_leads(self) -> None:
        for lang, index in self.plan.leads.items():
            home = HomePage.objects.get(pk=self.homes[lang].pk)
            if home.lead_story_id is not None:
                continue
            piece = self.plan.article(index)
            pk = self.find(piece, piece.section)
            if pk is None:
                continue
            home.lead_story_id = pk
            home.save_revision().publish()
            self.result.created["leads"] += 1

    def ensure_correction(self) -> None:
        if self.plan.correction is None:
            return
        index, text, day = self.plan.correction
        piece = self.plan.article(index)
        pk = self.find(piece, piece.section)
        if pk is None or Correction.objects.filter(article_id=pk).exists():
            return
        live = ArticlePage.objects.get(pk=pk)
        page = live.get_latest_revision_as_object()
        page.corrections.add(Correction(date=day, text=text, sort_order=0))
        page.save_revision().publish()
        corrected = min(
            dt.datetime.combine(day, dt.time(11, 0), dt.UTC),
            self.plan.anchor - dt.timedelta(minutes=5),
        )
        ArticlePage.objects.filter(pk=pk).update(
            first_published_at=live.first_published_at,
            last_published_at=max(corrected, live.first_published_at),
        )
        self.result.created["corrections"] += 1

    def count(self) -> None:
        present = self.result.present
        for lang, _slug in self.sections:
            present[f"sections_{lang}"] += 1
        figures = {spec.slug for spec in FIGURES}
        for lang, slug in self.people:
            kind = "figures" if slug in figures else "people"
            present[f"{kind}_{lang}"] += 1
        for piece in self.plan.articles:
            if self.find(piece, piece.section) is not None:
                present[f"articles_{piece.lang}"] += 1
                present[f"translations_{piece.lang}"] += piece.source is not None
        for cartoon in self.plan.cartoons:
            if self.find(cartoon, "caricature") is not None:
                present[f"caricatures_{cartoon.lang}"] += 1
        present["corrections"] = Correction.objects.filter(
            article__section_id__in=[s.pk for s in self.sections.values()]
        ).count()
