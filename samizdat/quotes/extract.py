"""The quotation finder: proposes the quotations of a passage (English or
Persian) with their speaker and date, for an editor to accept, correct or
drop. It only proposes; nothing here writes.

A proposal is a span in “…”, "…" or «…» with a speech verb (said, stated,
added, declared, told, wrote, according to; گفت، افزود، اظهار داشت، تصریح
کرد، اعلام کرد، نوشت) in its own sentence. Short spans away from a verb are
scare quotes and are left out. The speaker is the person named by full name,
surname or another name in that sentence, nearest the verb; a pronoun or no
name ("He added") means the last speaker named. The date is the nearest date
expression in the paragraph (English dates; Solar Hijri in Persian, with
Persian or Latin digits; weekdays and "yesterday" against the piece's date),
else the last one before it in the passage."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from persiantools.jdatetime import MONTH_NAMES_FA, JalaliDate

from samizdat.editions.formats import latin_digits

PAIRS = {"“": "”", "«": "»", '"': '"'}
OPENING = re.compile(r"[“«\"]")
SHORT_WORDS = 3  # spans of fewer words need a verb right beside them

EN_VERBS = re.compile(
    r"\b(?:said|says|stated|states|added|adds|declared|declares|told|tells|"
    r"wrote|writes|according\s+to)\b",
    re.IGNORECASE,
)
FA_VERBS = re.compile(
    r"(?:گفت|افزود|اظهار\s*داشت|تصریح\s*کرد|اعلام\s*کرد|نوشت|به\s*گفته)"
)
EN_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
FA_PRONOUN = re.compile(r"(?:^|\s)(?:او|وی)(?:\s|$)")
# A name the People list does not know, as subject of an English speech verb
# or after "according to": typed as a free-text speaker.
EN_UNKNOWN = re.compile(
    r"(?:according\s+to\s+)?\b((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s*,?\s+"
    r"(?:said|says|stated|added|declared|told|wrote)\b"
    r"|according\s+to\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)
NOT_NAMES = {"he", "she", "they", "it", "we", "i", "on", "the", "and", "but", "then"}
SENTENCE_END = re.compile(r"[.!?؟]\s|\n")

EN_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
EN_DATE_MDY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
EN_DATE_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I
)
EN_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
EN_WEEKDAY = re.compile(r"\bon\s+(" + "|".join(EN_WEEKDAYS) + r")\b", re.I)
EN_RELATIVE = re.compile(r"\b(yesterday|today)\b", re.I)
FA_MONTHS = [str(name) for name in MONTH_NAMES_FA[1:]]
FA_DATE = re.compile(
    r"(\d{1,2})\s+(" + "|".join(FA_MONTHS) + r")(?:\s*ماه)?\s+(?:سال\s+)?(\d{4})"
)
# Python's weekday(): Monday is 0.
FA_WEEKDAYS = {
    "دوشنبه": 0,
    "سه‌شنبه": 1,
    "سه شنبه": 1,
    "چهارشنبه": 2,
    "پنجشنبه": 3,
    "پنج‌شنبه": 3,
    "جمعه": 4,
    "شنبه": 5,
    "یکشنبه": 6,
    "یک‌شنبه": 6,
}
FA_WEEKDAY = re.compile(
    r"(?:روز\s+)?("
    + "|".join(sorted(FA_WEEKDAYS, key=len, reverse=True))
    + r")(?=[\s،,.]|$)"
)
FA_RELATIVE = re.compile(r"(دیروز|امروز)")


@dataclass(frozen=True)
class Speaker:
    """A person the finder can name: their name, other names and surname."""

    id: int | None
    name: str
    aliases: tuple[str, ...] = ()

    def names(self) -> list[str]:
        parts = self.name.split()
        surname = [parts[-1]] if len(parts) > 1 else []
        return [self.name, *self.aliases, *surname]


@dataclass
class Proposal:
    text: str
    speaker: str
    speaker_id: int | None
    date_said: str | None
    start: int
    end: int
    confidence: float

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Mention:
    start: int
    end: int
    speaker: Speaker


@dataclass
class _Dated:
    start: int
    day: dt.date


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost quoted span, marks included."""
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        match = OPENING.search(text, i)
        if match is None:
            return spans
        close = PAIRS[match.group()]
        depth, j = 0, match.end()
        end = -1
        while j < len(text):
            ch = text[j]
            if ch == match.group() and close != match.group():
                depth += 1
            elif ch == close:
                if depth == 0:
                    end = j
                    break
                depth -= 1
            elif ch == "\n" and text[j : j + 2] == "\n\n":
                break
            j += 1
        if end < 0:
            i = match.end()
            continue
        spans.append((match.start(), end + 1))
        i = end + 1


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the last sentence end before
    the span to the first after it (the span's own full stops do not count)."""
    before = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        before = match.end()
    after_match = SENTENCE_END.search(text, end)
    after = after_match.start() + 1 if after_match else len(text)
    return before, after


def _paragraph(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start < 0 else start), (len(text) if end < 0 else end)


_SAME_LENGTH = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "\u200c": " "})


