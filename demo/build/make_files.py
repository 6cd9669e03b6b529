"""Build the demo's sample files once: the report PDFs and the illustrations.

Run from the project root when the data changes, and commit the results::

    .venv/bin/python -m demo.build.make_files

The PDFs carry text from ``demo/data/reports.yaml`` (so extraction and search run on real
files); the illustrations are abstract shapes in the site's palette drawn with Pillow, one motif
per image as ``demo/data/images.yaml`` says. The loader only reads these files.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

from demo.build.pdf import make_pdf

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1200, 675)
BLUE_900 = (10, 42, 92)
BLUE_700 = (20, 68, 143)
BLUE_400 = (111, 147, 200)
BLUE_100 = (230, 238, 249)
ACCENT = (194, 65, 12)
WHITE = (255, 255, 255)


def report_paragraphs(spec: dict) -> list[str]:
    paragraphs = [spec["abstract"]]
    for section in spec["sections"]:
        paragraphs += [section["heading"].upper(), section["text"]]
    paragraphs.append("SUOSITUKSET")
    paragraphs += [f"{n}. {text}" for n, text in enumerate(spec["recommendations"], start=1)]
    return paragraphs


def build_pdfs() -> None:
    data = yaml.safe_load((ROOT / "data" / "reports.yaml").read_text(encoding="utf-8"))
    for spec in data["reports"]:
        path = ROOT / spec["file"]["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        title = spec["file"]["title"].removesuffix(" (PDF)")
        path.write_bytes(make_pdf(title, report_paragraphs(spec)))
        print(f"wrote {path.relative_to(ROOT)}")


def _motif(draw: ImageDraw.ImageDraw, motif: str, rng: random.Random) -> None:
    w, h = SIZE
    if motif == "bars":
        for i in range(7):
            top = h - 90 - i * 70 - rng.randint(0, 30)
            draw.rectangle([120 + i * 140, top, 210 + i * 140, h - 80], fill=BLUE_400)
        draw.rectangle([120 + 6 * 140, 90, 210 + 6 * 140, h - 80], fill=ACCENT)
    elif motif == "dots":
        for i in range(50):
            x, y = 150 + (i % 10) * 100, 130 + (i // 10) * 100
            colour = ACCENT if i == 23 else BLUE_400
            draw.ellipse([x - 22, y - 22, x + 22, y + 22], fill=colour)
    elif motif == "tiles":
        cells = [(3, 0), (3, 1), (2, 2), (1, 3), (3, 3), (2, 4), (0, 5), (1, 5), (2, 6), (1, 7)]
        for n, (c, r) in enumerate(cells):
            colour = ACCENT if n == 4 else BLUE_400
            draw.rectangle([380 + c * 100, 40 + r * 76, 470 + c * 100, 106 + r * 76], fill=colour)
    elif motif == "nodes":
        points = [(rng.randint(120, w - 120), rng.randint(100, h - 100)) for _ in range(14)]
        for a in points:
            for b in points:
                if a < b and math.dist(a, b) < 330:
                    draw.line([a, b], fill=BLUE_400, width=4)
        for n, (x, y) in enumerate(points):
            r = 30 if n == 0 else 18
            draw.ellipse([x - r, y - r, x + r, y + r], fill=ACCENT if n == 0 else WHITE)
    elif motif == "steps":
        for i in range(6):
            draw.rectangle([100 + i * 140, h - 100 - i * 80, 240 + i * 140, h - 60], fill=BLUE_400)
        draw.ellipse([w - 230, 60, w - 90, 200], fill=ACCENT)
    elif motif == "sunrise":
        draw.ellipse([w / 2 - 170, h / 2 - 60, w / 2 + 170, h / 2 + 280], fill=ACCENT)
        for i in range(4):
            y = h / 2 + 110 + i * 60
            draw.rectangle([0, y, w, h], fill=[BLUE_700, BLUE_400, BLUE_700, BLUE_900][i])
    elif motif == "rings":
        for i, r in enumerate(range(300, 40, -52)):
            draw.ellipse(
                [w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r],
                outline=BLUE_400 if i % 2 else BLUE_100,
                width=14,
            )
        draw.ellipse([w / 2 - 34, h / 2 - 34, w / 2 + 34, h / 2 + 34], fill=ACCENT)
    elif motif == "columns":
        draw.polygon([(200, 220), (w / 2, 80), (w - 200, 220)], fill=BLUE_400)
        for i in range(6):
            draw.rectangle([250 + i * 130, 250, 300 + i * 130, 560], fill=BLUE_100)
        draw.rectangle([200, 570, w - 200, 610], fill=ACCENT)
    elif motif in ("waves", "soundwave"):
        rows = 5 if motif == "waves" else 1
        for row in range(rows):
            amplitude = rng.randint(25, 60)
            points = [
                (x, 160 + row * 100 + amplitude * math.sin(x / (90 + row * 15) + row))
                for x in range(0, w + 10, 10)
            ]
            draw.line(points, fill=ACCENT if row == 2 else BLUE_400, width=10)
        if motif == "soundwave":
            for i in range(5):
                draw.rectangle(
                    [700, 330 + i * 50, 700 + rng.randint(200, 380), 350 + i * 50], fill=BLUE_100
                )
            draw.rectangle([100, 300, 600, 560], outline=BLUE_400, width=6)
    elif motif == "arcs":
        for i, r in enumerate((300, 230, 160)):
            draw.arc(
                [w / 2 - r, h - 80 - r, w / 2 + r, h - 80 + r],
                180,
                360,
                fill=BLUE_400,
                width=22 - i * 4,
            )
        draw.ellipse([w / 2 - 45, h - 170, w / 2 + 45, h - 80], fill=ACCENT)
    elif motif == "line":
        points = [(100 + i * 50, 400 + 120 * math.sin(i / 4) - (i / 3) ** 2) for i in range(21)]
        draw.line(points, fill=BLUE_100, width=12)
        x, y = points[-1]
        draw.ellipse([x - 24, y - 24, x + 24, y + 24], fill=ACCENT)
    elif motif in ("bubbles", "bubbles2"):
        draw.rounded_rectangle([140, 120, 620, 360], radius=40, fill=BLUE_400)
        draw.polygon([(220, 360), (300, 360), (220, 430)], fill=BLUE_400)
        second = ACCENT if motif == "bubbles2" else BLUE_100
        draw.rounded_rectangle([580, 330, 1060, 560], radius=40, fill=second)
        draw.polygon([(980, 560), (900, 560), (980, 630)], fill=second)
        if motif == "bubbles":
            draw.line([(620, 240), (820, 330)], fill=ACCENT, width=10)
    elif motif == "stack":
        for i in range(5):
            colour = ACCENT if i == 3 else (BLUE_400 if i % 2 else BLUE_100)
            draw.rounded_rectangle(
                [300 + i * 60, 90 + i * 80, 800 + i * 60, 290 + i * 80], radius=24, fill=colour
            )
    elif motif == "lines":
        draw.rectangle([330, 60, 870, 620], fill=WHITE)
        for i in range(10):
            draw.rectangle(
                [380, 110 + i * 48, 380 + rng.randint(250, 440), 126 + i * 48], fill=BLUE_400
            )
        draw.line([(620, 560), (830, 480)], fill=ACCENT, width=14)
    elif motif == "capsules":
        for i in range(12):
            x, y = 180 + (i % 4) * 230, 150 + (i // 4) * 160
            colour = ACCENT if i == 6 else BLUE_400
            draw.rounded_rectangle([x, y, x + 170, y + 70], radius=35, fill=colour)
            draw.rounded_rectangle([x, y, x + 85, y + 70], radius=35, fill=BLUE_100)
    elif motif == "gauge":
        draw.arc([w / 2 - 300, 120, w / 2 + 300, 720], 180, 360, fill=BLUE_400, width=50)
        draw.arc([w / 2 - 300, 120, w / 2 + 300, 720], 180, 290, fill=BLUE_100, width=50)
        angle = math.radians(290)
        end = (w / 2 + 250 * math.cos(angle), 420 + 250 * math.sin(angle))
        draw.line([(w / 2, 420), end], fill=ACCENT, width=16)
        draw.ellipse([w / 2 - 30, 390, w / 2 + 30, 450], fill=ACCENT)
    elif motif == "scan":
        for i in range(4):
            x = 130 + i * 250
            draw.ellipse([x, 170, x + 200, 500], fill=BLUE_700, outline=BLUE_400, width=6)
        draw.ellipse([690, 300, 740, 350], fill=ACCENT)


def build_images() -> None:
    data = yaml.safe_load((ROOT / "data" / "images.yaml").read_text(encoding="utf-8"))
    folder = ROOT / "files" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    for spec in data["images"]:
        image = Image.new("RGB", SIZE, BLUE_900)
        _motif(ImageDraw.Draw(image), spec["motif"], random.Random(spec["seed"]))
        path = folder / f"{spec['key']}.png"
        image.quantize(colors=16).save(path, optimize=True)
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    build_pdfs()
    build_images()
