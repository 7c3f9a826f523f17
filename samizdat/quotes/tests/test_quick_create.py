from __future__ import annotations

from samizdat.people.models import Person


def test_the_speaker_chooser_creates_a_public_figure_in_the_pieces_edition(
    admin_client, editions
):
    chooser = admin_client.get("/admin/snippets/choose/people/person/?locale=fa")
    assert chooser.status_code == 200
    assert "public_figure" in chooser.content.decode()
    response = admin_client.post(
        "/admin/snippets/choose/people/person/create/?locale=fa",
        {"name": "عباس عراقچی", "role": "وزیر خارجه", "public_figure": "on"},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    person = Person.objects.get(name="عباس عراقچی")
    assert person.public_figure and person.locale.language_code == "fa"
