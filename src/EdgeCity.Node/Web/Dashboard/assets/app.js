// EdgeCity dashboard: one SVG district map, one card per intersection, cluster and cameras; live from /api/events (SSE).
'use strict';
const HISTORY_MS = 5 * 60 * 1000;           // plots and timelines show at most the last five minutes,
const MIN_WINDOW_MS = 60 * 1000;             // and at least one, stretched over what the node has kept
const PHASE_COLOURS = ['#2ecc71', '#5dade2', '#af7ac5', '#f0b27a', '#48c9b0', '#f1948a', '#85929e'];
const svgNs = 'http://www.w3.org/2000/svg';
const state = { map: null, samples: {}, timelines: {}, snapshots: 0, phases: {}, zone: 'UTC' };

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, text) => { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text !== undefined) e.textContent = text; return e; };
const sv = (tag, attrs = {}) => { const e = document.createElementNS(svgNs, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; };
const fmt = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : Number(v).toFixed(d);
// A phase's colour is its place in the signal model's program (the map lists them), so the legend, disc and timeline agree.
const mapIntersection = id => state.map?.intersections.find(i => i.id === id);
const phaseColour = (id, phase) => {
  const known = state.phases[id] ??= (mapIntersection(id)?.phases || []).map(p => p.id);
  if (!known.includes(phase)) known.push(phase);
  return PHASE_COLOURS[known.indexOf(phase) % PHASE_COLOURS.length];
};
const phaseName = (id, phase) => mapIntersection(id)?.phases.find(p => p.id === phase)?.name;
const approachLabel = (id, approach) => mapIntersection(id)?.approaches.find(a => a.id === approach)?.label || approach;
// Times read in the site's time zone (the API keeps UTC): "14:05:09", or with the date for the header clock.
const zoned = (ms, withDate) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: state.zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(ms)).map(p => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return withDate ? `${parts.year}-${parts.month}-${parts.day} ${time}` : time;
};
// A reason in a few words, the raw text one click away.
function reasonCell(text, cls) {
  const td = el('td', cls ? { class: cls } : {});
  if (!text || text.length <= 60) { td.textContent = text || ''; return td; }
  const cut = text.search(/[;:\n(]/);
  const short = (cut >= 12 && cut <= 60 ? text.slice(0, cut) : text.slice(0, 57)) + '…';
  const d = el('details', { class: 'reason' });
  d.append(el('summary', {}, short), el('pre', {}, text));
  td.append(d);
  return td;
}

function signalClass(x) {
  if (!x.phase) return 'nodata';
  if (x.fallback !== 'none' && x.fallback !== 'unknown') return 'fallback';
  return x.inTransition ? 'changing' : 'ok';
}

// ---- map ----
function drawMap(map) {
  const svg = $('#map');
  svg.replaceChildren();
  const pad = 40, w = map.maxX - map.minX + 2 * pad, h = map.maxY - map.minY + 2 * pad;
  svg.setAttribute('viewBox', `${map.minX - pad} ${-(map.maxY + pad)} ${w} ${h}`); // SUMO's y points up, SVG's down
  const pts = shape => shape.map(p => `${p[0]},${-p[1]}`).join(' ');
  const roads = sv('g', { stroke: '#3a4756', 'stroke-width': 7, fill: 'none', 'stroke-linecap': 'round' });
  for (const r of map.roads) roads.append(sv('polyline', { points: pts(r) }));
  svg.append(roads);
  for (const x of map.intersections) {
    const g = sv('g', { class: 'x', 'data-id': x.id });
    for (const a of x.approaches) {
      g.append(sv('polyline', { class: 'queue', 'data-approach': a.id, points: '', stroke: '#f1c40f', 'stroke-width': 4 + 2 * a.lanes, fill: 'none', 'stroke-linecap': 'butt', opacity: 0.9 }));
      const stop = a.shape[a.shape.length - 1];
      g.append(sv('circle', { class: 'head', 'data-approach': a.id, cx: stop[0], cy: -stop[1], r: 4, fill: '#85929e' }));
      // The approach's name a little upstream of the stop line, and where a queue longer than the drawn road is told in metres.
      const at = tail(a.shape, 45).at(-1);
      const name = sv('text', { class: 'approach', 'data-approach': a.id, x: at[0], y: -at[1], fill: '#c9d4de', 'font-size': 13, 'text-anchor': 'middle', 'paint-order': 'stroke', stroke: '#0b1015', 'stroke-width': 3 });
      name.textContent = a.label || a.id;
      const far = tail(a.shape, 1e6).at(-1);
      const over = sv('text', { class: 'overflow', 'data-approach': a.id, x: far[0], y: -far[1], fill: '#e67e22', 'font-size': 14, 'text-anchor': 'middle', 'paint-order': 'stroke', stroke: '#0b1015', 'stroke-width': 3 });
      g.append(name, over);
    }
    g.append(sv('circle', { class: 'disc', cx: x.x, cy: -x.y, r: 14, fill: '#85929e', stroke: '#0b1015', 'stroke-width': 3 }));
    const label = sv('text', { x: x.x + 18, y: -x.y - 18, fill: '#e6edf3', 'font-size': 22, 'font-weight': 'bold' });
    label.textContent = x.id;
    // The running phase's name under the intersection's id, clear of the road through it.
    const phase = sv('text', { class: 'phase', x: x.x + 18, y: -x.y + 26, fill: '#8b98a5', 'font-size': 14, 'paint-order': 'stroke', stroke: '#0b1015', 'stroke-width': 3 });
    g.append(label, phase);
    svg.append(g);
  }
  // A 100 m scale bar in the lower left: queues are drawn along the road to the same scale.
  const sx = map.minX - pad / 2, sy = -(map.minY - pad / 2);
  const scale = sv('g', { class: 'scale' });
  scale.append(sv('line', { x1: sx, y1: sy, x2: sx + 100, y2: sy, stroke: '#c9d4de', 'stroke-width': 3 }));
  const t = sv('text', { x: sx + 50, y: sy - 6, fill: '#c9d4de', 'font-size': 14, 'text-anchor': 'middle' });
  t.textContent = '100 m';
  scale.append(t);
  svg.append(scale);
}

// The length of a shape in metres.
const lengthOf = shape => shape.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - shape[i][0], p[1] - shape[i][1]), 0);

