#!/usr/bin/python3
"""Turns camera-twin recordings into a YOLO-txt dataset (images/ + labels/), with camera-pose variants.

For each (site, camera, pose variant) it copies the site file with the camera's pose changed, runs
`edgecity twin record`, then keeps every N-th frame: FFmpeg dumps it as JPEG at the chosen size and the
twin's exact boxes (.truth.jsonl) become YOLO lines `class cx cy w h` (normalised). Standard library + ffmpeg only.

  /usr/bin/python3 models/train/twin_dataset.py --site deploy/sites/demo/site.json --cameras J1-W_J1 J2-J1_J2 \
      --poses base:9:24:70 low:6:16:60 --seconds 60 --warmup 900 --every 10 --out data/train

A pose is name:height:tilt:fov[:headingOffset][:aim]; 'base' keeps the site's own. With ':aim' the camera is moved so
that its optical axis meets the road where the site's pose did, so one stretch of road is seen from every view a city
camera has: a low pole (6:16), a mast (15:45), a gantry or drone straight overhead (25:90).
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

CLASSES = ["car", "bus", "truck", "motorcycle", "bicycle", "person"]


def parse_pose(text):
    # name:height:tilt:fov[:headingOffset][:aim]
    parts = text.split(":")
    aim = parts[-1] == "aim"
    if aim:
        parts = parts[:-1]
    if len(parts) not in (4, 5):
        raise SystemExit(f"--poses: '{text}' is not name:height:tilt:fov[:headingOffset][:aim]")
    pose = {"name": parts[0], "height": float(parts[1]), "tilt": float(parts[2]), "fov": float(parts[3]),
            "heading": float(parts[4]) if len(parts) == 5 else 0.0, "aim": aim}
    if pose["name"] != "base" and (not 0 < pose["tilt"] <= 90 or pose["height"] <= 0):
        raise SystemExit(f"--poses: '{text}': tilt must be in (0, 90] degrees below the horizon and height above 0")
    return pose


def aim_distance(height, tilt):
    """Metres along the ground from the camera's foot to where its optical axis meets the road."""
    return 0.0 if tilt >= 90 else height / math.tan(math.radians(tilt))


def re_aim(p, height, tilt, heading):
    """Moves a camera so that, at its new height, tilt and heading, its optical axis meets the road where the old
    pose's did: from a pole at the roadside to straight overhead, the same stretch of road stays in view."""
    d0, h0 = aim_distance(p["height"], p["tilt"]), math.radians(p.get("heading", 0))
    ax, ay = p["x"] + d0 * math.sin(h0), p["y"] + d0 * math.cos(h0)
    d, h = aim_distance(height, tilt), math.radians(heading)
    p["x"], p["y"] = round(ax - d * math.sin(h), 2), round(ay - d * math.cos(h), 2)


def safe_id(cam):
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in cam)


def posed_site(site_path, pose, work):
    """A copy of the site beside the original (relative net/route paths keep working) with every camera re-posed."""
    with open(site_path) as f:
        site = json.load(f)
    for cam in site.get("cameras", []):
        cam["id"] = safe_id(cam["id"])  # the id names the recording's files: no '/' (grid6's ids have them)
        p = cam["pose"]
        if pose["name"] != "base":
            heading = (p.get("heading", 0) + pose["heading"]) % 360
            if pose["aim"]:
                re_aim(p, pose["height"], pose["tilt"], heading)
            p["height"], p["tilt"], p["fov"] = pose["height"], pose["tilt"], pose["fov"]
            p["heading"] = heading
    out = os.path.join(os.path.dirname(os.path.abspath(site_path)), f".pose-{pose['name']}-{os.getpid()}.site.json")
    with open(out, "w") as f:
        json.dump(site, f)
    return out


