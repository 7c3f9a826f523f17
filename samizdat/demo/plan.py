"""What the demo publication holds, decided before anything is written.

The plan depends only on the seed, the sizes and the anchor (the day the
dates count back from). Item `i` draws from a random stream of its own, so
a smaller demo is a prefix of a larger one and a later run with a bigger
size completes an earlier one instead of starting over."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from samizdat.editions.slugs import slugify

from . import drawing
from .newsroom import KIND_WEIGHTS, SECTION_FOR_KIND, STAFF
from .phrases import CORRECTION, HEADLINES
from .vocabulary import TOPICS
from .writer import LANGS, Skeleton, Writer, fill

DEFAULT_SEED = 1402
DAYS_BACK = 120
SLUG_LENGTH = 80
CARTOONISTS = [s for s in STAFF if "caricature" in s.kinds]


@dataclass
class ArticlePlan:
    index: int
    lang: str
    section: str
    skeleton: Skeleton
    title: str
    slug: str
    published: dt.datetime
    updated: dt.datetime
    source: int | None = None  # the English original this one translates

    @property
    def kind(self) -> str:
        return self.skeleton.kind


@dataclass
class CartoonPlan:
    index: int
    lang: str
    title: str
    slug: str
    caption: str
    alt_text: str
    tags: list[str]
    artist: str
    scene: drawing.Scene
    published: dt.datetime


@dataclass
class Plan:
    seed: int
    anchor: dt.datetime
    articles: list[ArticlePlan] = field(default_factory=list)
    cartoons: list[CartoonPlan] = field(default_factory=list)
    leads: dict[str, int] = field(default_factory=dict)
    correction: tuple[int, str, dt.date] | None = None

    def article(self, index: int) -> ArticlePlan:
        return self.articles[index]


def edition_of(index: int) -> tuple[str, int | None]:
    """Of every six pieces, four are English, one Persian and one translation."""
    position = index % 6
    if position == 5:
        return "fa", index - 1
    return ("fa" if position == 2 else "en"), None


def _moment(rng: random.Random, anchor: dt.datetime, days: int) -> dt.datetime:
    minute = rng.randint(6 * 60, 22 * 60)
    return anchor - dt.timedelta(days=days) + dt.timedelta(minutes=minute)


def _unique(slug: str, taken: set[tuple[str, str, str]], key: tuple[str, str]) -> str:
    slug = slugify(slug, max_length=SLUG_LENGTH) or "piece"
    candidate, n = slug, 2
    while (*key, candidate) in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add((*key, candidate))
    return candidate


def build_plan(seed: int, articles: int, cartoons: int, anchor: dt.datetime) -> Plan:
    """Every demo piece: its edition, section, text, slug and dates."""
    plan = Plan(seed=seed, anchor=anchor)
    taken: set[tuple[str, str, str]] = set()
    titles: set[tuple[str, str]] = set()
    latest = anchor - dt.timedelta(minutes=10)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for i in range(articles):
        rng = random.Random(f"{seed}:article:{i}")
        lang, source = edition_of(i)
        if source is None:
            skeleton = Writer(rng).article(rng.choices(kinds, weights)[0])
            published = _moment(rng, anchor, rng.randint(1, DAYS_BACK))
        else:
            original = plan.articles[source]
            skeleton = original.skeleton
            published = min(
                original.published + dt.timedelta(minutes=rng.randint(90, 600)), latest
            )
        updated = published
        if rng.random() < 0.12:
            later = published + dt.timedelta(minutes=rng.randint(240, 2400))
            updated = min(later, latest)
        section = SECTION_FOR_KIND[skeleton.kind]
        title = skeleton.title(lang)
        for _attempt in range(8):
            if source is not None or (lang, title) not in titles:
                break
            skeleton.headline = rng.choice(HEADLINES[skeleton.kind])
            title = skeleton.title(lang)
        titles.add((lang, title))
        plan.articles.append(
            ArticlePlan(
                index=i,
                lang=lang,
                section=section,
                skeleton=skeleton,
                title=title,
                slug=_unique(title, taken, (lang, section)),
                published=published,
                updated=updated,
                source=source,
            )
        )
    for j in range(cartoons):
        plan.cartoons.append(_cartoon(seed, j, anchor, taken))
    for lang in LANGS:
        candidates = [
            a
            for a in plan.articles
            if a.lang == lang and (lang != "en" or a.kind in ("news", "report"))
        ]
        if candidates:
            plan.leads[lang] = max(candidates, key=lambda a: a.published).index
    for piece in plan.articles:
        if piece.lang == "en" and piece.kind == "news":
            if piece.published < anchor - dt.timedelta(days=3):
                speaker = piece.skeleton.first_speaker("en")
                text = fill(CORRECTION, {"speaker": (speaker, speaker)}, 0)
                day = (piece.published + dt.timedelta(days=1)).date()
                plan.correction = (piece.index, text, day)
                break
    return plan


def _cartoon(
    seed: int, j: int, anchor: dt.datetime, taken: set[tuple[str, str, str]]
) -> CartoonPlan:
    rng = random.Random(f"{seed}:cartoon:{j}")
    lang = "fa" if j % 3 == 2 else "en"
    i = LANGS.index(lang)
    topic = rng.choice(TOPICS)
    text = Writer(rng).cartoon_text(topic)
    artist = rng.choice(CARTOONISTS)
    signature = (artist.pen_name or artist.name)[0]
    scene = drawing.choose_scene(rng, topic.motif, signature)
    days = min(DAYS_BACK, 1 + 6 * j + rng.randint(0, 4))
    title = text.title[i]
    return CartoonPlan(
        index=j,
        lang=lang,
        title=title,
        slug=_unique(title, taken, (lang, "caricature")),
        caption=text.caption[i],
        alt_text=drawing.describe(scene)[i],
        tags=[tag[i] for tag in text.tags],
        artist=artist.slug,
        scene=scene,
        published=_moment(rng, anchor, days),
    )