// The last `metres` of an approach's shape (upstream from the stop line): where its queue stands.
function tail(shape, metres) {
  const out = [shape[shape.length - 1]];
  let left = metres;
  for (let i = shape.length - 1; i > 0 && left > 0; i--) {
    const [bx, by] = shape[i], [ax, ay] = shape[i - 1];
    const len = Math.hypot(bx - ax, by - ay);
    if (len >= left) { const t = left / len; out.push([bx + (ax - bx) * t, by + (ay - by) * t]); left = 0; }
    else { out.push([ax, ay]); left -= len; }
  }
  return out;
}

function updateMap(intersections) {
  if (!state.map) return;
  for (const x of intersections) {
    const g = $(`#map g.x[data-id="${CSS.escape(x.id)}"]`);
    const mx = state.map.intersections.find(i => i.id === x.id);
    if (!g || !mx) continue;
    const cls = signalClass(x);
    $('.disc', g).setAttribute('fill', cls === 'fallback' ? '#e74c3c' : cls === 'changing' ? '#f1c40f' : cls === 'nodata' ? '#85929e' : phaseColour(x.id, x.phase));
    $('.phase', g).textContent = x.phase ? `${x.phaseName || x.phase}${x.inTransition ? ' →' : ''}${x.fallback !== 'none' ? ' · ' + x.fallback : ''}` : 'no signal yet';
    for (const a of mx.approaches) {
      const latest = x.approaches.find(p => p.id === a.id)?.latest;
      const q = latest ? latest.queueMetres : 0;
      const line = $(`polyline.queue[data-approach="${CSS.escape(a.id)}"]`, g);
      line.setAttribute('points', q > 0.5 ? tail(a.shape, q).map(p => `${p[0]},${-p[1]}`).join(' ') : '');
      // The bar is to scale along the road; a queue beyond the drawn road says its length where the road ends.
      $(`text.overflow[data-approach="${CSS.escape(a.id)}"]`, g).textContent = q > lengthOf(a.shape) + 1 ? `${Math.round(q)} m` : '';
      line.setAttribute('stroke', latest?.cameraDown ? '#e74c3c' : q > 60 ? '#e67e22' : '#f1c40f');
      $(`circle.head[data-approach="${CSS.escape(a.id)}"]`, g).setAttribute('fill', latest ? (latest.cameraDown ? '#e74c3c' : '#5dade2') : '#85929e');
    }
  }
}

