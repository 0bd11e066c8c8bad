#!/usr/bin/python3
"""EdgeCity's vehicle detector recipe: a compact anchor-free detector trained on YOLO-txt folders, exported to ONNX.

Runs on Debian's python3-torch (1.13, CPU) and on newer PyTorch with CUDA alike (`--device cuda`).
Data: one or more folders holding images/ and labels/ (YOLO txt: `class cx cy w h`, normalised), e.g. the camera
twin's frames from twin_dataset.py or an operator's own labelled footage. Output: OUT/edgecity-vehicles.onnx with the
YOLOv8 detect layout [1, 4+C, N] (cx, cy, w, h in input pixels; class scores 0..1), OUT/model.pt, OUT/metrics.json.

  /usr/bin/python3 models/train/train.py --data data/train --val data/heldout --minutes 5 --device cuda --out out/
  /usr/bin/python3 models/train/train.py --smoke --out /tmp/smoke      # a few steps on a generated dataset (CI)
"""
import argparse
import glob
import inspect
import json
import math
import os
import random
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:  # the verb `edgecity models train` installs these; say which when run by hand
    sys.exit(f"train.py needs Debian's python3-torch, python3-torchvision, python3-onnx, python3-numpy, python3-pil "
             f"(apt-get install python3-torch python3-torchvision python3-onnx python3-pil): {e}")

CLASSES = ["car", "bus", "truck", "motorcycle", "bicycle", "person"]
STRIDES = (8, 16, 32)
RANGES = ((0, 40), (40, 88), (88, 1e6))  # max(l, t, r, b) each level answers for, in input pixels
PAD = 114


# ---------------------------------------------------------------- model
def cbs(cin, cout, k=3, s=1):
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, k // 2, bias=False), nn.BatchNorm2d(cout), nn.SiLU())


