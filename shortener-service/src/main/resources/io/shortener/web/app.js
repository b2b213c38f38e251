// The shortener web page: talks only to this service's public API, with the key the person enters
// (kept in this tab's sessionStorage). Two views, chosen by the address's hash: #/ and #/links/{code}.
'use strict';

const KEY = 'shortener.apiKey';
const $ = (id) => document.getElementById(id);

function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (apiKey()) {
    headers.Authorization = 'Bearer ' + apiKey();
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { message: text };
  }
  if (!response.ok) {
    const message = body && body.message ? body.message : response.status + ' ' + response.statusText;
    throw new Error(message);
  }
  return body;
}

function renderKeyState() {
  $('key-state').textContent = apiKey() ? 'A key is in use for this tab.' : 'Enter an API key to make links and see their stats.';
}

// The account's links, a page at a time (GET /api/v1/links): the filter of the list shown, and the cursor
// of its next page (null after the last).
const listing = { q: '', tag: '', cursor: null };

async function loadLinks(more) {
  $('links-error').textContent = '';
  if (!apiKey()) {
    $('links').tBodies[0].replaceChildren();
    $('links-empty').hidden = false;
    $('more').hidden = true;
    return;
  }
  const params = new URLSearchParams({ limit: '25' });
  if (listing.q) {
    params.set('q', listing.q);
  }
  if (listing.tag) {
    params.set('tag', listing.tag);
  }
  if (more && listing.cursor) {
    params.set('cursor', listing.cursor);
  }
  try {
    const page = await api('/api/v1/links?' + params);
    if (!more) {
      $('links').tBodies[0].replaceChildren();
    }
    page.links.forEach(addRow);
    listing.cursor = page.nextCursor;
    $('links-empty').hidden = $('links').tBodies[0].rows.length > 0;
    $('more').hidden = !page.nextCursor;
  } catch (e) {
    $('links-error').textContent = 'Links not listed: ' + e.message;
  }
}

function addRow(link) {
  const row = $('links').tBodies[0].insertRow();
  row.dataset.code = link.code;
  const short = document.createElement('a');
  short.href = link.shortUrl;
  short.textContent = link.shortUrl;
  row.insertCell().append(short);
  const target = row.insertCell();
  target.className = 'target';
  if (link.title) {
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = link.title;
    target.append(title);
  }
  target.append(link.url);
  const tags = row.insertCell();
  for (const tag of link.tags || []) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'tag';
    chip.textContent = tag;
    chip.setAttribute('aria-label', 'Show the links tagged ' + tag);
    chip.addEventListener('click', () => filter('', tag));
    tags.append(chip);
  }
  row.insertCell().textContent = link.createdAt ? new Date(link.createdAt).toLocaleString() : '';
  const stats = document.createElement('a');
  stats.href = '#/links/' + encodeURIComponent(link.code);
  stats.textContent = 'Stats';
  stats.setAttribute('aria-label', 'Stats of ' + link.code);
  row.insertCell().append(stats);
}

function filter(q, tag) {
  $('filter-q').value = q;
  $('filter-tag').value = tag;
  listing.q = q;
  listing.tag = tag;
  listing.cursor = null;
  loadLinks(false);
}

async function create(event) {
  event.preventDefault();
  $('create-error').textContent = '';
  const request = { url: $('url').value.trim() };
  if ($('alias').value.trim()) {
    request.alias = $('alias').value.trim();
  }
  if ($('expires').value) {
    request.expiresAt = new Date($('expires').value).toISOString();
  }
  if ($('redirect-type').value) {
    request.redirectType = Number($('redirect-type').value);
  }
  if ($('title').value.trim()) {
    request.title = $('title').value.trim();
  }
  const tags = $('tags').value.split(',').map((tag) => tag.trim()).filter((tag) => tag);
  if (tags.length) {
    request.tags = tags;
  }
  $('shorten').disabled = true;
  try {
    const link = await api('/api/v1/links', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request),
    });
    showResult(link);
    filter('', '');
    $('create-form').reset();
  } catch (e) {
    $('create-error').textContent = 'Not shortened: ' + e.message;
  } finally {
    $('shorten').disabled = false;
  }
}

function showResult(link) {
  $('result').hidden = false;
  $('result-link').href = link.shortUrl;
  $('result-link').textContent = link.shortUrl;
  $('result-stats').href = '#/links/' + encodeURIComponent(link.code);
  $('result-qr').src = '/api/v1/links/' + encodeURIComponent(link.code) + '/qr?format=svg&size=192';
  $('result-qr').alt = 'QR code of ' + link.shortUrl;
  $('copy-state').textContent = '';
  $('result-link').focus();
}

