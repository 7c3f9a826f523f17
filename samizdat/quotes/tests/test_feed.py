from __future__ import annotations

import feedparser


def test_it_serves_full_text_rss_and_atom_per_speaker(client, record):
    checked = 0
    for fmt in ("rss", "atom"):
        response = client.get(f"/en/said/ali-khamenei/{fmt}.xml")
        assert response.status_code == 200
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert "Ali Khamenei" in parsed.feed.title
        texts = [entry.content[0].value for entry in parsed.entries]
        assert len(texts) == 3
        assert "Water is a right." in texts[0] and "Speech on water" in texts[0]
        assert all("Never shown." not in text for text in texts)
        assert parsed.entries[0].link.startswith("http://")
        checked += 1
    assert checked == 2


def test_it_refuses_feeds_of_unknown_speakers(client, record):
    assert client.get("/en/said/nobody/rss.xml").status_code == 404
