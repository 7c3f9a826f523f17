"""The shipped nginx configuration, as Debian's nginx runs it in front of
gunicorn: reader pages cached (MISS, then HIT), signed-in staff bypass the
cache, PURGE drops a page, static files immutable, uploads never pages,
gzip, HTTP to HTTPS and HTTP/2 offered."""

from __future__ import annotations

import re
import shutil
import socket
import ssl
import warnings

import pytest
import requests
from django.conf import settings as django_settings
from urllib3.exceptions import InsecureRequestWarning

from .conftest import STAFF, free_port, gunicorn, nginx, run

pytestmark = [
    pytest.mark.nginx,
    pytest.mark.skipif(
        django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="runs gunicorn on a SQLite file",
    ),
]
HOST = {"Host": "localhost"}


def alpn(port: int) -> str | None:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_alpn_protocols(["h2", "http/1.1"])
    with (
        socket.create_connection(("127.0.0.1", port)) as raw,
        context.wrap_socket(raw) as tls,
    ):
        return tls.selected_alpn_protocol()


def test_the_shipped_config_caches_bypasses_staff_and_purges(template, tmp_path):
    db = tmp_path / "site.sqlite3"
    shutil.copy(template, db)
    srv = tmp_path / "srv"
    (srv / "staticfiles").mkdir(parents=True)
    (srv / "media").mkdir()
    (srv / "staticfiles" / "site.abc123.css").write_text("body { color: red; }\n" * 40)
    (srv / "media" / "upload.html").write_text("<script>alert(1)</script>")
    app_port = free_port()
    warnings.simplefilter("ignore", InsecureRequestWarning)
    article = run(db, 25, "url").stdout.strip()
    # As the shipped environment file has it: nginx compresses, the
    # application does not (its variants by Accept-Encoding would each need
    # purging).
    behind_nginx = {"HTML_GZIP": "0"}
    with (
        nginx(tmp_path, app_port) as ports,
        gunicorn(db, port=app_port, **behind_nginx),
    ):
        site = f"https://127.0.0.1:{ports['https']}"
        reader = requests.Session()

        def status(path: str, session=reader) -> str:
            response = session.get(site + path, headers=HOST, timeout=30, verify=False)
            assert response.status_code == 200, (path, response.status_code)
            return response.headers["X-Cache-Status"]

        assert status("/en/") == "MISS"
        assert status("/en/") == "HIT"
        page = reader.get(site + "/en/", headers=HOST, timeout=30, verify=False)
        assert page.headers["Content-Encoding"] == "gzip"
        assert "s-maxage" in page.headers["Cache-Control"]

        staff = requests.Session()
        login = staff.get(
            site + "/admin/login/", headers=HOST, timeout=30, verify=False
        )
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
        assert token and login.headers["X-Cache-Status"] in ("MISS", "EXPIRED")
        signed_in = staff.post(
            site + "/admin/login/",
            data={
                "username": STAFF[0],
                "password": STAFF[1],
                "csrfmiddlewaretoken": token.group(1),
            },
            headers={**HOST, "Referer": "https://localhost/admin/login/"},
            allow_redirects=False,
            timeout=30,
            verify=False,
        )
        assert signed_in.status_code == 302, signed_in.text[:3000]
        assert "sessionid" in staff.cookies
        assert status("/en/", staff) == "BYPASS"
        staff_page = staff.get(site + "/en/", headers=HOST, timeout=30, verify=False)
        assert "private" in staff_page.headers["Cache-Control"]
        assert status("/en/") == "HIT"  # the staff visit stored nothing

        purge = f"http://127.0.0.1:{ports['purge']}"
        assert (
            requests.request(
                "PURGE", purge + "/en/", headers=HOST, timeout=10
            ).status_code
            == 200
        )
        assert (
            requests.request(
                "PURGE", purge + "/en/", headers=HOST, timeout=10
            ).status_code
            == 404
        )
        assert status("/en/") == "MISS"
        assert status("/en/") == "HIT"

        css = reader.get(
            site + "/static/site.abc123.css", headers=HOST, timeout=10, verify=False
        )
        assert css.status_code == 200
        assert "immutable" in css.headers["Cache-Control"]
        assert css.headers["Content-Encoding"] == "gzip"
        upload = reader.get(
            site + "/media/upload.html", headers=HOST, timeout=10, verify=False
        )
        assert upload.headers["Content-Disposition"] == "attachment"
        assert "sandbox" in upload.headers["Content-Security-Policy"]
        assert upload.headers["X-Content-Type-Options"] == "nosniff"

        plain = requests.get(
            f"http://127.0.0.1:{ports['http']}/en/",
            headers=HOST,
            allow_redirects=False,
            timeout=10,
        )
        assert plain.status_code == 301
        assert plain.headers["Location"] == "https://localhost/en/"
        assert alpn(ports["https"]) == "h2"

        # A correction published in the admin reaches readers at once: the
        # purge task, run by the worker, drops every page that shows it.
        assert status(article) == "MISS" and status(article) == "HIT"
        assert status("/en/") == "HIT"
        cache = {"FRONTEND_CACHE_URL": purge}
        run(db, 25, "correct", "The river rose two metres, not three.", env=cache)
        assert status(article) == "HIT"  # nothing purged until the task runs
        run(db, 25, "work_queue", env=cache)
        corrected = reader.get(site + article, headers=HOST, timeout=30, verify=False)
        assert corrected.headers["X-Cache-Status"] == "MISS"
        assert "two metres, not three" in corrected.text
        assert status("/en/") == "MISS"
        assert status("/en/feeds/rss.xml") in ("MISS", "EXPIRED")
