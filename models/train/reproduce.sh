#!/usr/bin/env bash
# The run that made models/edgecity-vehicles.onnx, from one command (also `edgecity models train` without --data):
#   models/train/reproduce.sh                      # CPU, 30 minutes of training
#   DEVICE=cuda MINUTES=7 models/train/reproduce.sh
# 1. camera-twin recordings -> YOLO txt frames: demo corridor J1/J2 (3 poses), SUMO's cross (2), grid6 (2), square (2);
#    held out: SUMO's corridor at a pose used nowhere in training, and the demo's J3 cameras (stop-line recall).
# 2. train.py on them for $MINUTES, scored on the held-out frames, exported to ONNX.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$ROOT/models/train/work}"
OUT="${OUT:-$ROOT/models/train/out}"
DEVICE="${DEVICE:-cpu}"
MINUTES="${MINUTES:-30}"
EDGECITY="${EDGECITY:-$ROOT/edgecity}"
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"
DS="/usr/bin/python3 $ROOT/models/train/twin_dataset.py --edgecity $EDGECITY"
GAME=$SUMO_HOME/tools/game
mkdir -p "$WORK/sites" "$OUT"

site() { # name net routes
  local name=$1; rm -rf "$WORK/sites/$name"; mkdir -p "$WORK/sites/$name"
  cp "$GAME/$name/"* "$WORK/sites/$name/"
  $EDGECITY site from-sumo "$WORK/sites/$name/$2" --routes "$WORK/sites/$name/$3" --cameras --out "$WORK/sites/$name/site.json" >/dev/null
}
site cross cross.net.xml cross.rou.xml
site grid6 grid6.net.xml grid6.rou.xml
site square square.net.xml square.rou.xml
site corridor corridor.net.xml corridor.rou.xml
rm -rf "$WORK/sites/demo"; cp -r "$ROOT/deploy/sites/demo" "$WORK/sites/demo"
S=$WORK/sites

if [[ ! -d "$WORK/train/images" ]]; then
  $DS --site $S/demo/site.json --cameras J1-W_J1 J1-N1_J1 J1-J2_J1 J1-S1_J1 J2-J1_J2 J2-J3_J2 J2-N2_J2 J2-S2_J2 \
      --poses base:0:0:0 low:6:16:60 high:12:32:80:-6 --seconds 80 --warmup 900 --every 8 --out "$WORK/train"
  $DS --site $S/cross/site.json --poses base:0:0:0 low:7:20:55:5 --seconds 80 --warmup 200 --every 8 --out "$WORK/train"
  $DS --site $S/grid6/site.json --cameras 0/0-0/1to0/0 0/0-1/0to0/0 1/1-top1to1/1 1/1-2/1to1/1 1/0-2/0to1/0 2/0-right0to2/0 0/1-top0to0/1 1/1-0/1to1/1 \
      --poses base:0:0:0 high:11:30:75:4 --seconds 60 --warmup 300 --every 8 --out "$WORK/train"
  $DS --site $S/square/site.json --cameras A0-A1A0 A0-left0A0 A1-A0A1 B0-right0B0 B1-top1B1 B1-A1B1 left0-A0left0 right1-B1right1 \
      --poses base:0:0:0 low:7:20:55:5 --seconds 60 --warmup 300 --every 8 --out "$WORK/train"
fi
if [[ ! -d "$WORK/heldout/images" ]]; then
  $DS --site $S/corridor/site.json --poses tall:10:27:66:8 --seconds 40 --warmup 300 --every 10 --out "$WORK/heldout" --keep-video
  $DS --site $S/demo/site.json --cameras J3-J2_J3 J3-E_J3 J3-N3_J3 J3-S3_J3 --poses base:0:0:0 --seconds 60 --warmup 900 --every 10 \
      --out "$WORK/demo-j3" --keep-video
fi
/usr/bin/python3 "$ROOT/models/train/train.py" --data "$WORK/train" --val "$WORK/heldout" --device "$DEVICE" --minutes "$MINUTES" \
    --batch 128 --out "$OUT"
echo "model: $OUT/edgecity-vehicles.onnx; score it from C# with:"
echo "  $EDGECITY models eval --model models/edgecity-vehicles.json --data $WORK/heldout --json $OUT/heldout.json"
