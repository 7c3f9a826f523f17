"""Content for the page benchmarks: six sections and 61 articles, the first
a typical long read (about 1,200 words, subheadings, quotations, a pull
quote, two authors, five tags). Run inside Django (manage.py shell)."""

from __future__ import annotations

from samizdat.articles.models import ArticleAuthor, ArticlePage, HomePage, SectionPage
from samizdat.people.models import Person

SENTENCE = (
    "The council met again on Tuesday to weigh the cost of the new water plan "
    "for the city and its farms. "
)
QUOTE = {
    "text": "We cannot wait for another dry year to act.",
    "speaker": "Maryam Sadeghi",
    "speaker_role": "hydrologist",
}


def body(paragraphs: int) -> list:
    blocks: list = []
    for i in range(paragraphs):
        if i % 4 == 0:
            blocks.append(("subheading", f"Part {i // 4 + 1} of the story"))
        blocks.append(("paragraph", "<p>" + SENTENCE * 5 + "</p>"))
        if i % 6 == 3:
            blocks.append(("quotation", QUOTE))
    blocks.append(("pull_quote", "Every reservoir is below a third of its capacity."))
    return blocks


def build() -> str:
    """Publish the benchmark content; return the long read's URL path."""
    home = HomePage.objects.get(locale__language_code="en")
    sections = []
    for title in ["News", "Opinion", "Report", "Analysis", "Interview", "Culture"]:
        section = home.add_child(
            instance=SectionPage(title=title, slug=title.lower(), show_in_menus=True)
        )
        section.save_revision().publish()
        sections.append(section)
    people = [
        Person.objects.create(
            name=f"Writer {i}", locale=home.locale, pen_name="Pen" if i % 3 else ""
        )
        for i in range(8)
    ]
    for n in range(61):
        page = ArticlePage(
            title=f"Reservoirs fall to a record low, number {n}",
            slug=f"reservoirs-{n}",
            standfirst="Farmers and city dwellers brace for a summer of rationing.",
            body=body(12 if n == 0 else 4),
        )
        page.article_authors = [
            ArticleAuthor(person=people[n % 8], sort_order=0),
            ArticleAuthor(person=people[(n + 1) % 8], sort_order=1),
        ]
        page.tags.add("water", "drought", "farming", "cities", "climate")
        sections[n % 6].add_child(instance=page)
        page.save_revision().publish()
    return ArticlePage.objects.get(slug="reservoirs-0").url
