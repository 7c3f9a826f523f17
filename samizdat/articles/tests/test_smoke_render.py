from __future__ import annotations

from samizdat.articles.tests import factories


def test_it_renders_an_article_with_its_byline(client, editions):
    news = factories.section("News")
    writer = factories.person("Leila Karimi", pen_name="Nightingale")
    page = factories.article(news, "Rivers run dry", authors=[writer], tags=["water"])

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Rivers run dry</h1>" in html
    assert "Leila Karimi (Nightingale)" in html
    assert not response.cookies
