#!/usr/bin/env python3
"""A drawn overhead scene for the damage model's end-to-end spec: 8x6 tiles of 64 px (drawn by draw.py with a seed no
training run uses), saved as a JPEG with a nadir drone's EXIF/XMP (40 m up, heading north), and its truth: the class of
every tile, row by row. Writes models/testdata/damage/scene-0001.jpg and scene-0001.truth.json."""
import importlib.util, io, json, os
import numpy as np
from PIL import Image
from draw import CLASSES, TILE, tile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
spec = importlib.util.spec_from_file_location("sample", os.path.join(ROOT, "models", "testdata", "assessment", "make-sample.py"))
sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample)

LAYOUT = [
    "background no-damage no-damage background blocked-road background minor-damage no-damage",
    "no-damage major-damage background background blocked-road background background no-damage",
    "background destroyed destroyed background background no-damage major-damage background",
    "minor-damage background background no-damage background background background destroyed",
    "background no-damage background background blocked-road blocked-road background no-damage",
    "no-damage background major-damage background background minor-damage background background",
]


def main():
    rng = np.random.default_rng(7)
    grid = [row.split() for row in LAYOUT]
    image = np.concatenate([np.concatenate([tile(rng, c) for c in row], 1) for row in grid], 0)
    out = os.path.join(ROOT, "models", "testdata", "damage")
    os.makedirs(out, exist_ok=True)
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, "JPEG", quality=95)
    jpeg = buf.getvalue()
    h, w = image.shape[:2]
    segments = sample.exif(46.9475, 7.4480, "2026:12:05 09:15:00", w, h) + sample.xmp(40.0, 0.0, -90.0)
    rest = jpeg[2:]
    if rest[:2] == b"\xff\xe0":
        rest = rest[2 + int.from_bytes(rest[2:4], "big"):]
    with open(os.path.join(out, "scene-0001.jpg"), "wb") as f:
        f.write(b"\xff\xd8" + segments + rest)
    with open(os.path.join(out, "scene-0001.truth.json"), "w") as f:
        json.dump({"tilePixels": TILE, "classes": CLASSES, "tiles": grid}, f, indent=1)
    print(f"scene-0001.jpg {w}x{h}")


if __name__ == "__main__":
    main()
