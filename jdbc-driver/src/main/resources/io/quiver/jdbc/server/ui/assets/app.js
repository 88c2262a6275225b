// Quiver's web UI: pages drawn from /ui/api JSON, redrawn every second while shown.
'use strict';

const REFRESH_MILLIS = 1000;

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function bytes(n) {
  if (n < 0) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
}

function ms(n) {
  return n >= 1000 ? (n / 1000).toFixed(2) + ' s' : Math.round(n) + ' ms';
}

// From the origin, never from location.href: a page opened as http://user:password@host/ui/ would
// otherwise resolve to URLs with credentials, which fetch refuses; the browser's auth cache covers
// same-origin requests.
const API_BASE = location.origin + location.pathname.replace(/\/[^/]*$/, '/') + 'api/';

async function api(path) {
  const response = await fetch(API_BASE + path, {credentials: 'same-origin', cache: 'no-store'});
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}

function table(id, headers, rows) {
  return '<table id="' + id + '"><thead><tr>' + headers.map(h => '<th>' + esc(h) + '</th>').join('')
      + '</tr></thead><tbody>' + rows.join('') + '</tbody></table>';
}

async function queriesPage() {
  const queries = await api('queries');
  const rows = queries.map(q => '<tr data-query-id="' + esc(q.queryId) + '" data-state="' + esc(q.state) + '">'
      + '<td>' + (q.hasJob ? '<a href="#/job/' + esc(q.queryId) + '">' + esc(q.queryId) + '</a>' : esc(q.queryId))
      + '</td><td class="' + esc(q.state) + '">' + esc(q.state) + '</td><td>' + esc(q.user) + '</td>'
      + '<td class="num">' + ms(q.elapsedMs) + '</td><td class="num">' + ms(q.planningMs) + '</td>'
      + '<td class="num">' + q.rows + '</td><td class="sql">' + esc(q.sql) + '</td>'
      + '<td>' + esc(q.errorCode ? q.errorCode + ' ' + q.errorMessage : '') + '</td></tr>');
  return '<h2>Queries</h2>'
      + table('queries-table', ['Query', 'State', 'User', 'Duration', 'Planning', 'Rows', 'SQL', 'Error'], rows);
}

// The stage DAG: stages in columns by depth (sources to the left), exchanges as arrows.
function dag(job) {
  const byId = new Map(job.stages.map(s => [s.stageId, s]));
  const depth = new Map();
  const depthOf = s => {
    if (depth.has(s.stageId)) return depth.get(s.stageId);
    const d = s.sourceStageIds.reduce((m, id) => byId.has(id) ? Math.max(m, depthOf(byId.get(id)) + 1) : m, 0);
    depth.set(s.stageId, d);
    return d;
  };
  job.stages.forEach(depthOf);
  const rowsAt = new Map();
  const pos = new Map();
  const W = 170, H = 64, GX = 70, GY = 24;
  job.stages.forEach(s => {
    const d = depth.get(s.stageId);
    const row = rowsAt.get(d) || 0;
    rowsAt.set(d, row + 1);
    pos.set(s.stageId, {x: 10 + d * (W + GX), y: 10 + row * (H + GY)});
  });
  const width = 20 + (Math.max(0, ...depth.values()) + 1) * (W + GX);
  const height = 20 + Math.max(1, ...rowsAt.values()) * (H + GY);
  let svg = '<svg id="dag" width="' + width + '" height="' + height + '">'
      + '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8"'
      + ' orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>';
  job.stages.forEach(s => s.sourceStageIds.forEach(id => {
    if (!pos.has(id)) return;
    const a = pos.get(id), b = pos.get(s.stageId);
    svg += '<path class="edge" data-from="' + id + '" data-to="' + s.stageId + '" d="M' + (a.x + W) + ',' + (a.y + H / 2)
        + ' C' + (a.x + W + GX / 2) + ',' + (a.y + H / 2) + ' ' + (b.x - GX / 2) + ',' + (b.y + H / 2) + ' '
        + b.x + ',' + (b.y + H / 2) + '"/>';
  }));
  job.stages.forEach(s => {
    const p = pos.get(s.stageId);
    svg += '<a href="#/stage/' + esc(job.jobId) + '/' + s.stageId + '"><g class="stage ' + esc(s.state)
        + '" data-stage-id="' + s.stageId + '"><rect x="' + p.x + '" y="' + p.y + '" width="' + W + '" height="' + H
        + '" rx="6"/><text x="' + (p.x + 8) + '" y="' + (p.y + 18) + '">Stage ' + s.stageId + ' · ' + esc(s.state)
        + '</text><text x="' + (p.x + 8) + '" y="' + (p.y + 36) + '">' + s.succeededTasks + '/' + s.partitions
        + ' tasks (' + s.runningTasks + ' running)</text><text x="' + (p.x + 8) + '" y="' + (p.y + 54) + '">'
        + s.outputRows + ' rows out</text></g></a>';
  });
  return svg + '</svg>';
}

