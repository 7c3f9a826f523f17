from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samizdat.ads.markup import sanitise
from samizdat.ads.models import Creative


def test_it_keeps_only_simple_inline_markup():
    dirty = (
        '<b onclick="x()">Big</b> <em>sale</em><br><script>alert(1)</script>'
        '<a href="javascript:x()">link</a><img src=x onerror=y><style>*{}</style>'
        '<iframe src="https://evil.example"></iframe>'
    )

    assert sanitise(dirty) == "<b>Big</b> <em>sale</em><br>link"


def test_it_sanitises_text_ads_on_save(db):
    made = Creative.objects.create(
        name="Shoes", text="<i>New</i><script>x</script>", link_url="https://a.example"
    )

    assert made.text == "<i>New</i>"


def test_it_requires_an_image_or_text_and_a_web_link(db):
    with pytest.raises(ValidationError):
        Creative(name="Empty", link_url="https://a.example").full_clean()
    with pytest.raises(ValidationError):
        Creative(name="Bad", text="Hi", link_url="javascript:alert(1)").full_clean()
