"""Quality of the quotation finder: precision and recall for the quotation's
text, speaker and date, per edition, on a generated labelled corpus.

Builds pieces in English and Persian from templates with known quotations,
speakers and dates: statements before and after their attribution, quotes
spanning sentences, nested quotes, "according to", "He added" chains with
and without a pronoun, dates written out, weekdays ("on Monday") resolved
against the piece's date, Solar Hijri dates with Persian or Latin digits,
and scare quotes that are not statements (with and without a speech verb in
the sentence). Next to the finder, a baseline takes every quoted span with
no speaker or date. Prints one JSON line per edition and method.

    python bench/quotes_quality.py [--pieces 300] [--seed 17]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.test")

import django  # noqa: E402

django.setup()

from persiantools.jdatetime import MONTH_NAMES_FA, JalaliDate  # noqa: E402

from samizdat.editions.formats import localise_digits  # noqa: E402
from samizdat.quotes.extract import Speaker, all_spans, find  # noqa: E402

PEOPLE = {
    "en": [
        ("Ali Khamenei", ("the Supreme Leader",)),
        ("Donald Trump", ()),
        ("Masoud Pezeshkian", ()),
        ("Narges Mohammadi", ()),
        ("Abbas Araghchi", ()),
        ("Emmanuel Macron", ()),
    ],
    "fa": [
        ("علی خامنه‌ای", ("رهبر جمهوری اسلامی",)),
        ("دونالد ترامپ", ()),
        ("مسعود پزشکیان", ()),
        ("نرگس محمدی", ()),
        ("عباس عراقچی", ()),
        ("امانوئل مکرون", ()),
    ],
}
WORDS = {
    "en": (
        "water prices courts workers sanctions talks schools prisons rivers "
        "farmers wages elections borders nurses fuel bread"
    ).split(),
    "fa": (
        "آب قیمت دادگاه کارگران تحریم مذاکره مدرسه زندان رود کشاورز دستمزد "
        "انتخابات مرز پرستار سوخت نان"
    ).split(),
}
EN_SENTENCES = [
    "We will not accept {w} under pressure.",
    "The {w} of this country belong to its people.",
    "Nobody should pay for {w} with their freedom.",
    "Our answer on {w} will be clear and final.",
    "There is no plan for {w} and there never was.",
]
FA_SENTENCES = [
    "ما {w} را زیر فشار نمی‌پذیریم.",
    "{w} این کشور از آن مردم است.",
    "هیچ‌کس نباید بهای {w} را با آزادی‌اش بپردازد.",
    "پاسخ ما دربارهٔ {w} روشن و قطعی است.",
    "هیچ برنامه‌ای برای {w} وجود ندارد.",
]
EN_WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]
FA_WEEKDAYS = ["دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"]


@dataclass
class Gold:
    text: str
    speaker_id: int
    date: str | None


class Writer:
    def __init__(self, lang: str, rng: random.Random):
        self.lang, self.rng = lang, rng
        self.people = [
            Speaker(i + 1, name, aliases)
            for i, (name, aliases) in enumerate(PEOPLE[lang])
        ]

    def sentence(self) -> str:
        pool = EN_SENTENCES if self.lang == "en" else FA_SENTENCES
        return self.rng.choice(pool).format(w=self.rng.choice(WORDS[self.lang]))

    def date_phrase(self, day: dt.date, piece_date: dt.date) -> str:
        """A way of writing `day` the finder must read back."""
        rng = self.rng
        if self.lang == "en":
            kind = (
                rng.choice(["mdy", "dmy", "weekday"])
                if (piece_date - day).days < 7
                else rng.choice(["mdy", "dmy"])
            )
            if kind == "mdy":
                return f"on {day.strftime('%B')} {day.day}, {day.year}"
            if kind == "dmy":
                return f"on {day.day} {day.strftime('%B')} {day.year}"
            return f"on {EN_WEEKDAYS[day.weekday()]}"
        if (piece_date - day).days < 7 and rng.random() < 0.35:
            return f"روز {FA_WEEKDAYS[day.weekday()]}"
        j = JalaliDate(day)
        text = f"{j.day} {MONTH_NAMES_FA[j.month]} {j.year}"
        return "روز " + (localise_digits(text, "fa") if rng.random() < 0.5 else text)

    def piece(self) -> tuple[str, list[Gold], dt.date]:
        rng = self.rng
        piece_date = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(300))
        paragraphs, gold = [], []
        for _ in range(rng.randint(2, 4)):
            person = rng.choice(self.people)
            day = piece_date - dt.timedelta(days=rng.randrange(0, 20))
            dated = rng.random() < 0.85
            when = self.date_phrase(day, piece_date) if dated else ""
            truth = day.isoformat() if dated else None
            parts = []
            a = self.sentence()
            if self.lang == "en":
                shape = rng.choice(["before", "after", "according", "nested"])
                name = person.name if rng.random() < 0.6 else person.name.split()[-1]
                if shape == "before":
                    parts.append(f"{name} said {when}, “{a}”".replace(" ,", ","))
                elif shape == "after":
                    b = self.sentence()
                    a = f"{a} {b}"
                    parts.append(
                        f"“{a}” {name} told reporters {when}.".replace(" .", ".")
                    )
                elif shape == "according":
                    parts.append(
                        f'According to {name}, who spoke {when}, "{a}"'.replace(
                            ", who spoke ,", ","
                        )
                    )
                else:
                    a = f"{a} They call it ‘{rng.choice(WORDS['en'])}’ but it is not."
                    parts.append(f"{name} declared {when}: “{a}”".replace(" :", ":"))
                gold.append(Gold(a, person.id, truth))
                if rng.random() < 0.5:
                    c = self.sentence()
                    lead = rng.choice(
                        ["He added", "She added", "He also said", "He wrote"]
                    )
                    parts.append(f"{lead}: “{c}”")
                    gold.append(Gold(c, person.id, truth))
                if rng.random() < 0.5:
                    w = rng.choice(WORDS["en"])
                    surname = person.name.split()[-1]
                    scare = rng.choice(
                        [
                            f"Critics dismissed the so-called “{w} reform” as theatre.",
                            f"{surname} said the “{w}” plan had failed.",
                            f'The word "{w}" appeared on banners across the city.',
                        ]
                    )
                    parts.append(scare)
            else:
                shape = rng.choice(["before", "after", "according", "nested"])
                name = person.name if rng.random() < 0.6 else person.name.split()[-1]
                if shape == "before":
                    parts.append(f"{name} {when} گفت: «{a}»".replace("  ", " "))
                elif shape == "after":
                    b = self.sentence()
                    a = f"{a} {b}"
                    verb = rng.choice(["اعلام کرد", "تصریح کرد", "اظهار داشت"])
                    parts.append(
                        f"«{a}»؛ {name} این را {when} {verb}.".replace("  ", " ")
                    )
                elif shape == "according":
                    parts.append(
                        f"به گفته {name} که {when} سخن می‌گفت، «{a}»".replace("  ", " ")
                    )
                else:
                    a = f'{a} آن را "{rng.choice(WORDS["fa"])}" می‌نامند اما چنین نیست.'
                    parts.append(f"{name} {when} نوشت: «{a}»".replace("  ", " "))
                gold.append(Gold(a, person.id, truth))
                if rng.random() < 0.5:
                    c = self.sentence()
                    lead = rng.choice(["او افزود", "وی افزود", "افزود"])
                    parts.append(f"{lead}: «{c}»")
                    gold.append(Gold(c, person.id, truth))
                if rng.random() < 0.5:
                    w = rng.choice(WORDS["fa"])
                    parts.append(
                        rng.choice(
                            [
                                f"منتقدان طرح موسوم به «{w}» را نمایشی خواندند.",
                                f"واژهٔ «{w}» بر پلاکاردهای شهر دیده می‌شد.",
                            ]
                        )
                    )
            paragraphs.append(" ".join(parts))
        return "\n\n".join(paragraphs), gold, piece_date


def score(found: list[tuple[str, int | None, str | None]], gold: list[Gold]) -> dict:
    remaining = list(gold)
    text_ok = speaker_ok = date_ok = 0
    for text, speaker_id, date in found:
        match = next((g for g in remaining if g.text == text), None)
        if match is None:
            continue
        remaining.remove(match)
        text_ok += 1
        speaker_ok += speaker_id == match.speaker_id
        date_ok += date == match.date
    n_found, n_gold = max(len(found), 1), max(len(gold), 1)
    return {
        f"{what}_{kind}": round(ok / base, 3)
        for what, ok in (("text", text_ok), ("speaker", speaker_ok), ("date", date_ok))
        for kind, base in (("precision", n_found), ("recall", n_gold))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pieces", type=int, default=300)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    for lang in ("en", "fa"):
        writer = Writer(lang, random.Random(f"{args.seed}-{lang}"))
        gold_all: list[Gold] = []
        finder, baseline = [], []
        for _ in range(args.pieces):
            text, gold, piece_date = writer.piece()
            # Each piece is scored on its own spans; ids keep pieces apart.
            offset = len(gold_all)
            gold_all.extend(
                Gold(f"{offset}:{g.text}", g.speaker_id, g.date) for g in gold
            )
            for p in find(text, writer.people, language=lang, piece_date=piece_date):
                finder.append((f"{offset}:{p.text}", p.speaker_id, p.date_said))
            for start, end in all_spans(text):
                baseline.append(
                    (f"{offset}:{text[start + 1 : end - 1].strip()}", None, None)
                )
        for method, found in (("finder", finder), ("baseline_every_span", baseline)):
            print(
                json.dumps(
                    {
                        "bench": "quotes_quality",
                        "edition": lang,
                        "method": method,
                        "pieces": args.pieces,
                        "quotations": len(gold_all),
                        "proposals": len(found),
                        **score(found, gold_all),
                    }
                )
            )


if __name__ == "__main__":
    main()