def _match_form(text: str) -> str:
    """Lower case, Persian kaf and yeh, ZWNJ as a space: one character for
    one, so positions in it are positions in the passage."""
    folded = text.translate(_SAME_LENGTH).lower()
    return folded if len(folded) == len(text) else text.translate(_SAME_LENGTH)


def _mentions(text: str, speakers: Sequence[Speaker]) -> list[_Mention]:
    """Every mention of a known speaker, longest name first at a place."""
    folded = _match_form(text)
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    names = sorted(
        ((_match_form(n.strip()), s) for s in speakers for n in s.names() if n.strip()),
        key=lambda pair: -len(pair[0]),
    )
    for name, speaker in names:
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
        for match in pattern.finditer(folded):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(_Mention(match.start(), match.end(), speaker))
    found.sort(key=lambda m: m.start)
    return found


def _weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def _dates(text: str, piece_date: dt.date | None, persian: bool) -> list[_Dated]:
    """Every date expression of the passage resolved to a day."""
    latin = latin_digits(text)  # same length: positions carry over
    found: list[_Dated] = []

    def add(start: int, make) -> None:
        try:
            found.append(_Dated(start, make()))
        except (ValueError, OverflowError):
            pass

    for m in EN_DATE_MDY.finditer(latin):
        add(
            m.start(),
            lambda m=m: dt.date(int(m[3]), EN_MONTHS[m[1].lower()], int(m[2])),
        )
    for m in EN_DATE_DMY.finditer(latin):
        add(
            m.start(),
            lambda m=m: dt.date(int(m[3]), EN_MONTHS[m[2].lower()], int(m[1])),
        )
    for m in FA_DATE.finditer(latin):
        add(
            m.start(),
            lambda m=m: JalaliDate(
                int(m[3]), FA_MONTHS.index(m[2]) + 1, int(m[1])
            ).to_gregorian(),
        )
    if piece_date is not None:
        for m in EN_WEEKDAY.finditer(latin):
            day = EN_WEEKDAYS.index(m[1].lower())
            add(m.start(), lambda day=day: _weekday_before(piece_date, day))
        for m in EN_RELATIVE.finditer(latin):
            back = 1 if m[1].lower() == "yesterday" else 0
            add(m.start(), lambda back=back: piece_date - dt.timedelta(days=back))
        if persian:
            taken = [(d.start, d.start + 12) for d in found]
            for m in FA_WEEKDAY.finditer(latin):
                if any(s <= m.start(1) < e for s, e in taken):
                    continue
                day = FA_WEEKDAYS[m[1]]
                add(m.start(1), lambda day=day: _weekday_before(piece_date, day))
            for m in FA_RELATIVE.finditer(latin):
                back = 1 if m[1] == "دیروز" else 0
                add(m.start(), lambda back=back: piece_date - dt.timedelta(days=back))
    found.sort(key=lambda d: d.start)
    return found


