"""Compose demo pieces from the bilingual vocabulary, deterministically.

A piece is first chosen as a *skeleton* (topic, place, numbers, which
templates in which order); rendering the skeleton in English or Persian
gives two texts that say the same thing, which is what a translated pair
needs. Nothing here touches the database."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from html import escape

from samizdat.editions.formats import localise_digits

from . import phrases
from .facts import FACTS
from .newsroom import FIGURES, STAFF
from .sentences import SENTENCES
from .vocabulary import (
    CHANGE,
    EXPERT_ROLES,
    FIRST_NAMES,
    LAST_NAMES,
    PLACES,
    SOURCE_HOSTS,
    SOURCE_PATHS,
    TOPICS,
    WHEN,
    Pair,
    Topic,
)

LANGS = ("en", "fa")
COUNTS: list[Pair] = [
    ("three", "سه"),
    ("four", "چهار"),
    ("five", "پنج"),
    ("six", "شش"),
    ("seven", "هفت"),
    ("eight", "هشت"),
    ("nine", "نه"),
]
_ARTICLE = re.compile(r"^(the|a|an) ", re.IGNORECASE)
AUTHOR_COUNTS = {
    "news": (1, 1, 1, 2, 2, 3),
    "report": (1, 1, 2, 2, 3),
    "analysis": (1, 1, 2),
    "opinion": (1,),
    "interview": (1,),
}
# What each kind of piece is made of: P paragraph (sentence roles), H
# subheading, Q quotation (speaker kind), PQ pull quote, QA question and
# answer; a trailing "?" makes the part optional.
SHAPES: dict[str, list[str]] = {
    "news": [
        "P:lede,fact,context",
        "P:detail,fact,context",
        "Q:witness",
        "H",
        "P:context,reaction,detail",
        "Q?:official",
        "P:reaction,outlook,outlook",
    ],
    "report": [
        "P:scene,detail,fact",
        "P:context,detail,detail",
        "Q:witness",
        "H",
        "P:fact,context,detail",
        "PQ?",
        "Q:expert",
        "H",
        "P:reaction,fact,reaction",
        "Q?:witness",
        "P:context,outlook,outlook",
    ],
    "analysis": [
        "P:analysis,analysis,fact",
        "H",
        "P:analysis,context,fact",
        "Q:expert",
        "H",
        "P:analysis,detail,fact",
        "PQ?",
        "Q?:official",
        "P:analysis,context",
        "P:argument,outlook",
    ],
    "opinion": [
        "P:argument,argument,argument",
        "P:context,fact,argument",
        "PQ?",
        "H",
        "P:argument,detail,fact",
        "Q?:witness",
        "P:argument,argument",
    ],
    "interview": ["INTRO", "QA", "QA", "PQ", "QA", "QA?", "QA?"],
}


def escape_text(text: str) -> str:
    return escape(text, quote=False)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def fill(template: Pair, slots: dict[str, Pair], lang: int, start: bool = True) -> str:
    """One template in one language with its slots filled; `start` capitalises."""
    values: dict[str, str] = {}
    for key, pair in slots.items():
        value = pair[lang]
        bare = _ARTICLE.sub("", value) if lang == 0 else value
        values[key] = value
        values[key + "_h"] = bare
        values[cap(key)] = cap(value) if lang == 0 else value
        values[cap(key) + "_h"] = cap(bare) if lang == 0 else bare
    text = template[lang].format_map(values)
    text = cap(text) if start else text
    return localise_digits(text, "fa") if lang == 1 else text


def _number(value: int, lang: int) -> str:
    return f"{value:,}".replace(",", "٬") if lang else f"{value:,}"


def _pair(template: Pair, **slots: Pair) -> Pair:
    return (template[0].format(**{k: v[0] for k, v in slots.items()}),) + (
        template[1].format(**{k: v[1] for k, v in slots.items()}),
    )


@dataclass
class Quote:
    text: Pair
    speaker: Pair
    role: Pair
    days_before: int | None
    source_url: str
    figure: str = ""  # a FigureSpec's slug: the speaker is that Person


@dataclass(frozen=True)
class CartoonText:
    """A caricature's title and caption in both languages, and its tags."""

    title: Pair
    caption: Pair
    tags: tuple[Pair, ...]