class Res(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.a, self.b = cbs(c, c), cbs(c, c)

    def forward(self, x):
        return x + self.b(self.a(x))


class Detector(nn.Module):
    """Backbone at strides 8/16/32, a top-down neck, and one 3x3 + 1x1 head per level (ltrb distances + class logits)."""

    def __init__(self, nc=len(CLASSES), w=(12, 24, 48, 96, 128), neck=48):
        super().__init__()
        self.nc = nc
        self.stem = nn.Sequential(cbs(3, w[0], 3, 2), cbs(w[0], w[1], 3, 2))
        self.s8 = nn.Sequential(cbs(w[1], w[2], 3, 2), Res(w[2]))
        self.s16 = nn.Sequential(cbs(w[2], w[3], 3, 2), Res(w[3]))
        self.s32 = nn.Sequential(cbs(w[3], w[4], 3, 2), Res(w[4]))
        self.lat = nn.ModuleList([cbs(c, neck, 1) for c in (w[2], w[3], w[4])])
        self.heads = nn.ModuleList([nn.Sequential(cbs(neck, neck), nn.Conv2d(neck, 4 + nc, 1)) for _ in STRIDES])
        for h in self.heads:
            nn.init.constant_(h[1].bias[4:], -4.6)  # start near p = 0.01 so the many background cells do not swamp
        self.export = False
        self.size = None

    def forward(self, x):
        c8 = self.s8(self.stem(x))
        c16 = self.s16(c8)
        c32 = self.s32(c16)
        p32 = self.lat[2](c32)
        p16 = self.lat[1](c16) + F.interpolate(p32, scale_factor=2.0, mode="nearest")
        p8 = self.lat[0](c8) + F.interpolate(p16, scale_factor=2.0, mode="nearest")
        outs = [h(p).flatten(2) for h, p in zip(self.heads, (p8, p16, p32))]
        raw = torch.cat(outs, 2)  # [B, 4+C, N]
        if not self.export:
            return raw
        return decode_export(raw, self.points, self.point_strides)

    def set_size(self, w, h, device="cpu"):
        pts, ss = make_points(w, h, device)
        self.points, self.point_strides = pts, ss


def make_points(w, h, device):
    pts, ss = [], []
    for s in STRIDES:
        gy, gx = torch.meshgrid(torch.arange(h // s, device=device), torch.arange(w // s, device=device), indexing="ij")
        p = torch.stack([(gx.reshape(-1) + 0.5) * s, (gy.reshape(-1) + 0.5) * s], 1).float()
        pts.append(p)
        ss.append(torch.full((p.shape[0],), float(s), device=device))
    return torch.cat(pts), torch.cat(ss)


def ltrb(raw_box, strides):
    return F.softplus(raw_box) * strides  # [B, 4, N] distances in pixels


def decode_export(raw, points, strides):
    d = ltrb(raw[:, :4], strides)
    x1 = points[:, 0] - d[:, 0]
    y1 = points[:, 1] - d[:, 1]
    x2 = points[:, 0] + d[:, 2]
    y2 = points[:, 1] + d[:, 3]
    box = torch.stack([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], 1)
    return torch.cat([box, torch.sigmoid(raw[:, 4:])], 1)


# ---------------------------------------------------------------- data
def letterbox(img, w, h):
    """HxWx3 uint8 -> (h x w x 3 uint8, scale, padx, pady), centred like Ultralytics."""
    from PIL import Image
    ih, iw = img.shape[:2]
    r = min(w / iw, h / ih)
    nw, nh = int(round(iw * r)), int(round(ih * r))
    out = np.full((h, w, 3), PAD, np.uint8)
    px, py = (w - nw) // 2, (h - nh) // 2
    if (nw, nh) != (iw, ih):
        img = np.asarray(Image.fromarray(img).resize((nw, nh), Image.BILINEAR))
    out[py:py + nh, px:px + nw] = img
    return out, r, px, py


def find_pairs(folder):
    imgs = []
    for ext in ("jpg", "jpeg", "png", "bmp"):
        imgs += glob.glob(os.path.join(folder, "**", f"*.{ext}"), recursive=True)
    pairs = []
    for p in sorted(imgs):
        stem = os.path.splitext(p)[0]
        cand = [stem + ".txt"]
        if f"{os.sep}images{os.sep}" in p:
            cand.insert(0, stem.replace(f"{os.sep}images{os.sep}", f"{os.sep}labels{os.sep}") + ".txt")
        lbl = next((c for c in cand if os.path.exists(c)), None)
        pairs.append((p, lbl))
    return pairs


def load_folder(folders, w, h, class_map=None, limit=0):
    """All images letterboxed to w x h (uint8 [N,3,h,w]) and boxes as [N, M, 5] (class, x1, y1, x2, y2 in input px; class -1 = none)."""
    from PIL import Image
    images, boxes = [], []
    for folder in folders:
        pairs = find_pairs(folder)
        if not pairs:
            raise SystemExit(f"{folder}: no images found (expected images/*.jpg with labels/*.txt beside)")
        for p, lbl in pairs[:limit or None]:
            img = np.asarray(Image.open(p).convert("RGB"))
            ih, iw = img.shape[:2]
            lb, r, px, py = letterbox(img, w, h)
            rows = []
            if lbl:
                for n, line in enumerate(open(lbl)):
                    parts = line.split()
                    if not parts:
                        continue
                    if len(parts) < 5:
                        raise SystemExit(f"{lbl}:{n + 1}: expected 'class cx cy w h', got '{line.strip()}'")
                    c = int(float(parts[0]))
                    c = class_map.get(c, -1) if class_map else c
                    if c < 0 or c >= len(CLASSES):
                        continue
                    cx, cy, bw, bh = (float(v) for v in parts[1:5])
                    rows.append([c, (cx - bw / 2) * iw * r + px, (cy - bh / 2) * ih * r + py,
                                 (cx + bw / 2) * iw * r + px, (cy + bh / 2) * ih * r + py])
            images.append(torch.from_numpy(lb).permute(2, 0, 1).contiguous())
            boxes.append(torch.tensor(rows, dtype=torch.float32).reshape(-1, 5))
    m = max(1, max(b.shape[0] for b in boxes))
    packed = torch.full((len(boxes), m, 5), -1.0)
    for i, b in enumerate(boxes):
        packed[i, :b.shape[0]] = b
    return torch.stack(images), packed


def augment(img_u8, boxes, gen_scale=(0.7, 1.4)):
    """Batched on the device: random zoom/shift/flip (affine grid), exposure, contrast, colour cast, noise, blur."""
    b, _, h, w = img_u8.shape
    dev = img_u8.device
    x = img_u8.float() / 255.0
    s = torch.empty(b, device=dev).uniform_(*gen_scale)          # >1 zooms in
    a = 1.0 / s
    tx = (torch.rand(b, device=dev) * 2 - 1) * (1 - a).abs() + (torch.rand(b, device=dev) * 2 - 1) * 0.1
    ty = (torch.rand(b, device=dev) * 2 - 1) * (1 - a).abs() + (torch.rand(b, device=dev) * 2 - 1) * 0.1
    flip = torch.where(torch.rand(b, device=dev) < 0.5, -1.0, 1.0)
    theta = torch.zeros(b, 2, 3, device=dev)
    theta[:, 0, 0] = a * flip
    theta[:, 0, 2] = tx
    theta[:, 1, 1] = a
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    pad = PAD / 255.0
    x = F.grid_sample(x - pad, grid, mode="bilinear", padding_mode="zeros", align_corners=False) + pad
    # boxes: input normalised u_in = a*flip*u_out + tx  ->  u_out = (u_in - tx) / (a*flip)
    bx = boxes.clone()
    valid = bx[..., 0] >= 0
    ux1 = bx[..., 1] / w * 2 - 1
    ux2 = bx[..., 3] / w * 2 - 1
    uy1 = bx[..., 2] / h * 2 - 1
    uy2 = bx[..., 4] / h * 2 - 1
    fa = (a * flip)[:, None]
    ox1, ox2 = (ux1 - tx[:, None]) / fa, (ux2 - tx[:, None]) / fa
    oy1, oy2 = (uy1 - ty[:, None]) / a[:, None], (uy2 - ty[:, None]) / a[:, None]
    nx1, nx2 = torch.minimum(ox1, ox2), torch.maximum(ox1, ox2)
    nx1, nx2 = (nx1 + 1) / 2 * w, (nx2 + 1) / 2 * w
    ny1, ny2 = (oy1 + 1) / 2 * h, (oy2 + 1) / 2 * h
    area0 = (nx2 - nx1) * (ny2 - ny1)
    cx1, cx2 = nx1.clamp(0, w), nx2.clamp(0, w)
    cy1, cy2 = ny1.clamp(0, h), ny2.clamp(0, h)
    keep = valid & ((cx2 - cx1) * (cy2 - cy1) > 0.35 * area0) & (cx2 - cx1 > 2) & (cy2 - cy1 > 2)
    out = torch.stack([torch.where(keep, bx[..., 0], torch.full_like(bx[..., 0], -1.0)), cx1, cy1, cx2, cy2], -1)
    # photometric
    gain = torch.empty(b, 1, 1, 1, device=dev).uniform_(0.45, 1.5)
    contrast = torch.empty(b, 1, 1, 1, device=dev).uniform_(0.6, 1.3)
    cast = torch.empty(b, 3, 1, 1, device=dev).uniform_(0.9, 1.1)
    mean = x.mean((1, 2, 3), keepdim=True)
    x = ((x - mean) * contrast + mean) * gain * cast
    gamma = torch.empty(b, 1, 1, 1, device=dev).uniform_(0.7, 1.4)
    x = x.clamp(1e-4, 1) ** gamma
    blur = torch.rand(b, device=dev) < 0.3
    if blur.any():
        k = torch.tensor([1.0, 2.0, 1.0], device=dev)
        k = (k[:, None] * k[None, :]) / 16
        xb = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), k.expand(3, 1, 3, 3).contiguous(), groups=3)
        x = torch.where(blur[:, None, None, None], xb, x)
    sigma = torch.empty(b, 1, 1, 1, device=dev).uniform_(0, 0.05)
    x = (x + torch.randn_like(x) * sigma).clamp(0, 1)
    return x, out


# ---------------------------------------------------------------- assignment and loss
def box_iou_pairs(a, b):
    lt = torch.maximum(a[..., :2], b[..., :2])
    rb = torch.minimum(a[..., 2:], b[..., 2:])
    inter = (rb - lt).clamp(min=0).prod(-1)
    ua = (a[..., 2:] - a[..., :2]).clamp(min=0).prod(-1) + (b[..., 2:] - b[..., :2]).clamp(min=0).prod(-1) - inter
    return inter / ua.clamp(min=1e-6)


def giou_loss(a, b):
    iou = box_iou_pairs(a, b)
    lt = torch.minimum(a[..., :2], b[..., :2])
    rb = torch.maximum(a[..., 2:], b[..., 2:])
    encl = (rb - lt).clamp(min=0).prod(-1)
    inter_union = iou
    lt2 = torch.maximum(a[..., :2], b[..., :2])
    rb2 = torch.minimum(a[..., 2:], b[..., 2:])
    inter = (rb2 - lt2).clamp(min=0).prod(-1)
    union = inter / inter_union.clamp(min=1e-6)
    giou = iou - (encl - union) / encl.clamp(min=1e-6)
    return 1 - giou, iou


def assign(points, pstrides, boxes):
    """FCOS-style: a point is positive for a box when inside it (or in the box's centre cell), within 2.5 strides of its
    centre, and the box's size suits the point's level; ties go to the smaller box. Returns [B,N] index (-1 = background)."""
    b, m, _ = boxes.shape
    valid = boxes[..., 0] >= 0                                   # [B,M]
    x1, y1, x2, y2 = (boxes[..., i][:, None, :] for i in range(1, 5))  # [B,1,M]
    px = points[None, :, 0, None]
    py = points[None, :, 1, None]
    s = pstrides[None, :, None]
    l, t, r, bb = px - x1, py - y1, x2 - px, y2 - py
    inside = torch.minimum(torch.minimum(l, t), torch.minimum(r, bb)) > 0
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    centre_cell = ((px - cx).abs() <= s / 2) & ((py - cy).abs() <= s / 2)
    near = ((px - cx).abs() < 2.5 * s) & ((py - cy).abs() < 2.5 * s)
    size = torch.maximum(x2 - x1, y2 - y1) / 2
    lo = torch.zeros_like(pstrides)
    hi = torch.zeros_like(pstrides)
    for st, (a_, b_) in zip(STRIDES, RANGES):
        lo = torch.where(pstrides == st, torch.full_like(lo, a_), lo)
        hi = torch.where(pstrides == st, torch.full_like(hi, b_), hi)
    fits = (size >= lo[None, :, None]) & (size < hi[None, :, None])
    ok = (inside | centre_cell) & near & fits & valid[:, None, :]
    area = ((x2 - x1) * (y2 - y1)).expand_as(ok)
    area = torch.where(ok, area, torch.full_like(area, 1e12))
    best_area, idx = area.min(2)
    return torch.where(best_area < 1e12, idx, torch.full_like(idx, -1))


def loss_fn(raw, points, pstrides, boxes, nc):
    idx = assign(points, pstrides, boxes)                          # [B,N]
    pos = idx >= 0
    d = ltrb(raw[:, :4].float(), pstrides)                         # [B,4,N]
    pred = torch.stack([points[:, 0] - d[:, 0], points[:, 1] - d[:, 1], points[:, 0] + d[:, 2], points[:, 1] + d[:, 3]], -1)
    gather = idx.clamp(min=0)
    gt = torch.gather(boxes, 1, gather[..., None].expand(-1, -1, 5))  # [B,N,5]
    logits = raw[:, 4:].float().transpose(1, 2)                    # [B,N,C]
    target = torch.zeros_like(logits)
    npos = pos.sum().clamp(min=1).float()
    if pos.any():
        lb, iou = giou_loss(pred[pos], gt[pos][:, 1:])
        box_loss = lb.sum() / npos
        cls = gt[pos][:, 0].long()
        t = target[pos]
        t[torch.arange(cls.shape[0], device=cls.device), cls] = iou.detach().clamp(min=0.1)
        target[pos] = t
    else:
        box_loss = raw.sum() * 0
    p = torch.sigmoid(logits)
    qfl = F.binary_cross_entropy_with_logits(logits, target, reduction="none") * (p - target).abs().pow(2)
    cls_loss = qfl.sum() / npos
    return cls_loss + 2.0 * box_loss, cls_loss.detach(), box_loss.detach()


# ---------------------------------------------------------------- evaluation
@torch.no_grad()
def predict(model, images, device, batch=32, conf=0.001, iou=0.6, max_det=300):
    import torchvision
    model.eval()
    model.export = True
    out = []
    for i in range(0, images.shape[0], batch):
        x = images[i:i + batch].to(device).float() / 255.0
        y = model(x)                                               # [B,4+C,N]
        for yi in y:
            box = yi[:4].T
            scores = yi[4:].T
            xyxy = torch.cat([box[:, :2] - box[:, 2:] / 2, box[:, :2] + box[:, 2:] / 2], 1)
            k, c = (scores > conf).nonzero(as_tuple=True)
            sb, sc, cls = xyxy[k], scores[k, c], c
            keep = torchvision.ops.batched_nms(sb, sc, cls, iou)[:max_det]
            out.append(torch.cat([sb[keep], sc[keep, None], cls[keep, None].float()], 1).cpu())
    model.export = False
    return out


def average_precision(tp, conf, n_gt):
    if n_gt == 0:
        return float("nan"), float("nan"), float("nan")
    order = np.argsort(-conf)
    tp = np.asarray(tp, float)[order]
    ctp = np.cumsum(tp)
    cfp = np.cumsum(1 - tp)
    rec = ctp / n_gt
    prec = ctp / np.maximum(ctp + cfp, 1e-9)
    mrec = np.concatenate([[0.0], rec, [1.0]])
    mpre = np.concatenate([[1.0], prec, [0.0]])
    mpre = np.flip(np.maximum.accumulate(np.flip(mpre)))
    i = np.where(mrec[1:] != mrec[:-1])[0]
    return float(np.sum((mrec[i + 1] - mrec[i]) * mpre[i + 1])), rec, prec


def evaluate(dets, boxes, nc, iou_thr=0.5, score_thr=0.25):
    """Per class: P and R at score_thr, AP@0.5 (all-point interpolation, VOC/COCO style greedy matching by score)."""
    res = {}
    for c in range(nc):
        tps, confs, n_gt = [], [], 0
        for d, g in zip(dets, boxes):
            g = g[g[:, 0] == c][:, 1:]
            n_gt += g.shape[0]
            d = d[d[:, 5] == c]
            d = d[torch.argsort(-d[:, 4])]
            used = torch.zeros(g.shape[0], dtype=torch.bool)
            for row in d:
                confs.append(float(row[4]))
                if g.shape[0] == 0:
                    tps.append(0)
                    continue
                ious = box_iou_pairs(row[None, :4], g)
                ious[used] = -1
                j = int(torch.argmax(ious))
                if ious[j] >= iou_thr:
                    used[j] = True
                    tps.append(1)
                else:
                    tps.append(0)
        confs_np = np.array(confs)
        tps_np = np.array(tps)
        ap, _, _ = average_precision(tps_np, confs_np, n_gt) if n_gt else (float("nan"), 0, 0)
        sel = confs_np >= score_thr
        tp_at = int(tps_np[sel].sum()) if len(tps_np) else 0
        det_at = int(sel.sum())
        res[CLASSES[c]] = {"gt": n_gt, "detections": det_at, "precision": tp_at / det_at if det_at else float("nan"),
                           "recall": tp_at / n_gt if n_gt else float("nan"), "ap50": ap}
    return res


def print_table(res, title):
    print(f"{title}\n{'class':<11}{'gt':>7}{'P':>8}{'R':>8}{'AP@0.5':>8}")
    for k, v in res.items():
        if v["gt"] or v["detections"]:
            print(f"{k:<11}{v['gt']:>7}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['ap50']:>8.3f}")
    sys.stdout.flush()


# ---------------------------------------------------------------- export
def export_onnx(model, path, w, h, opset=13):
    import copy
    m = copy.deepcopy(model).cpu().float().eval()
    m.set_size(w, h, "cpu")
    m.export = True
    x = torch.zeros(1, 3, h, w)
    kw = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kw["dynamo"] = False  # the TorchScript exporter, the one torch 1.13 has
    torch.onnx.export(m, x, path, input_names=["images"], output_names=["output0"], opset_version=opset, **kw)
    try:
        import onnx
        onnx.checker.check_model(onnx.load(path))
    except ImportError:
        pass
    return path


def load_onnx_weights(model, path, w, h):
    """Loads an exported EdgeCity detector's weights back into the torch model, so an ONNX file can be fine-tuned.

    The exporter folds each BatchNorm into the Conv before it, so the ONNX file holds one (weight, bias) per Conv, in
    the order the forward pass runs them. Each goes into its torch Conv; a folded BatchNorm becomes the identity
    (scale 1, running mean 0, running variance 1 - eps) carrying the bias as its shift. Training must then keep the
    BatchNorms in eval mode (their statistics are gone): main() does so for ONNX weights."""
    try:
        import onnx
        from onnx import numpy_helper
    except ImportError as e:
        sys.exit(f"--weights {path}: reading ONNX weights needs Debian's python3-onnx: {e}")
    graph = onnx.load(path).graph
    tensors = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    nodes = [n for n in graph.node if n.op_type == "Conv"]
    order = []
    hooks = [m.register_forward_hook(lambda mod, i, o: order.append(mod)) for m in model.modules() if isinstance(m, nn.Conv2d)]
    was_export, model.export = model.export, False
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, h, w, device=next(model.parameters()).device))
    model.export = was_export
    for hk in hooks:
        hk.remove()
    if len(order) != len(nodes):
        sys.exit(f"--weights {path}: {len(nodes)} Conv nodes, but this recipe's detector has {len(order)} convolutions")
    folded = {m[0]: m[1] for m in model.modules()
              if isinstance(m, nn.Sequential) and len(m) >= 2 and isinstance(m[0], nn.Conv2d) and isinstance(m[1], nn.BatchNorm2d)}
    with torch.no_grad():
        for k, (conv, node) in enumerate(zip(order, nodes)):
            wt = tensors.get(node.input[1])
            if wt is None or tuple(wt.shape) != tuple(conv.weight.shape):
                sys.exit(f"--weights {path}: Conv {k} ({node.name}) has weights {None if wt is None else wt.shape}, "
                         f"the recipe's layer {tuple(conv.weight.shape)}: not a model of this recipe")
            bias = tensors[node.input[2]] if len(node.input) > 2 else np.zeros(wt.shape[0], np.float32)
            conv.weight.copy_(torch.from_numpy(np.array(wt)))
            if conv in folded:
                bn = folded[conv]
                bn.weight.fill_(1.0)
                bn.bias.copy_(torch.from_numpy(np.array(bias)))
                bn.running_mean.zero_()
                bn.running_var.fill_(1.0 - bn.eps)
            else:
                conv.bias.copy_(torch.from_numpy(np.array(bias)))
    return len(nodes)


