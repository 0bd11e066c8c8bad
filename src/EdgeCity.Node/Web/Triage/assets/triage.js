'use strict';
// The triage page: findings from /api/findings on a canvas map (equirectangular, north up, fitted to the site's area
// or to the findings), a table, a detail panel with the thumbnail, and marking a finding checked. Polls every 3 s.
(() => {
  const colours = { person: '#d62728', vehicle: '#1f77b4', 'blocked-road': '#ff7f0e', 'damaged-building': '#7f3fbf' };
  const canvas = document.getElementById('map');
  const ctx = canvas.getContext('2d');
  const area = (document.body.dataset.area || '').split(',').filter(x => x !== '').map(Number);
  let findings = [];
  let shown = [];
  let selected = null;
  let frame = null;
  // Times read in the site's time zone (the API and exports keep UTC).
  const zone = document.body.dataset.zone || 'UTC';
  const zoned = iso => {
    if (!iso) { return '–'; }
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(iso)).map(x => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${zone}`;
  };

  const filters = () => {
    const kinds = [...document.querySelectorAll('#filters input[name=kind]:checked')].map(i => i.value);
    const min = Number(document.getElementById('min-confidence').value);
    const hideChecked = document.getElementById('hide-checked').checked;
    return { kinds, min, hideChecked };
  };

  const visible = f => {
    const { kinds, min, hideChecked } = filters();
    return kinds.includes(f.kind) && f.confidence >= min && !(hideChecked && f.checkedAt);
  };

  // The map frame: the site's area, else the findings' bounds with a margin; metres per degree of longitude shrink with latitude.
  const fit = placed => {
    let [s, w, n, e] = area.length === 4 ? area : [Infinity, Infinity, -Infinity, -Infinity];
    if (area.length !== 4) {
      for (const f of placed) { s = Math.min(s, f.latitude); n = Math.max(n, f.latitude); w = Math.min(w, f.longitude); e = Math.max(e, f.longitude); }
      if (!isFinite(s)) { return null; }
      const padLat = Math.max((n - s) * 0.1, 0.0002), padLon = Math.max((e - w) * 0.1, 0.0002);
      s -= padLat; n += padLat; w -= padLon; e += padLon;
    }
    const k = Math.cos(((s + n) / 2) * Math.PI / 180);
    const spanX = (e - w) * k, spanY = n - s;
    const scale = Math.min(canvas.width / spanX, canvas.height / spanY);
    const ox = (canvas.width - spanX * scale) / 2, oy = (canvas.height - spanY * scale) / 2;
    return { s, w, n, e, k, scale, ox, oy };
  };

  const project = (f, fr) => [fr.ox + (f.longitude - fr.w) * fr.k * fr.scale, fr.oy + (fr.n - f.latitude) * fr.scale];

  const draw = () => {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const placed = shown.filter(f => f.latitude != null && f.longitude != null);
    frame = fit(area.length === 4 ? [] : placed);
    if (!frame) { document.getElementById('scale').textContent = 'no positions yet'; return; }
    // A grid every "round" number of metres and a scale bar: the distances a team walks.
    const metresPerPixel = 111320 / frame.scale;
    const step = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find(m => m / metresPerPixel >= 60) || 10000;
    ctx.strokeStyle = '#d5dcd2'; ctx.lineWidth = 1;
    for (let x = frame.ox % (step / metresPerPixel); x < canvas.width; x += step / metresPerPixel) { ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, canvas.height); ctx.stroke(); }
    for (let y = frame.oy % (step / metresPerPixel); y < canvas.height; y += step / metresPerPixel) { ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(canvas.width, y); ctx.stroke(); }
    document.getElementById('scale').textContent = `grid ${step} m · north up`;
    for (const f of placed) {
      const [x, y] = project(f, frame);
      ctx.beginPath(); ctx.arc(x, y, f.id === selected ? 8 : 5, 0, 2 * Math.PI);
      ctx.fillStyle = colours[f.kind] || '#444'; ctx.globalAlpha = 0.35 + 0.65 * f.confidence; ctx.fill(); ctx.globalAlpha = 1;
      if (f.checkedAt) { ctx.strokeStyle = '#2ca02c'; ctx.lineWidth = 2; ctx.stroke(); }
      if (f.id === selected) { ctx.strokeStyle = '#000'; ctx.lineWidth = 2; ctx.stroke(); }
    }
    canvas.dataset.drawn = String(placed.length);
  };

  const table = () => {
    const body = document.querySelector('#findings tbody');
    body.replaceChildren(...shown.map(f => {
      const tr = document.createElement('tr');
      tr.dataset.finding = f.id;
      if (f.id === selected) { tr.classList.add('selected'); }
      if (f.checkedAt) { tr.classList.add('checked'); }
      const where = f.latitude != null ? `${f.latitude.toFixed(5)}, ${f.longitude.toFixed(5)} (${f.position})` : 'no position';
      for (const text of [f.kind, f.confidence.toFixed(2), where, `${f.source.split('/').pop()}${f.frame ? ' #' + f.frame : ''}`, f.checkedAt ? `✓ ${f.checkedBy || ''}` : '']) {
        const td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
      }
      tr.addEventListener('click', () => select(f.id));
      return tr;
    }));
    const unplaced = shown.filter(f => f.latitude == null).length;
    document.getElementById('unplaced').textContent = unplaced ? `${unplaced} shown finding(s) have no position (listed, not on the map)` : '';
  };

  const detail = () => {
    const f = findings.find(x => x.id === selected);
    const panel = document.getElementById('detail');
    panel.hidden = !f;
    if (!f) { return; }
    document.getElementById('detail-title').textContent = `${f.kind} · ${f.label} · ${f.confidence.toFixed(2)}`;
    const img = document.getElementById('thumb');
    const src = `/api/findings/${encodeURIComponent(f.id)}/thumbnail`;
    if (img.getAttribute('src') !== src) { img.src = src; }
    const fields = { id: f.id, position: f.latitude != null ? `${f.latitude.toFixed(6)}, ${f.longitude.toFixed(6)} (${f.position})` : 'none', time: zoned(f.time), source: f.source, frame: f.frame, box: f.node, checked: f.checkedAt ? `${zoned(f.checkedAt)} by ${f.checkedBy}` : 'not yet' };
    document.getElementById('detail-fields').replaceChildren(...Object.entries(fields).flatMap(([k, v]) => {
      const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = String(v); return [dt, dd];
    }));
  };

  const select = id => { selected = id; render(); };

  const render = () => {
    shown = findings.filter(visible);
    document.getElementById('count').textContent = String(findings.length);
    document.getElementById('shown').textContent = String(shown.length);
    document.getElementById('min-value').textContent = Number(document.getElementById('min-confidence').value).toFixed(2);
    const { kinds, min } = filters();
    const query = `?minConfidence=${min}` + (kinds.length === 1 ? `&kind=${kinds[0]}` : '');
    for (const fmt of ['geojson', 'csv', 'kml']) { document.getElementById(`export-${fmt}`).href = `/api/findings/export.${fmt}${query}`; }
    draw(); table(); detail();
  };

  canvas.addEventListener('click', ev => {
    if (!frame) { return; }
    const r = canvas.getBoundingClientRect();
    const x = (ev.clientX - r.left) * canvas.width / r.width, y = (ev.clientY - r.top) * canvas.height / r.height;
    let best = null, bestD = 144;
    for (const f of shown.filter(f => f.latitude != null)) {
      const [fx, fy] = project(f, frame); const d = (fx - x) ** 2 + (fy - y) ** 2;
      if (d < bestD) { best = f; bestD = d; }
    }
    if (best) { select(best.id); }
  });

  document.getElementById('filters').addEventListener('input', render);
  const token = document.getElementById('token');
  token.value = sessionStorage.getItem('edgecity-token') || '';
  document.getElementById('check').addEventListener('click', async () => {
    sessionStorage.setItem('edgecity-token', token.value);
    const result = document.getElementById('check-result');
    const r = await fetch(`/api/findings/${encodeURIComponent(selected)}/check`, { method: 'POST', headers: { Authorization: `Bearer ${token.value}` } });
    result.textContent = r.ok ? 'marked checked' : `not marked: ${(await r.json()).title || r.status}`;
    await refresh();
  });

  const refresh = async () => {
    try {
      const [list, status] = await Promise.all([fetch('/api/findings').then(r => r.json()), fetch('/api/assessment/status').then(r => r.json())]);
      findings = list.findings;
      document.getElementById('inbox').textContent = `${status.inbox.assessed} assessed, ${status.inbox.failed} failed`;
      const post = status.links.find(l => l.role === 'command-post');
      document.getElementById('post').textContent = post ? `${post.waiting} waiting, ${post.inFlight} sent, ${post.acknowledged} acknowledged${post.lastError ? ' · ' + post.lastError : ''}` : 'none';
      document.getElementById('updated').textContent = `updated ${zoned(new Date().toISOString())}`;
      document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
      render();
    } catch (e) {
      document.getElementById('updated').textContent = `not updated: ${e}`;
    }
  };

  refresh();
  setInterval(refresh, 3000);
})();
