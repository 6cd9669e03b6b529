"""Hostile or broken input to the admin and the funding form: form errors and 400s, never 500s."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from home.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_page_edit_post_without_a_streamfield_count_is_a_400(admin_client):
    page = StandardPage.objects.filter(locale__language_code="fi").first()
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", {"title": page.title, "slug": page.slug}
    )
    assert response.status_code == 400
    assert page.title == StandardPage.objects.get(pk=page.pk).title


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width`` × ``height`` (a decompression bomb's header)."""
    data = bytearray(_png(8, 8))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def _jpeg_truncated() -> bytes:
    buffer = io.BytesIO()
    PillowImage.effect_noise((400, 300), 60).convert("RGB").save(buffer, "JPEG", quality=95)
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


def _animated_gif(frames: int, size: int = 20) -> bytes:
    images = [PillowImage.new("RGB", (size, size), (40 * n, 90, 200)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=50, loop=0)
    return buffer.getvalue()


def _upload(admin_client, name: str, content: bytes):
    from wagtail.models import Collection

    return admin_client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bomb.png", _png_claiming(60_000, 60_000)),  # above Pillow's own bomb limit
        ("big.png", _png_claiming(8_000, 6_000)),  # above ours (40 Mpx), below Pillow's
        ("truncated.jpg", _jpeg_truncated()),
    ],
)
def test_bad_images_are_form_errors(admin_client, name, content):
    before = get_image_model().objects.count()
    response = _upload(admin_client, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert get_image_model().objects.count() == before


def test_animated_images_count_every_frame(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 20 * 20 * 4  # four frames' worth
    before = get_image_model().objects.count()
    response = _upload(admin_client, "anim.gif", _animated_gif(frames=6))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert _upload(admin_client, "short.gif", _animated_gif(frames=3)).status_code == 302
    assert get_image_model().objects.count() == before + 1


def test_a_good_image_still_uploads(admin_client):
    assert _upload(admin_client, "ok.png", _png(64, 48)).status_code == 302