@dataclass
class Skeleton:
    """The choices behind a piece; render() turns them into text."""

    kind: str
    topic: Topic
    slots: dict[str, Pair]
    headline: Pair
    standfirst: Pair
    tags: list[Pair]
    authors: list[str]
    parts: list[tuple] = field(default_factory=list)

    def title(self, lang: str) -> str:
        return fill(self.headline, self.slots, LANGS.index(lang))

    def render(self, lang: str) -> dict:
        """Title, standfirst, body blocks and tags in one language."""
        i = LANGS.index(lang)
        body: list[tuple[str, object]] = []
        for part in self.parts:
            kind = part[0]
            if kind == "P":
                text = " ".join(fill(s, self.slots, i) for s in part[1])
                body.append(("paragraph", f"<p>{escape_text(text)}</p>"))
            elif kind == "H":
                body.append(("subheading", fill(part[1], self.slots, i)))
            elif kind == "PQ":
                body.append(("pull_quote", fill(part[1], self.slots, i)))
            elif kind == "QA":
                question = escape_text(fill(part[1], self.slots, i))
                answer = escape_text(" ".join(fill(s, self.slots, i) for s in part[2]))
                body.append(("paragraph", f"<p><b>{question}</b></p><p>{answer}</p>"))
            elif kind == "Q":
                quote: Quote = part[1]
                body.append(
                    (
                        "quotation",
                        {
                            "text": fill(quote.text, self.slots, i),
                            "speaker": quote.speaker[i],
                            "speaker_role": fill(
                                quote.role, self.slots, i, start=False
                            ),
                            "days_before": quote.days_before,
                            "source_url": quote.source_url,
                            "figure": quote.figure,
                        },
                    )
                )
        return {
            "title": self.title(lang),
            "standfirst": fill(self.standfirst, self.slots, i),
            "body": body,
            "tags": [tag[i] for tag in self.tags],
        }

    def first_speaker(self, lang: str) -> str:
        for part in self.parts:
            if part[0] == "Q":
                return part[1].speaker[LANGS.index(lang)]
        return self.slots["speaker"][LANGS.index(lang)]