// ---- intersection cards ----
function card(x) {
  let c = $(`.card[data-intersection="${CSS.escape(x.id)}"]`);
  if (c) return c;
  c = el('article', { class: 'card', 'data-intersection': x.id });
  c.innerHTML = `<h3></h3>
    <div class="row"><span>phase <b class="phase"></b></span><span>controller <b class="controller"></b></span><span>fallback <b class="fallback"></b></span></div>
    <p class="phase-legend"></p>
    <p class="corridor muted"></p>
    <div class="row muted"><span>queue total <b class="queue-total">–</b> m</span><span>flow <b class="flow-total">–</b> veh/h</span><span>max delay <b class="delay-max">–</b> s</span></div>
    <canvas class="timeline" height="34"></canvas>
    <div class="plots"><canvas class="plot delay-plot" height="130"></canvas><canvas class="plot flow-plot" height="130"></canvas></div>
    <table class="approaches"><thead><tr><th>approach</th><th>queue m</th><th>flow veh/h</th><th>delay s</th><th>occ.</th></tr></thead><tbody></tbody></table>
    <p class="reason muted"></p>`;
  $('h3', c).textContent = x.name ? `${x.id} · ${x.name}` : x.id;
  // The legend: each phase's colour (disc, timeline) and what it serves; yellow is changing, red a fallback.
  const legend = $('.phase-legend', c);
  for (const p of mapIntersection(x.id)?.phases || []) {
    const item = el('span', { class: 'item', 'data-phase': p.id, title: p.id });
    const sw = el('span', { class: 'sw' });
    sw.style.background = phaseColour(x.id, p.id);
    item.append(sw, document.createTextNode(p.name));
    legend.append(item);
  }
  $('#intersections').append(c);
  return c;
}

function remember(x) {
  const series = state.samples[x.id] ??= {};
  for (const a of x.approaches) {
    const list = series[a.id] ??= [];
    for (const s of (a.history?.length ? a.history : a.latest ? [a.latest] : [])) {
      const t = Date.parse(s.at);
      if (!list.length || t > list[list.length - 1].t) list.push({ t, q: s.queueMetres, f: s.flowVehiclesPerHour, d: s.delaySeconds });
    }
    const cut = Date.now() - HISTORY_MS;
    while (list.length > 1 && list[0].t < cut) list.shift();
  }
}

function sizeCanvas(cv) {
  const ratio = window.devicePixelRatio || 1, w = cv.clientWidth || 400, h = Number(cv.getAttribute('height'));
  if (cv.width !== Math.round(w * ratio)) { cv.width = Math.round(w * ratio); cv.style.height = h + 'px'; }
  const ctx = cv.getContext('2d');
  ctx.setTransform(cv.width / w, 0, 0, cv.width / w, 0, 0);
  return [ctx, w, h];
}

function windowOf(id, now) {
  const times = [...Object.values(state.samples[id] || {}).flat().map(s => s.t), ...(state.timelines[id] || [])];
  const span = times.length ? now - Math.min(...times) : 0;
  return Math.min(HISTORY_MS, Math.max(MIN_WINDOW_MS, span));
}

function drawTimeline(cv, x, now) {
  const [ctx, w, h] = sizeCanvas(cv);
  ctx.clearRect(0, 0, w, h);
  state.timelines[x.id] = (x.timeline || []).map(s => Date.parse(s.start));
  const win = windowOf(x.id, now), t0 = now - win, px = t => (t - t0) / win * w;
  const segs = x.timeline || [];
  segs.forEach((s, i) => {
    const a = Math.max(t0, Date.parse(s.start)), b = i + 1 < segs.length ? Date.parse(segs[i + 1].start) : now;
    if (b < t0) return;
    ctx.fillStyle = s.fallback !== 'none' ? '#e74c3c' : s.transition ? '#f1c40f' : phaseColour(x.id, s.phase);
    ctx.fillRect(px(a), 4, Math.max(1, px(b) - px(a)), h - 16);
  });
  ctx.fillStyle = '#8b98a5'; ctx.font = '10px system-ui';
  ctx.fillText(`phases, last ${Math.round(win / 1000)} s`, 2, h - 2); ctx.fillText('now', w - 22, h - 2);
}

