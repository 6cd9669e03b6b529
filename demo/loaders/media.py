"""The demo illustrations (``images.yaml``, files under ``demo/files/images/``) as Wagtail images."""

from __future__ import annotations

from django.core.files import File
from wagtail.images import get_image_model
from wagtail.models import Collection

from demo import data
from demo.toolkit import DemoContext


def root_collection() -> Collection:
    # the root collection comes from Wagtail's migration; a flushed test database lacks it
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def image_spec(key: str):
    """The data of the illustration ``key`` (a DemoDataError names an unknown key)."""
    for spec in data.load("images")["images"]:
        if spec["key"] == key:
            return spec
    raise data.DemoDataError(f"images.yaml: no image with key {key!r}")


def ensure_image(key: str):
    """The Wagtail image of illustration ``key``, uploaded from its file the first time."""
    spec = image_spec(key)
    title = spec["alt"]["fi"]
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    path = data.FILES_DIR / "images" / f"{key}.png"
    with path.open("rb") as handle:
        image = model(title=title, collection=root_collection())
        image.file.save(path.name, File(handle), save=False)
        image.save()
    return image


def image_block(key: str, texts: data.Texts) -> tuple[str, dict]:
    """A body ``image`` block showing illustration ``key`` with its (translated) alt text."""
    spec = image_spec(key)
    return ("image", {"image": ensure_image(key), "alt_text": texts.fi(spec["alt"]), "caption": ""})


def load(ctx: DemoContext) -> None:
    for spec in data.load("images")["images"]:
        before = get_image_model().objects.filter(title=spec["alt"]["fi"]).exists()
        ensure_image(spec["key"])
        if not before:
            ctx.note(f"image {spec['key']}")
