#!/usr/bin/env python3
"""The demonstration damage model: a small CNN classifying 64x64 overhead tiles into background, the four xBD building
damage grades and blocked road, trained on tiles draw.py makes (no real imagery), exported to ONNX with its softmax.
Writes the model, its manifest and the held-out figures. CPU, a few minutes:
  /usr/bin/python3 models/train/damage/train_damage.py --out models --minutes 4
"""
import argparse, hashlib, json, os, time
import numpy as np
import torch
import torch.nn as nn
from draw import CLASSES, TILE, tile


def dataset(seed, per_class):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for c, name in enumerate(CLASSES):
        for _ in range(per_class):
            xs.append(tile(rng, name))
            ys.append(c)
    return np.stack(xs), np.array(ys)


class Net(nn.Module):
    def __init__(self, n):
        super().__init__()
        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        self.features = nn.Sequential(block(3, 16), block(16, 32), block(32, 64), block(64, 64))
        self.head = nn.Linear(64, n)

    def forward(self, x):
        return self.head(self.features(x).mean((2, 3)))


class Exported(nn.Module):
    """What ships: RGB 0-255 NCHW in, class probabilities out (scaling and softmax inside the graph)."""
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.softmax(self.net(x / 255.0), dim=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="models")
    ap.add_argument("--minutes", type=float, default=4.0)
    ap.add_argument("--per-class", type=int, default=1500)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    started = time.time()
    x, y = dataset(1, a.per_class)
    xv, yv = dataset(2, 200)  # held out: other seeds, never trained on
    print(f"data: {len(x)} train, {len(xv)} held-out tiles in {time.time() - started:.0f} s", flush=True)
    net = Net(len(CLASSES))
    opt = torch.optim.AdamW(net.parameters(), 2e-3, weight_decay=1e-4)
    xt = torch.tensor(x).permute(0, 3, 1, 2).float() / 255.0
    yt = torch.tensor(y)
    rng = np.random.default_rng(3)
    epoch = 0
    deadline = time.time() + a.minutes * 60
    budget = a.minutes * 60
    while time.time() < deadline:
        # Cosine decay over the time budget: the last epochs settle instead of jumping between minima.
        for g in opt.param_groups:
            g["lr"] = 2e-3 * 0.5 * (1 + np.cos(np.pi * min(1.0, (time.time() - started) / budget)))
        net.train()
        order = rng.permutation(len(xt))
        total = 0.0
        for i in range(0, len(order), 64):
            idx = order[i : i + 64]
            xb = xt[idx]
            if rng.random() < 0.5:
                xb = xb.flip(3)
            xb = torch.rot90(xb, int(rng.integers(4)), (2, 3))  # overhead: every heading is the same scene
            loss = nn.functional.cross_entropy(net(xb), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        epoch += 1
        acc, _ = evaluate(net, xv, yv)
        print(f"epoch {epoch}: loss {total / len(xt):.3f}, held-out accuracy {acc:.3f}, {time.time() - started:.0f} s", flush=True)
    acc, confusion = evaluate(net, xv, yv)
    os.makedirs(a.out, exist_ok=True)
    onnx_path = os.path.join(a.out, "edgecity-damage-demo.onnx")
    model = Exported(net).eval()
    torch.onnx.export(model, torch.zeros(1, 3, TILE, TILE), onnx_path, input_names=["tiles"], output_names=["probabilities"],
                      opset_version=13, dynamic_axes={"tiles": {0: "batch"}, "probabilities": {0: "batch"}})
    sha = hashlib.sha256(open(onnx_path, "rb").read()).hexdigest()
    manifest = {
        "file": "edgecity-damage-demo.onnx",
        "layout": "tileClassification",
        "input": {"name": "tiles", "width": TILE, "height": TILE, "color": "rgb"},
        "output": "probabilities",
        "classes": CLASSES,
        "findings": {"minor-damage": "damaged-building/minor-damage", "major-damage": "damaged-building/major-damage",
                     "destroyed": "damaged-building/destroyed", "blocked-road": "blocked-road"},
        "tilePixels": TILE,
        "minConfidence": 0.6,
        "demonstration": True,
        "licence": "Apache-2.0",
        "sha256": sha,
        "training": {"data": "procedurally drawn overhead tiles (models/train/damage/draw.py), no real imagery",
                     "trainTiles": int(len(x)), "heldOutTiles": int(len(xv)), "epochs": epoch, "minutes": round((time.time() - started) / 60, 1),
                     "machine": f"{os.cpu_count()}-core CPU, torch {torch.__version__}, {a.threads} threads",
                     "heldOutAccuracy": round(acc, 4), "confusion": confusion.tolist()},
    }
    with open(os.path.join(a.out, "edgecity-damage-demo.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(f"held-out accuracy {acc:.3f}; confusion (rows truth, columns predicted, {CLASSES}):\n{confusion}")


def evaluate(net, xv, yv):
    net.eval()
    with torch.no_grad():
        p = net(torch.tensor(xv).permute(0, 3, 1, 2).float() / 255.0).argmax(1).numpy()
    confusion = np.zeros((len(CLASSES), len(CLASSES)), int)
    for t, q in zip(yv, p):
        confusion[t, q] += 1
    return float((p == yv).mean()), confusion


if __name__ == "__main__":
    main()
