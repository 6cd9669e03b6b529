"""Draw the PNG brand images (favicons, touch icon, default og:image) from the logo's geometry.

The logo is static/img/logo.svg; Pillow has no SVG renderer, so this draws the same shapes (in the
SVG's 64-unit grid, at 4x and scaled down for smooth edges). Run it after changing the logo:

    .venv/bin/python scripts/brand_images.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
BLUE = (10, 42, 92)
ACCENT = (194, 65, 12)
WHITE = (255, 255, 255)
DIAMOND = (160, 172, 190)  # white at 55 % on the blue
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SUPERSAMPLE = 4


def draw_symbol(
    draw: ImageDraw.ImageDraw, x: float, y: float, size: float, *, rounded: bool
) -> None:
    """The symbol of logo.svg in a ``size``-pixel square at (x, y)."""
    u = size / 64

    def p(px: float, py: float) -> tuple[float, float]:
        return (x + px * u, y + py * u)

    if rounded:
        draw.rounded_rectangle([p(0, 0), p(64, 64)], radius=14 * u, fill=BLUE)
    else:
        draw.rectangle([p(0, 0), p(64, 64)], fill=BLUE)
    draw.line(
        [p(32, 13), p(51, 32), p(32, 51), p(13, 32), p(32, 13)],
        fill=DIAMOND,
        width=max(1, round(2 * u)),
    )
    draw.line([p(32, 13), p(32, 51)], fill=WHITE, width=round(7 * u))
    draw.line([p(13, 32), p(51, 32)], fill=WHITE, width=round(7 * u))
    for cx, cy in ((32, 13), (32, 51), (13, 32), (51, 32)):
        draw.ellipse([p(cx - 5.5, cy - 5.5), p(cx + 5.5, cy + 5.5)], fill=WHITE)
    draw.ellipse([p(22.5, 22.5), p(41.5, 41.5)], fill=WHITE)
    draw.ellipse([p(24, 24), p(40, 40)], fill=ACCENT)


def icon(size: int, *, rounded: bool = True) -> Image.Image:
    big = size * SUPERSAMPLE
    image = Image.new("RGBA" if rounded else "RGB", (big, big), (0, 0, 0, 0) if rounded else BLUE)
    draw_symbol(ImageDraw.Draw(image), 0, 0, big, rounded=rounded)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def og_image() -> Image.Image:
    """1200 x 630: the symbol and the name in all three languages (one image for every page)."""
    width, height = 1200 * 2, 630 * 2
    image = Image.new("RGB", (width, height), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, height - 24, width, height], fill=ACCENT)
    draw_symbol(draw, 140, 300, 560, rounded=True)
    draw.rounded_rectangle([140, 300, 700, 860], radius=122, outline=WHITE, width=6)
    title = ImageFont.truetype(FONT, 180)
    small = ImageFont.truetype(FONT_REGULAR, 64)
    draw.text((800, 330), "SOTE AI", font=title, fill=WHITE)
    names = (
        "SOTE-tekoälyn ekosysteemi",
        "Ekosystemet för AI inom social-",
        "och hälsovården",
        "SOTE AI Ecosystem",
    )
    for row, name in enumerate(names):
        draw.text((806, 580 + row * 84), name, font=small, fill=WHITE)
    return image.resize((1200, 630), Image.Resampling.LANCZOS)


def main() -> None:
    for size, name in ((32, "favicon-32.png"), (192, "icon-192.png"), (512, "icon-512.png")):
        icon(size).save(OUT / name, optimize=True)
    # iOS rounds the corners itself and shows transparency as black: a full square.
    icon(180, rounded=False).save(OUT / "apple-touch-icon.png", optimize=True)
    icon(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    og_image().save(OUT / "og-default.png", optimize=True)


if __name__ == "__main__":
    main()
