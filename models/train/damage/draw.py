"""Procedurally drawn overhead tiles for the demonstration damage model: ground, roads, buildings at four xBD damage
grades, and roads blocked by debris. No real imagery: the point is a model of the right layout that the node runs end to
end; a site replaces it with one trained on its own (or xBD) imagery."""
import numpy as np

CLASSES = ["background", "no-damage", "minor-damage", "major-damage", "destroyed", "blocked-road"]
TILE = 64

GROUND = [(70, 110, 50), (95, 120, 60), (120, 100, 70), (140, 125, 95), (110, 110, 105)]
ROOFS = [(150, 60, 45), (120, 120, 125), (70, 70, 75), (160, 140, 110), (90, 60, 50), (185, 185, 180)]


def _noise(rng, shape, scale, amp):
    small = rng.normal(0, 1, (max(1, shape[0] // scale) + 1, max(1, shape[1] // scale) + 1, 1))
    big = np.kron(small, np.ones((scale, scale, 1)))[: shape[0], : shape[1]]
    return big * amp


def ground(rng, n=TILE):
    base = np.array(GROUND[rng.integers(len(GROUND))], float) + rng.normal(0, 8, 3)
    img = np.ones((n, n, 3)) * base
    img += _noise(rng, (n, n), 8, 10) + _noise(rng, (n, n), 2, 6) + rng.normal(0, 4, (n, n, 3))
    return img


def road(rng, img, vertical=None, width=None):
    n = img.shape[0]
    vertical = rng.random() < 0.5 if vertical is None else vertical
    width = width or int(rng.integers(14, 24))
    at = int(rng.integers(4, n - width - 4))
    grey = 85 + rng.normal(0, 10)
    sl = (slice(None), slice(at, at + width)) if vertical else (slice(at, at + width), slice(None))
    img[sl] = grey + rng.normal(0, 4, img[sl].shape)
    mid = at + width // 2
    for k in range(0, n, 10):
        if vertical:
            img[k : k + 5, mid : mid + 1] = 210
        else:
            img[mid : mid + 1, k : k + 5] = 210
    return vertical, at, width


def _rect_mask(rng, n, w, h):
    cy, cx = rng.uniform(n * 0.4, n * 0.6, 2)
    a = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:n, 0:n]
    u = (xx - cx) * np.cos(a) + (yy - cy) * np.sin(a)
    v = -(xx - cx) * np.sin(a) + (yy - cy) * np.cos(a)
    return (np.abs(u) < w / 2) & (np.abs(v) < h / 2), (u, v)


DEBRIS = [(150, 145, 140), (125, 95, 80), (170, 160, 145), (95, 90, 85), (140, 110, 85)]


def rubble(rng, shape):
    """Broken concrete, brick and dust: earth tones in small blocks of uneven light."""
    pick = rng.integers(len(DEBRIS), size=(shape[0] // 2 + 1, shape[1] // 2 + 1))
    cols = np.array(DEBRIS, float)[pick] + rng.normal(0, 12, (pick.shape[0], pick.shape[1], 3))
    img = np.kron(cols, np.ones((2, 2, 1)))[: shape[0], : shape[1]]
    img *= rng.uniform(0.6, 1.1, (shape[0], shape[1], 1))
    dark = rng.random((shape[0], shape[1])) < 0.15
    img[dark] *= 0.4
    return img


def building(rng, img, grade):
    n = img.shape[0]
    w, h = rng.uniform(26, 46), rng.uniform(22, 40)
    mask, (u, v) = _rect_mask(rng, n, w, h)
    shift = int(rng.integers(2, 5))
    shadow = np.roll(np.roll(mask, shift, 0), shift, 1) & ~mask
    img[shadow] *= 0.55
    roof = np.array(ROOFS[rng.integers(len(ROOFS))], float) + rng.normal(0, 8, 3)
    shade = np.where(u > 0, 1.0, 0.85)[..., None]  # a pitched roof: two faces in two lights
    img[mask] = (roof * shade[mask]) + rng.normal(0, 5, (mask.sum(), 3))
    if grade == "no-damage":
        return
    rb = rubble(rng, img.shape)
    if grade == "minor-damage":
        for _ in range(int(rng.integers(1, 4))):
            cy, cx = np.argwhere(mask)[rng.integers(mask.sum())]
            r = rng.uniform(2, 4)
            yy, xx = np.mgrid[0:n, 0:n]
            hole = ((yy - cy) ** 2 + (xx - cx) ** 2 < r * r) & mask
            img[hole] = rb[hole] * 0.6
    elif grade == "major-damage":
        cut = rng.uniform(-0.2, 0.3) * w
        side = (u * np.cos(rng.uniform(0, np.pi)) + v * np.sin(rng.uniform(0, np.pi))) > cut
        broken = mask & (side | (rng.random(mask.shape) < 0.08))
        img[broken] = rb[broken]
        spill = np.roll(broken, int(rng.integers(-4, 5)), int(rng.integers(0, 2))) & ~mask
        img[spill] = rb[spill]
    else:  # destroyed: a rubble pile where the building stood, no clean edge
        yy, xx = np.mgrid[0:n, 0:n]
        blob = mask | ((_noise(rng, (n, n), 6, 1.0)[..., 0] > 0.3) & (np.abs(u) < w / 2 + 6) & (np.abs(v) < h / 2 + 6))
        img[blob] = rb[blob]


def blocked(rng, img):
    vertical, at, width = road(rng, img)
    n = img.shape[0]
    rb = rubble(rng, img.shape)
    for _ in range(int(rng.integers(2, 5))):
        c = rng.uniform(at, at + width)
        along = rng.uniform(8, n - 8)
        cy, cx = (along, c) if vertical else (c, along)
        yy, xx = np.mgrid[0:n, 0:n]
        r = rng.uniform(4, 8)
        blob = ((yy - cy) ** 2 / (r * rng.uniform(0.6, 1.6)) ** 2 + (xx - cx) ** 2 / r**2) < 1
        img[blob] = rb[blob]
    if rng.random() < 0.5:  # a fallen tree trunk across the road
        t = rng.uniform(at - 2, at + width + 2)
        trunk = np.zeros((n, n), bool)
        if vertical:
            trunk[int(rng.uniform(10, n - 14)) : , :][:4, max(0, at - 6) : at + width + 6] = True
        else:
            trunk[max(0, at - 6) : at + width + 6, int(rng.uniform(10, n - 14)) :][:, :4] = True
        img[trunk] = (70, 50, 35)


def tile(rng, cls):
    img = ground(rng)
    if cls == "background":
        if rng.random() < 0.6:
            road(rng, img)
    elif cls == "blocked-road":
        blocked(rng, img)
    else:
        if rng.random() < 0.3:
            road(rng, img)
        building(rng, img, cls)
    img = img * rng.uniform(0.8, 1.15) + rng.normal(0, 3, img.shape)  # light and sensor noise
    return np.clip(img, 0, 255).astype(np.uint8)
