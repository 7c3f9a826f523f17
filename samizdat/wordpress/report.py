"""What an import did, in numbers, and every item that did not come through
whole, with its WordPress ID and the reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The kinds counted, in the order the report lists them.
KINDS = (
    "posts",
    "pages",
    "drafts",
    "scheduled",
    "submitted",
    "skipped",
    "unchanged",
    "updated",
    "failed",
    "people",
    "sections",
    "tags",
    "images",
    "redirects",
    "translations",
)


@dataclass(frozen=True)
class Problem:
    wp_id: int
    title: str
    reason: str


@dataclass
class Report:
    dry_run: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    shortcodes: Counter[str] = field(default_factory=Counter)

    def add(self, kind: str, number: int = 1) -> None:
        self.counts[kind] += number

    def problem(self, wp_id: int, title: str, reason: str) -> None:
        self.problems.append(Problem(wp_id, title, reason))

    def render(self) -> str:
        lines = [
            _("Dry run: nothing was written.")
            if self.dry_run
            else _("WordPress import finished.")
        ]
        labels = {
            "posts": _("posts"),
            "pages": _("pages"),
            "drafts": _("drafts"),
            "scheduled": _("scheduled"),
            "submitted": _("submitted for review"),
            "skipped": _("skipped"),
            "unchanged": _("unchanged since the last run"),
            "updated": _("updated (new revision)"),
            "failed": _("failed"),
            "people": _("people"),
            "sections": _("sections"),
            "tags": _("tags"),
            "images": _("images"),
            "redirects": _("redirects"),
            "translations": _("translations linked"),
        }
        for kind in KINDS:
            lines.append(f"  {labels[kind]}: {self.counts[kind]}")
        if self.shortcodes:
            kept = ", ".join(f"[{n}] ×{c}" for n, c in sorted(self.shortcodes.items()))
            lines.append(_("Shortcodes kept as text: %(list)s") % {"list": kept})
        if self.problems:
            lines.append(
                _("%(count)d items did not convert fully:")
                % {"count": len(self.problems)}
            )
            for p in self.problems:
                lines.append(f"  #{p.wp_id} {p.title!s}: {p.reason}")
        return "\n".join(lines)
