#!/bin/sh
# The committed 8 s 1280x720 H.264 clip (FFmpeg's testsrc2 pattern: moving colour bars, a clock, gradients) that the
# capture tests and the benchmark decode. Regenerate with: sh models/clips/make-clip.sh
set -e
cd "$(dirname "$0")"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc2=size=1280x720:rate=25" -t 8 \
  -c:v libx264 -preset veryslow -crf 30 -g 50 -pix_fmt yuv420p -movflags +faststart testsrc2-720p.mp4