def _nearest_date(
    dates: list[_Dated], text: str, start: int, end: int
) -> dt.date | None:
    if not dates:
        return None
    low, high = _paragraph(text, start)
    inside = [d for d in dates if low <= d.start < high and not start <= d.start < end]
    if inside:
        best = min(
            inside,
            key=lambda d: start - d.start if d.start < start else d.start - end,
        )
        return best.day
    earlier = [d for d in dates if d.start < start]
    return earlier[-1].day if earlier else None


def _unknown_name(text: str, around: list[tuple[int, int]]) -> str:
    for a, b in around:
        for match in EN_UNKNOWN.finditer(text, a, b):
            name = match.group(1) or match.group(2) or ""
            words = [w for w in name.split() if w.lower() not in NOT_NAMES]
            # "On Monday Trump said": only the run of names next to the verb.
            while words and words[0][0].islower():
                words.pop(0)
            if words:
                return " ".join(words)
    return ""


def find(
    text: str,
    speakers: Iterable[Speaker] = (),
    *,
    language: str = "en",
    piece_date: dt.date | None = None,
) -> list[Proposal]:
    """The quotations a passage seems to report, in order."""
    speakers = list(speakers)
    persian = language == "fa"
    verbs = FA_VERBS if persian else EN_VERBS
    pronoun = FA_PRONOUN if persian else EN_PRONOUN
    mentions = _mentions(text, speakers)
    dates = _dates(text, piece_date, persian)
    proposals: list[Proposal] = []
    last: Speaker | None = None
    previous_end = 0
    for start, end in _spans(text):
        inner = text[start + 1 : end - 1].strip()
        if not inner:
            continue
        low, high = _sentence(text, start, end)
        low = max(low, previous_end)
        previous_end = end
        before_has_verb = verbs.search(text, low, start) is not None
        following = OPENING.search(text, end, high)
        if following is not None:
            # "… pressure." Trump declared, “…”: the words up to the next
            # quotation introduce it; they attribute this one only when
            # nothing before it does ('"A," Trump said, "B."').
            high = end if before_has_verb else following.start()
        around = [(low, start), (end, high)]
        verb_at = None
        for a, b in around:
            for match in verbs.finditer(text, a, b):
                gap = (
                    start - match.end() if match.end() <= start else match.start() - end
                )
                if verb_at is None or gap < verb_at[1]:
                    verb_at = (match.start(), gap)
        # Mentions before this span set the "last speaker" even when the
        # span is not a statement.
        named = [
            m for m in mentions if (low <= m.start < start) or (end <= m.start < high)
        ]
        if verb_at is None:
            continue
        if len(inner.split()) < SHORT_WORDS and verb_at[1] > 3:
            continue
        speaker = None
        confidence = 0.55
        unknown = "" if named or persian else _unknown_name(text, around)
        if unknown:
            speaker = Speaker(None, unknown)
            confidence += 0.1
        elif named:
            chosen = min(named, key=lambda m: abs(m.start - verb_at[0]))
            speaker = chosen.speaker
            confidence += 0.25
        elif last is not None:
            speaker = last
            has_pronoun = any(pronoun.search(text, a, b) for a, b in around)
            confidence += 0.15 if has_pronoun else 0.05
        if speaker is not None:
            last = speaker
        day = _nearest_date(dates, text, start, end)
        if day is not None:
            confidence += 0.15
        proposals.append(
            Proposal(
                text=inner,
                speaker=speaker.name if speaker else "",
                speaker_id=speaker.id if speaker else None,
                date_said=day.isoformat() if day else None,
                start=start,
                end=end,
                confidence=round(min(confidence, 1.0), 2),
            )
        )
    return proposals


def all_spans(text: str) -> list[tuple[int, int]]:
    """Every quoted span, statement or not (the quality benchmark's baseline)."""
    return _spans(text)