async function copy() {
  const text = $('result-link').textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    // No clipboard permission (an old browser, an insecure origin): select the text for Ctrl+C instead.
    const range = document.createRange();
    range.selectNodeContents($('result-link'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    $('copy-state').textContent = 'Selected: press Ctrl+C to copy.';
    return;
  }
  $('copy-state').textContent = 'Copied ' + text;
}

async function showStats(code) {
  $('stats-title').textContent = 'Stats of ' + code;
  $('stats-error').textContent = '';
  try {
    const link = await api('/api/v1/links/' + encodeURIComponent(code));
    $('stats-target').textContent = link.shortUrl + ' \u2192 ' + link.url;
    const stats = await api('/api/v1/links/' + encodeURIComponent(code) + '/stats');
    const totals = stats.totals;
    $('stats-totals').textContent = plural(totals.clicks, 'click') + ' (' + totals.humanClicks + ' by people, ' + totals.botClicks
      + ' by bots), ' + plural(totals.uniqueVisitors, 'unique visitor');
    $('stats-totals').dataset.clicks = totals.clicks;
    drawChart(stats.series);
    fillTop('top-referrers', stats.top.referrers, '(direct)');
    fillTop('top-countries', stats.top.countries, '(unknown)');
    fillTop('top-devices', stats.top.devices, '(unknown)');
  } catch (e) {
    $('stats-error').textContent = 'No stats: ' + e.message;
  }
}

function plural(count, noun) {
  return count + ' ' + noun + (count === 1 ? '' : 's');
}

function drawChart(series) {
  const svg = $('chart');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  const width = 700;
  const height = 200;
  const max = Math.max(1, ...series.map((point) => point.clicks));
  const step = width / Math.max(1, series.length);
  series.forEach((point) => {
    if (point.clicks === 0) {
      return;
    }
    const bar = document.createElementNS(ns, 'rect');
    const barHeight = (point.clicks / max) * (height - 10);
    bar.setAttribute('class', 'bar');
    bar.setAttribute('x', String(series.indexOf(point) * step));
    bar.setAttribute('y', String(height - barHeight));
    bar.setAttribute('width', String(Math.max(1, step - 1)));
    bar.setAttribute('height', String(barHeight));
    bar.dataset.clicks = point.clicks;
    const title = document.createElementNS(ns, 'title');
    title.textContent = point.clicks + ' clicks in the hour from ' + point.start;
    bar.append(title);
    svg.append(bar);
  });
  const axis = document.createElementNS(ns, 'line');
  axis.setAttribute('class', 'axis');
  axis.setAttribute('x1', '0');
  axis.setAttribute('x2', String(width));
  axis.setAttribute('y1', String(height - 0.5));
  axis.setAttribute('y2', String(height - 0.5));
  svg.append(axis);
  const total = series.reduce((sum, point) => sum + point.clicks, 0);
  const busiest = series.reduce((best, point) => (point.clicks > best.clicks ? point : best), { clicks: 0 });
  $('chart-summary').textContent = total === 0 ? 'No clicks yet in these seven days.'
    : plural(total, 'click') + ' in these seven days; the busiest hour, from ' + busiest.start + ', had ' + busiest.clicks + '.';
}

function fillTop(id, entries, blank) {
  const list = $(id);
  list.replaceChildren();
  for (const entry of entries) {
    const item = document.createElement('li');
    item.textContent = (entry.value || blank) + ': ' + entry.clicks;
    list.append(item);
  }
  if (entries.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'None yet';
    list.append(item);
  }
}

function route() {
  const match = location.hash.match(/^#\/links\/([^/]+)$/);
  $('home-view').hidden = Boolean(match);
  $('stats-view').hidden = !match;
  if (match) {
    showStats(decodeURIComponent(match[1]));
    $('stats-title').focus();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('stats-title').tabIndex = -1;
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('api-key').value.trim());
    $('api-key').value = '';
    renderKeyState();
    filter('', '');
  });
  $('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    renderKeyState();
    loadLinks(false);
  });
  $('create-form').addEventListener('submit', create);
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    filter($('filter-q').value.trim(), $('filter-tag').value.trim());
  });
  $('more').addEventListener('click', () => loadLinks(true));
  $('copy').addEventListener('click', copy);
  $('refresh').addEventListener('click', () => route());
  window.addEventListener('hashchange', route);
  renderKeyState();
  loadLinks(false);
  route();
});