// One line per approach over the shared time window: `key` picks delay ('d', s) or flow ('f', veh/h).
function drawPlot(cv, id, series, now, key, title, unit, floor) {
  const [ctx, w, h] = sizeCanvas(cv);
  ctx.clearRect(0, 0, w, h);
  const win = windowOf(id, now), t0 = now - win, px = t => (t - t0) / win * w;
  const all = Object.values(series).flat().map(s => s[key]).filter(v => v !== null && v !== undefined);
  const max = Math.max(floor, ...all);
  const top = 14, bottom = h - 4, y = v => bottom - (v / max) * (bottom - top);
  Object.entries(series).forEach(([, list], k) => {
    ctx.beginPath(); ctx.strokeStyle = PHASE_COLOURS[k % PHASE_COLOURS.length]; ctx.lineWidth = 1.5;
    list.filter(s => s[key] !== null && s[key] !== undefined).forEach((s, i) => i ? ctx.lineTo(px(s.t), y(s[key])) : ctx.moveTo(px(s.t), y(s[key])));
    ctx.stroke();
  });
  ctx.fillStyle = '#8b98a5'; ctx.font = '10px system-ui';
  ctx.fillText(`${title}, max ${max.toFixed(0)} ${unit} · last ${Math.round(win / 1000)} s`, 2, 10);
  // One colour per approach, in the order of the table below.
  Object.keys(series).forEach((a, k) => { ctx.fillStyle = PHASE_COLOURS[k % PHASE_COLOURS.length]; ctx.fillText(approachLabel(id, a).slice(0, 14), w - 72, 24 + 11 * k); });
  cv.dataset.points = String(all.length);
  cv.dataset.last = all.length ? String(all[all.length - 1]) : '';
}

function updateCards(intersections, now) {
  for (const x of intersections) {
    remember(x);
    const c = card(x);
    c.className = 'card ' + signalClass(x);
    $('.phase', c).textContent = x.phase ? (x.phaseName ? `${x.phaseName} (${x.phase})` : x.phase) + (x.inTransition ? ' (changing)' : '') : '–';
    $('.controller', c).textContent = x.controller;
    $('.corridor', c).textContent = x.corridor ? `green wave ${x.corridor.id}: cycle ${fmt(x.corridor.cycleSeconds)} s${x.corridor.phase ? ', wave in ' + (phaseName(x.id, x.corridor.phase) || x.corridor.phase) : ''}` : '';
    const fb = $('.fallback', c);
    fb.textContent = x.fallback; fb.className = 'fallback' + (x.fallback !== 'none' && x.fallback !== 'unknown' ? ' fb' : '');
    const latest = x.approaches.map(a => a.latest).filter(Boolean);
    $('.queue-total', c).textContent = latest.length ? fmt(latest.reduce((s, m) => s + m.queueMetres, 0), 1) : '–';
    $('.flow-total', c).textContent = latest.length ? fmt(latest.reduce((s, m) => s + (m.flowVehiclesPerHour || 0), 0)) : '–';
    $('.delay-max', c).textContent = latest.length ? fmt(Math.max(...latest.map(m => m.delaySeconds || 0)), 1) : '–';
    const rows = x.approaches.map(a => {
      const tr = el('tr', { 'data-approach': a.id, title: a.id });
      const m = a.latest;
      for (const v of [approachLabel(x.id, a.id), fmt(m?.queueMetres, 1), fmt(m?.flowVehiclesPerHour), fmt(m?.delaySeconds, 1), m?.occupancy == null ? '–' : fmt(m.occupancy * 100) + '%']) tr.append(el('td', {}, v));
      if (m?.cameraDown) tr.classList.add('fb');
      return tr;
    });
    $('.approaches tbody', c).replaceChildren(...rows);
    $('.reason', c).textContent = x.reason ? `last change: ${x.reason}` : '';
    drawTimeline($('.timeline', c), x, now);
    const series = state.samples[x.id] || {};
    drawPlot($('.delay-plot', c), x.id, series, now, 'd', 'delay (queue discharge est.)', 's', 10);
    drawPlot($('.flow-plot', c), x.id, series, now, 'f', 'flow', 'veh/h', 200);
  }
}