def freeze_batchnorm(model):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


# ---------------------------------------------------------------- smoke dataset
def make_smoke_dataset(folder, n=24, w=160, h=96, seed=0):
    from PIL import Image, ImageDraw
    rnd = random.Random(seed)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    os.makedirs(os.path.join(folder, "labels"), exist_ok=True)
    for i in range(n):
        img = Image.new("RGB", (w, h), (90, 90, 90))
        dr = ImageDraw.Draw(img)
        lines = []
        for _ in range(rnd.randint(1, 4)):
            c = rnd.randrange(3)
            bw, bh = rnd.randint(8, 40), rnd.randint(8, 30)
            x, y = rnd.randint(0, w - bw), rnd.randint(0, h - bh)
            dr.rectangle([x, y, x + bw, y + bh], fill=[(200, 40, 40), (40, 200, 40), (40, 40, 200)][c])
            lines.append(f"{c} {(x + bw / 2) / w:.5f} {(y + bh / 2) / h:.5f} {bw / w:.5f} {bh / h:.5f}")
        img.save(os.path.join(folder, "images", f"s{i:03d}.jpg"))
        with open(os.path.join(folder, "labels", f"s{i:03d}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", nargs="*", default=[], help="training folders (images/ + labels/, YOLO txt)")
    ap.add_argument("--val", nargs="*", default=[], help="held-out folders evaluated at the end (P/R/AP@0.5 per class)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--minutes", type=float, default=30, help="training time budget")
    ap.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: time budget only)")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--warmup-steps", type=int, default=300, help="linear learning-rate warm-up (fine-tuning needs fewer)")
    ap.add_argument("--size", default="512x288", help="network input WxH (multiples of 32)")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--weights", default="", help="start from (or with --eval-only, evaluate) this model.pt, or an "
                    "ONNX file this recipe exported (e.g. models/edgecity-vehicles.onnx)")
    ap.add_argument("--freeze-bn", action="store_true", help="keep BatchNorm statistics fixed while training")
    ap.add_argument("--eval-only", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="a few steps on a tiny generated dataset (CI)")
    a = ap.parse_args()

    torch.set_num_threads(max(1, a.threads))
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    if a.smoke:
        smoke = os.path.join(a.out, "smoke-data")
        make_smoke_dataset(smoke)
        a.data, a.val, a.size, a.steps, a.batch = [smoke], [smoke], "160x96", max(a.steps, 1) if a.steps else 3, 8
    w, h = (int(v) for v in a.size.lower().split("x"))
    if w % 32 or h % 32:
        sys.exit(f"--size {a.size}: width and height must be multiples of 32")
    dev = torch.device(a.device)
    model = Detector().to(dev)
    model.set_size(w, h, dev)
    frozen_bn = a.freeze_bn
    if a.weights.endswith(".onnx"):
        n = load_onnx_weights(model, a.weights, w, h)
        frozen_bn = True  # the file's BatchNorms are folded: their batch statistics cannot be trained again
        print(f"weights: {n} convolutions from {a.weights}; BatchNorm frozen", flush=True)
    elif a.weights:
        model.load_state_dict(torch.load(a.weights, map_location=dev)["model"])
    log = open(os.path.join(a.out, "train.log"), "a")

    def say(msg):
        print(msg, flush=True)
        log.write(msg + "\n")
        log.flush()

    t0 = time.time()
    steps = 0
    if not a.eval_only:
        if not a.data:
            sys.exit("--data: at least one training folder is required (or --smoke)")
        images, boxes = load_folder(a.data, w, h)
        say(f"data: {images.shape[0]} images, {(boxes[..., 0] >= 0).sum().item()} boxes from {a.data}; "
            f"load {time.time() - t0:.1f}s; device {dev}; threads {torch.get_num_threads()}; torch {torch.__version__}")
        images, boxes = images.to(dev), boxes.to(dev)
        opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=0.01)
        ema = {k: v.detach().clone() for k, v in model.state_dict().items()}
        use_amp = dev.type == "cuda"  # bf16 autocast: no loss scaling needed
        budget = a.minutes * 60
        t_train = time.time()
        model.train()
        if frozen_bn:
            freeze_batchnorm(model)
        while True:
            elapsed = time.time() - t_train
            frac = min(1.0, a.steps and steps / a.steps or elapsed / budget)
            if (a.steps and steps >= a.steps) or (not a.steps and elapsed >= budget):
                break
            lr = a.lr * min(1.0, (steps + 1) / max(1, a.warmup_steps)) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr
            idx = torch.randint(0, images.shape[0], (a.batch,), device=dev)
            x, bx = augment(images[idx], boxes[idx])
            with torch.autocast(device_type=dev.type, enabled=use_amp, dtype=torch.bfloat16):
                raw = model(x)
            loss, lc, lb = loss_fn(raw.float(), model.points, model.point_strides, bx, model.nc)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 10.0)
            opt.step()
            steps += 1
            with torch.no_grad():
                decay = 0.999 * (1 - math.exp(-steps / 500))
                for k, v in model.state_dict().items():
                    if v.dtype.is_floating_point:
                        ema[k].mul_(decay).add_(v.detach(), alpha=1 - decay)
                    else:
                        ema[k].copy_(v)
            if steps % 200 == 0 or steps <= 2:
                say(f"step {steps} {elapsed:.0f}s lr {lr:.5f} loss {loss.item():.4f} cls {lc.item():.4f} box {lb.item():.4f}")
            if steps % 2000 == 0:
                torch.save({"model": ema, "size": [w, h], "classes": CLASSES, "steps": steps}, os.path.join(a.out, "model.pt"))
        model.load_state_dict(ema)
        train_s = time.time() - t_train
        torch.save({"model": ema, "size": [w, h], "classes": CLASSES, "steps": steps}, os.path.join(a.out, "model.pt"))
        say(f"trained {steps} steps in {train_s:.0f}s")
        del images, boxes
    metrics = {"classes": CLASSES, "size": [w, h], "steps": steps, "device": str(dev), "torch": torch.__version__,
               "train_seconds": round(time.time() - t0, 1), "val": {}}
    for v in a.val:
        vi, vb = load_folder([v], w, h)
        dets = predict(model, vi, dev)
        res = evaluate(dets, vb, model.nc)
        metrics["val"][v] = {"images": int(vi.shape[0]), "classes": res}
        print_table(res, f"held-out {v} ({vi.shape[0]} images)")
    onnx_path = os.path.join(a.out, "edgecity-vehicles.onnx")
    try:
        export_onnx(model, onnx_path, w, h)
        say(f"exported {onnx_path} ({os.path.getsize(onnx_path)} bytes)")
    except Exception as e:  # keep model.pt and the metrics even when this torch cannot export
        say(f"ONNX export failed: {e}")
    with open(os.path.join(a.out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1, default=lambda o: None if o != o else o)


if __name__ == "__main__":
    main()
