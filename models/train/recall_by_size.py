#!/usr/bin/python3
"""Car recall by box height and by occlusion on a YOLO-txt folder, for a model.pt of train.py.

Occlusion of a labelled box: the share of it covered by labelled boxes whose bottom edge is lower in the picture
(nearer the camera, as the twin paints them). Score >= 0.25, IoU >= 0.5, heights in network-input pixels.

  /usr/bin/python3 models/train/recall_by_size.py --weights out/model.pt --data work/j3dense [--cls 0]
"""
import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402


def iou(a, b):
    x1, y1, x2, y2 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    i = max(0, x2 - x1) * max(0, y2 - y1)
    u = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - i
    return i / u if u > 0 else 0


def occlusion(g, gt):
    gx1, gy1, gx2, gy2 = g[1:]
    mask = np.zeros((int(gy2 - gy1) + 1, int(gx2 - gx1) + 1), bool)
    for o in gt:
        if o[4] > gy2 + 0.5:
            ox1, oy1 = int(max(o[1], gx1) - gx1), int(max(o[2], gy1) - gy1)
            ox2, oy2 = int(min(o[3], gx2) - gx1), int(min(o[4], gy2) - gy1)
            if ox2 > ox1 and oy2 > oy1:
                mask[oy1:oy2, ox1:ox2] = True
    return mask.mean()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True)
    ap.add_argument("--data", nargs="+", required=True)
    ap.add_argument("--cls", type=int, default=0, help="class id (0: car)")
    ap.add_argument("--size", default="512x288")
    a = ap.parse_args()
    torch.set_num_threads(os.cpu_count())
    w, h = (int(v) for v in a.size.split("x"))
    images, boxes = T.load_folder(a.data, w, h)
    model = T.Detector()
    model.set_size(w, h, torch.device("cpu"))
    model.load_state_dict(torch.load(a.weights, map_location="cpu")["model"])
    dets = T.predict(model, images, torch.device("cpu"))
    stats = {}
    for i, d in enumerate(dets):
        gt = boxes[i][boxes[i][:, 0] >= 0].numpy()
        d = d.numpy()
        d = d[d[:, 4] >= 0.25]
        for g in gt[gt[:, 0] == a.cls]:
            occ = occlusion(g, gt)
            hit = any(int(x[5]) == a.cls and iou(x[:4], g[1:]) >= 0.5 for x in d)
            height = g[4] - g[2]
            size = "h<12" if height < 12 else "12<=h<24" if height < 24 else "24<=h<48" if height < 48 else "h>=48"
            seen = "visible>=0.5" if occ < 0.5 else "visible<0.5"
            for key in [("all", "all"), (seen, "all"), ("all", size), (seen, size)]:
                s = stats.setdefault(key, [0, 0])
                s[0] += hit
                s[1] += 1
    print(f"{'occlusion':<14}{'height':<10}{'found':>7}{'boxes':>7}{'recall':>8}")
    for k in sorted(stats):
        f, n = stats[k]
        print(f"{k[0]:<14}{k[1]:<10}{f:>7}{n:>7}{f / n:>8.3f}")


if __name__ == "__main__":
    main()