// ---- cluster and cameras ----
function updateCluster(cluster) {
  const rows = cluster.members.map(m => {
    const tr = el('tr');
    const who = m.address.replace(/^akka\.tcp:\/\//, '') + (m.isSelf ? ' (this node)' : '') + (m.runsSingleton ? ' ★ singleton' : '');
    tr.append(el('td', {}, who), el('td', { class: m.reachable && m.status === 'Up' ? 'up' : 'down' }, m.reachable ? m.status : m.status + ', unreachable'), el('td', {}, m.roles.join(', ')));
    return tr;
  });
  $('#members tbody').replaceChildren(...rows);
  const bad = cluster.members.filter(m => !m.reachable || m.status !== 'Up').length;
  const badge = $('#cluster-health');
  badge.textContent = `${cluster.members.length - bad}/${cluster.members.length} up`;
  badge.className = 'badge ' + (bad === 0 && cluster.members.length ? 'ok' : 'bad');
}

function updateAlarms(alarms) {
  const rows = (alarms || []).map(a => {
    const tr = el('tr', { 'data-alarm': a.id, class: a.acknowledgedBy ? 'acked' : 'unacked' });
    tr.append(el('td', { title: a.since }, zoned(Date.parse(a.since))), el('td', {}, `${a.kind} ${a.subject}`),
      reasonCell(a.reason), el('td', {}, a.acknowledgedBy || '–'));
    return tr;
  });
  $('#alarms tbody').replaceChildren(...rows);
  const badge = $('#alarm-count');
  const open = (alarms || []).filter(a => !a.acknowledgedBy).length;
  badge.textContent = String((alarms || []).length);
  badge.className = 'badge ' + ((alarms || []).length === 0 ? 'ok' : open ? 'bad' : 'warn');
}

function updateCameras(cameras) {
  const rows = cameras.map(c => {
    const tr = el('tr', { 'data-camera': c.id });
    tr.append(el('td', { title: c.source }, c.id), reasonCell(c.status + (c.reason ? `: ${c.reason}` : ''), c.status),
      el('td', {}, fmt(c.framesPerSecond, 1)), el('td', {}, String(c.framesDropped)), el('td', {}, String(c.reconnects)), el('td', {}, fmt(c.dataAgeSeconds, 1)));
    return tr;
  });
  $('#cameras tbody').replaceChildren(...(rows.length ? rows : [el('tr', {}, '')]));
}

// ---- frames (only when the node enables them; faces and plates are blurred on the node) ----
const framesOn = document.body.dataset.frames === 'on';
function updateFrames(cameras) {
  if (!framesOn) return;
  const box = $('#frames');
  box.hidden = false;
  for (const c of cameras) {
    if ($(`figure[data-camera="${CSS.escape(c.id)}"]`, box)) continue;
    const fig = el('figure', { 'data-camera': c.id });
    const img = el('img', { alt: `${c.id}, faces and plates blurred` });
    img.onload = () => { fig.classList.remove('noframe'); fig.dataset.loaded = String(Number(fig.dataset.loaded || 0) + 1); };
    img.onerror = () => fig.classList.add('noframe');
    fig.append(img, el('figcaption', {}, c.id));
    box.append(fig);
  }
}
function refreshFrames() {
  for (const img of document.querySelectorAll('#frames figure img')) {
    const id = img.parentElement.dataset.camera;
    img.src = `/api/cameras/${encodeURIComponent(id)}/frame?n=${Date.now()}`;
  }
}
if (framesOn) setInterval(refreshFrames, 2000); // the node blurs a camera's frames only while they are asked for

function updateSimulation(sim) {
  const s = $('#sim');
  if (!sim) { s.textContent = ''; return; }
  s.textContent = `SUMO t ${fmt(sim.seconds, 1)} s · ${sim.vehicles} vehicles · ${sim.tripsArrived} trips done · mean time loss ${fmt(sim.meanTimeLossSeconds, 1)} s`;
  s.dataset.seconds = String(sim.seconds);
}

// ---- live ----
function onSnapshot(snap) {
  state.snapshots++;
  const now = Date.parse(snap.at);
  $('#clock').textContent = `${zoned(now, true)} ${state.zone}`;
  const live = $('#live');
  live.textContent = 'live'; live.className = 'badge ok'; live.dataset.snapshots = state.snapshots;
  updateMap(snap.intersections);
  updateCards(snap.intersections, now);
  updateCluster(snap.cluster);
  updateAlarms(snap.alarms);
  updateCameras(snap.cameras);
  updateFrames(snap.cameras);
  updateSimulation(snap.simulation);
}

async function start() {
  state.map = await (await fetch('/api/map')).json();
  state.zone = state.map.timeZone || 'UTC';
  drawMap(state.map);
  // Seed the plots with the history the node kept, then follow the stream.
  const list = await (await fetch('/api/intersections')).json();
  for (const x of list) remember(await (await fetch(`/api/intersections/${encodeURIComponent(x.id)}?audit=0`)).json());
  const events = new EventSource('/api/events');
  events.addEventListener('snapshot', e => onSnapshot(JSON.parse(e.data)));
  events.onerror = () => { const live = $('#live'); live.textContent = 'reconnecting'; live.className = 'badge bad'; };
}

start().catch(e => { const live = $('#live'); live.textContent = 'error: ' + e.message; live.className = 'badge bad'; });
