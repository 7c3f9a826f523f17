from __future__ import annotations


def test_it_proposes_quotations_for_the_piece_edition(admin_client, record):
    response = admin_client.post(
        "/admin/quotes/propose/",
        {
            "text": "Khamenei said on Monday, “We are ready to talk.”",
            "page": record.first.pk,
            "date": "2025-03-12",
        },
    )
    assert response.status_code == 200
    data = response.json()
    [proposal] = data["proposals"]
    assert proposal["speaker_id"] == record.leader.pk
    assert proposal["person"]["id"] == record.leader.pk
    assert proposal["date_said"] == "2025-03-10"
    assert {p["id"] for p in data["people"]} >= {record.leader.pk}


def test_it_refuses_empty_input_and_readers(client, admin_client, record):
    response = admin_client.post("/admin/quotes/propose/", {"text": ""})
    assert response.status_code == 400 and "text" in response.json()["errors"]
    assert admin_client.get("/admin/quotes/propose/").status_code == 405
    assert client.post("/admin/quotes/propose/", {"text": "x"}).status_code in (
        302,
        403,
    )


def test_the_editor_loads_the_finder_script_file(admin_client, record):
    html = admin_client.get(f"/admin/pages/{record.first.pk}/edit/").content.decode()
    assert 'src="/static/quotes/finder.js"' in html
    assert 'data-propose-url="/admin/quotes/propose/"' in html