class Writer:
    """Chooses skeletons from a random stream of its own."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._used_names: set[Pair] = set()

    def name(self) -> Pair:
        for _attempt in range(20):
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            pair = (f"{first[0]} {last[0]}", f"{first[1]} {last[1]}")
            if pair not in self._used_names:
                break
        self._used_names.add(pair)
        return pair

    def slots(self, topic: Topic) -> dict[str, Pair]:
        rng = self.rng
        place = rng.choice(PLACES)
        n, k, m = rng.randint(12, 68), rng.choice(COUNTS), rng.randrange(300, 4000, 50)
        slots = {
            "topic": topic.name,
            "group": topic.group,
            "body": topic.body,
            "measure": topic.measure,
            "demand": topic.demand,
            "action": topic.action,
            "place": place,
            "when": rng.choice(WHEN),
            "n": (str(n), str(n)),
            "k": k,
            "m": (_number(m, 0), _number(m, 1)),
            "speaker": self.name(),
            "slogan": rng.choice(phrases.SLOGANS),
            **CHANGE[topic.rises],
        }
        slots["speaker_role"] = _pair(topic.witness, place=place)
        return slots

    def _roles(self, roles: list[Pair], slots: dict[str, Pair]) -> list[Pair]:
        return [_pair(role, place=slots["place"], body=slots["body"]) for role in roles]

    def quote(self, who: str, slots: dict[str, Pair], topic: Topic) -> Quote:
        """A statement by a witness, an expert or an official; officials are
        the demo's public figures, so each gathers a record of statements."""
        rng = self.rng
        speaker, figure = self.name(), ""
        if who == "witness":
            role = _pair(topic.witness, place=slots["place"])
        elif who == "expert":
            role = rng.choice(self._roles(EXPERT_ROLES, slots))
        else:
            chosen = rng.choice(FIGURES)
            speaker, role, figure = chosen.name, chosen.role, chosen.slug
        source = ""
        if rng.random() < 0.3:
            source = (
                f"https://{rng.choice(SOURCE_HOSTS)}/{rng.choice(SOURCE_PATHS)}/"
                f"{topic.key}-{rng.randint(100, 9999)}"
            )
        return Quote(
            text=rng.choice(phrases.QUOTES[who]),
            speaker=speaker,
            figure=figure,
            role=role,
            days_before=rng.randint(0, 6) if rng.random() < 0.4 else None,
            source_url=source,
        )

    def article(self, kind: str) -> Skeleton:
        rng = self.rng
        topic = rng.choice(TOPICS)
        slots = self.slots(topic)
        pool = [s.slug for s in STAFF if kind in s.kinds]
        count = min(len(pool), rng.choice(AUTHOR_COUNTS[kind]))
        tags = list(topic.tags[: rng.randint(1, len(topic.tags))])
        if rng.random() < 0.4:
            tags.append(slots["place"])
        skeleton = Skeleton(
            kind=kind,
            topic=topic,
            slots=slots,
            headline=rng.choice(phrases.HEADLINES[kind]),
            standfirst=rng.choice(phrases.STANDFIRSTS[kind]),
            tags=tags,
            authors=rng.sample(pool, count),
        )
        skeleton.parts = self.parts(kind, topic, slots)
        return skeleton

    def parts(self, kind: str, topic: Topic, slots: dict[str, Pair]) -> list[tuple]:
        rng = self.rng
        pools = {**_decks(), "fact": FACTS[topic.key]}
        decks = {role: rng.sample(pool, len(pool)) for role, pool in pools.items()}

        def draw(role: str) -> Pair:
            deck = decks[role]
            if not deck:
                deck.extend(rng.sample(pools[role], len(pools[role])))
            return deck.pop()

        parts: list[tuple] = []
        quotes: list[Pair] = []
        for step in SHAPES[kind]:
            name, _colon, arg = step.partition(":")
            if name.endswith("?"):
                if rng.random() < 0.5:
                    continue
                name = name[:-1]
            if name == "P":
                parts.append(("P", [draw(role) for role in arg.split(",")]))
            elif name == "H":
                parts.append(("H", draw("subheading")))
            elif name == "Q":
                quote = self.quote(arg, slots, topic)
                quotes.append(quote.text)
                parts.append(("Q", quote))
            elif name == "PQ":
                pulled = quotes[-1] if quotes else draw("argument")
                parts.append(("PQ", pulled))
            elif name == "INTRO":
                parts.append(("P", [phrases.INTERVIEW_INTRO]))
            elif name == "QA":
                answer = [
                    draw("witness"),
                    draw("fact" if len(quotes) % 2 else "context"),
                ]
                quotes.append(answer[0])
                parts.append(("QA", draw("question"), answer))
        return parts

    def cartoon_text(self, topic: Topic) -> CartoonText:
        """Title and caption of a caricature on `topic`."""
        rng = self.rng
        slots = self.slots(topic)
        title = rng.choice(phrases.CARTOON_TITLES[topic.motif])
        caption = rng.choice(phrases.CARTOON_CAPTIONS)
        return CartoonText(
            title=(fill(title, slots, 0), fill(title, slots, 1)),
            caption=(fill(caption, slots, 0), fill(caption, slots, 1)),
            tags=tuple(topic.tags[:1]),
        )


def _decks() -> dict[str, list[Pair]]:
    return {
        **SENTENCES,
        "subheading": phrases.SUBHEADINGS,
        "question": phrases.QUESTIONS,
        "witness": phrases.QUOTES["witness"],
    }
