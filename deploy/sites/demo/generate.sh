#!/usr/bin/env bash
# Rebuilds the demo twin from its plain files: demo.nod.xml + demo.edg.xml -> demo.net.xml (netconvert), then
# site.json (edgecity site from-sumo: intersections, approaches, plans, one camera per approach).
# Reproducible: same inputs, same SUMO version (Debian's 1.15) -> same outputs.
set -euo pipefail
cd "$(dirname "$0")"
export SUMO_HOME="${SUMO_HOME:-/usr/share/sumo}"
netconvert --node-files demo.nod.xml --edge-files demo.edg.xml \
  --no-turnarounds true --tls.default-type static --tls.cycle.time 90 --tls.yellow.time 3 --tls.left-green.time 6 \
  --junctions.corner-detail 5 --output.street-names false --no-internal-links false \
  --output-file demo.net.xml
edgecity="${EDGECITY:-../../../src/EdgeCity.Node/bin/Release/net10.0/edgecity}"
"$edgecity" site from-sumo demo.net.xml --out site.json --name demo --routes morning.rou.xml --cameras --twin-port 8090