async function jobPage(jobId) {
  const job = await api('jobs/' + encodeURIComponent(jobId));
  const stages = job.stages.map(s => '<tr data-stage-id="' + s.stageId + '"><td><a href="#/stage/' + esc(job.jobId)
      + '/' + s.stageId + '">' + s.stageId + '</a></td><td class="' + esc(s.state) + '">' + esc(s.state) + '</td>'
      + '<td class="num">' + s.succeededTasks + '/' + s.partitions + '</td><td class="num">' + s.tasks + '</td>'
      + '<td class="num">' + ms(s.durationMs) + '</td><td class="num">' + s.inputRows + '</td><td class="num">'
      + s.outputRows + '</td><td class="num">' + bytes(s.shuffleReadBytes) + '</td><td class="num">'
      + bytes(s.shuffleWriteBytes) + '</td><td class="num">' + bytes(s.spillBytes) + '</td><td class="num">'
      + bytes(s.peakMemoryBytes) + '</td></tr>');
  return '<h2>Job ' + esc(job.jobId) + ' <span id="job-state" class="' + esc(job.state) + '">' + esc(job.state)
      + '</span></h2><p>' + ms(job.elapsedMs) + ', ' + job.stages.length + ' of ' + job.stageCount + ' stages submitted'
      + (job.errorCode ? ', error ' + esc(job.errorCode + ' ' + job.errorMessage) : '') + '</p>'
      + '<pre class="sql">' + esc(job.sql) + '</pre><h3>Stage DAG</h3>' + dag(job)
      + '<h3>Stages</h3>' + table('stages-table', ['Stage', 'State', 'Tasks done', 'Attempts', 'Duration',
          'Rows in', 'Rows out', 'Shuffle read', 'Shuffle write', 'Spill', 'Peak memory'], stages)
      + '<h3>SQL: plan with per-operator metrics</h3><pre id="plan">' + esc(job.plan || '(no plan recorded)')
      + '</pre>';
}

async function stagePage(jobId, stageId) {
  const stage = await api('jobs/' + encodeURIComponent(jobId) + '/stages/' + stageId);
  const metric = (name, values, format) => '<tr><th>' + esc(name) + '</th>'
      + values.map(v => '<td class="num">' + format(v) + '</td>').join('') + '</tr>';
  const s = stage.summary;
  const summary = [metric('Duration', s.durationMs, ms), metric('Rows in', s.inputRows, String),
    metric('Rows out', s.outputRows, String), metric('Shuffle read', s.shuffleReadBytes, bytes),
    metric('Shuffle write', s.shuffleWriteBytes, bytes), metric('Spill', s.spillBytes, bytes)];
  const tasks = stage.taskList.map(t => '<tr data-partition="' + t.partition + '" data-state="' + esc(t.state)
      + '"><td class="num">' + t.partition + '</td><td class="num">' + t.attempt + '</td><td>' + esc(t.executor)
      + (t.slot >= 0 ? ' · slot ' + t.slot : '')
      + '</td><td class="' + esc(t.state) + '">' + esc(t.state) + '</td><td class="num">' + ms(t.durationMs)
      + '</td><td class="num">' + t.inputRows + '</td><td class="num">' + t.outputRows + '</td><td class="num">'
      + bytes(t.shuffleReadBytes) + '</td><td class="num">' + bytes(t.shuffleWriteBytes) + '</td><td class="num">'
      + bytes(t.spillBytes) + '</td><td class="num">' + bytes(t.peakMemoryBytes) + '</td><td>'
      + esc(t.errorCode) + '</td></tr>');
  return '<h2><a href="#/job/' + esc(stage.jobId) + '">Job ' + esc(stage.jobId) + '</a> · Stage ' + stage.stageId
      + ' <span id="stage-state" class="' + esc(stage.state) + '">' + esc(stage.state) + '</span></h2>'
      + '<h3>Summary of ' + stage.taskList.length + ' tasks</h3>'
      + '<table id="summary-table"><thead><tr><th>Metric</th><th>Min</th><th>25th percentile</th><th>Median</th>'
      + '<th>75th percentile</th><th>Max</th></tr></thead><tbody>' + summary.join('') + '</tbody></table>'
      + '<h3>Tasks</h3>' + table('tasks-table', ['Partition', 'Attempt', 'Executor', 'State', 'Duration', 'Rows in',
          'Rows out', 'Shuffle read', 'Shuffle write', 'Spill', 'Peak memory', 'Error'], tasks);
}

async function executorsPage() {
  const executors = await api('executors');
  const rows = executors.map(e => '<tr data-executor-id="' + esc(e.executorId) + '"><td>' + esc(e.executorId)
      + '</td><td>' + esc(e.address) + '</td><td class="' + (e.state === 'ALIVE' ? 'SUCCEEDED' : 'FAILED') + '">'
      + esc(e.state) + '</td><td class="num">' + e.slots + '</td><td class="num">' + e.runningTasks
      + '</td><td class="num">' + bytes(e.memoryUsedBytes) + ' / ' + bytes(e.memoryLimitBytes) + '</td><td>'
      + new Date(e.lastHeartbeatMillis).toISOString() + '</td></tr>');
  return '<h2>Executors</h2>' + table('executors-table', ['Executor', 'Address', 'State', 'Slots', 'Running tasks',
      'Memory used / limit', 'Last heartbeat'], rows);
}

async function render() {
  const route = (location.hash || '#/').substring(1).split('/').filter(part => part.length > 0);
  let html;
  try {
    if (route[0] === 'job' && route.length === 2) {
      html = await jobPage(decodeURIComponent(route[1]));
    } else if (route[0] === 'stage' && route.length === 3) {
      html = await stagePage(decodeURIComponent(route[1]), route[2]);
    } else if (route[0] === 'executors') {
      html = await executorsPage();
    } else {
      html = await queriesPage();
    }
  } catch (e) {
    html = '<p class="FAILED">' + esc(e.message) + '</p>';
  }
  document.getElementById('page').innerHTML = html;
  document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
}

window.addEventListener('hashchange', render);
render();
setInterval(render, REFRESH_MILLIS);