def convert(avi, truth, out_dir, prefix, every, width, height, min_side):
    img_dir, lbl_dir = os.path.join(out_dir, "images"), os.path.join(out_dir, "labels")
    os.makedirs(img_dir, exist_ok=True)
    os.makedirs(lbl_dir, exist_ok=True)
    frames = [json.loads(line) for line in open(truth) if line.strip()]
    tmp = tempfile.mkdtemp(prefix="frames-")
    try:
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", avi, "-vf",
                        f"select=not(mod(n\\,{every})),scale={width}:{height}", "-vsync", "0", "-q:v", "3",
                        os.path.join(tmp, "f_%06d.jpg")], check=True)
        dumped = sorted(os.listdir(tmp))
        kept = 0
        for i, name in enumerate(dumped):
            index = i * every
            if index >= len(frames):
                break
            fr = frames[index]
            sw, sh = fr["width"], fr["height"]
            lines = []
            # "vehicles" is the twin's truth format (TruthFrame); "objects" is what recordings made before it held.
            for o in fr.get("vehicles", fr.get("objects", [])):
                if o["class"] not in CLASSES:
                    continue
                l, t, r, b = o["box"]
                if min(r - l, b - t) < min_side:
                    continue
                lines.append(f"{CLASSES.index(o['class'])} {(l + r) / 2 / sw:.6f} {(t + b) / 2 / sh:.6f} "
                             f"{(r - l) / sw:.6f} {(b - t) / sh:.6f}")
            stem = f"{prefix}_{fr['frame']:06d}"
            shutil.move(os.path.join(tmp, name), os.path.join(img_dir, stem + ".jpg"))
            with open(os.path.join(lbl_dir, stem + ".txt"), "w") as f:
                f.write("\n".join(lines) + ("\n" if lines else ""))
            kept += 1
        return kept
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", required=True)
    ap.add_argument("--cameras", nargs="*", default=[], help="camera ids (default: all of the site's)")
    ap.add_argument("--poses", nargs="+", default=["base:0:0:0"], help="name:height:tilt:fov[:headingOffset][:aim]; 'base' keeps the site's pose; ':aim' keeps its aim point")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--warmup", type=float, default=600)
    ap.add_argument("--every", type=int, default=10, help="keep every N-th frame (frames are 0.1 s apart)")
    ap.add_argument("--size", default="512x288", help="stored image size WxH")
    ap.add_argument("--min-side", type=float, default=4, help="drop boxes whose shorter side is under this (source px)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--edgecity", default=os.environ.get("EDGECITY", "./edgecity"), help="command that runs the CLI")
    ap.add_argument("--keep-video", action="store_true", help="keep .avi + .truth.jsonl under OUT/recordings")
    a = ap.parse_args()
    width, height = (int(v) for v in a.size.lower().split("x"))
    with open(a.site) as f:
        cameras = [safe_id(c) for c in (a.cameras or [c["id"] for c in json.load(f)["cameras"]])]
    site_name = os.path.splitext(os.path.basename(a.site))[0]
    site_name = os.path.basename(os.path.dirname(os.path.abspath(a.site))) if site_name == "site" else site_name
    total = 0
    for pose in map(parse_pose, a.poses):
        posed = posed_site(a.site, pose, a.out)
        try:
            for cam in cameras:
                rec = os.path.join(a.out, "recordings", f"{site_name}_{pose['name']}")
                cmd = a.edgecity.split() + ["twin", "record", "--site", posed, "--camera", cam, "--seconds", str(a.seconds),
                                            "--warmup", str(a.warmup), "--out", rec]
                r = subprocess.run(cmd, capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"twin record failed for {site_name}/{cam}/{pose['name']}: {r.stderr.strip()[-400:]}", file=sys.stderr)
                    continue
                avi, truth = os.path.join(rec, cam + ".avi"), os.path.join(rec, cam + ".truth.jsonl")
                n = convert(avi, truth, a.out, f"{site_name}_{pose['name']}_{cam}", a.every, width, height, a.min_side)
                total += n
                print(f"{site_name} {cam} {pose['name']}: {n} frames", flush=True)
                if not a.keep_video:
                    os.remove(avi)
                    os.remove(truth)
        finally:
            os.remove(posed)
    print(f"{total} frames in {a.out}")


if __name__ == "__main__":
    main()
