/**
 * The analyst's page: filters → GET /events (map + list) and GET /stats (timeline); the event
 * panel; live updates from GET /stream (server-sent events) with polling as a fallback.
 */
import { SUB_EVENT_TYPES, type EventType } from '../model/taxonomy.js';
import { getAudit, getStats, listEvents, postReport, query, type Filters, type StoredEvent } from './api.js';
import { EVENT_TYPES, colorOf } from './colors.js';
import { byId, h, replaceChildren } from './dom.js';
import { EventMap } from './map.js';
import { EventPanel } from './panel.js';
import { Timeline } from './timeline.js';
import './style.css';

/** Events fetched for the map and list before asking the analyst to narrow the filters. */
const MAX_SHOWN = 2000;
const PAGE = 1000;

const form = byId<HTMLFormElement>('filters');
const rows = byId('event-rows');
const moreBtn = byId<HTMLButtonElement>('btn-more');
const reviewer = byId<HTMLInputElement>('reviewer');

let events: StoredEvent[] = [];
let nextCursor: string | null = null;
let loadSeq = 0;

const panel = new EventPanel(() => scheduleRefresh(0));
const map = new EventMap(byId('map'), (id) => void panel.open(id));
const timeline = new Timeline(byId('timeline'), (range) => {
  field('date_from').value = range?.[0] ?? '';
  field('date_to').value = range?.[1] ?? '';
  void reload(false);
});

function field(name: string): HTMLInputElement | HTMLSelectElement {
  return form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
}

/** The filters as API query parameters. */
function currentFilters(): Filters {
  const f: Filters = {};
  for (const k of ['date_from', 'date_to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'q', 'status'] as const) {
    const v = field(k).value.trim();
    if (v) f[k] = v;
  }
  if ((field('in_view') as HTMLInputElement).checked) f.bbox = map.bbox();
  return f;
}

/** True while the page restores a view from the address (Back/Forward): no new history entry. */
let restoring = true;

/**
 * Keep the filters in the address so a view can be bookmarked or shared; a changed filter is a
 * new history entry, so Back returns to the previous view (moving the map alone is not).
 */
function syncUrl(f: Filters): void {
  const url = `${location.pathname}${query(f)}`;
  if (url === `${location.pathname}${location.search}`) return;
  const { bbox: _now, ...rest } = f;
  const before = new URLSearchParams(location.search);
  before.delete('bbox');
  const sameButMap = query(rest) === (before.toString() ? `?${before.toString()}` : '');
  if (restoring || sameButMap) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

window.addEventListener('popstate', () => {
  restoring = true;
  form.reset();
  restoreFromUrl();
  fillSubTypes();
  restoreFromUrl();
  void reload(true).finally(() => (restoring = false));
});

function restoreFromUrl(): void {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params) {
    const el = form.elements.namedItem(k);
    if (el && k !== 'bbox' && !(el instanceof RadioNodeList)) (el as HTMLInputElement).value = v;
  }
}

function fillSelects(): void {
  const type = field('event_type') as HTMLSelectElement;
  for (const t of EVENT_TYPES) type.appendChild(h('option', { value: t }, t));
  fillSubTypes();
  type.addEventListener('change', () => {
    fillSubTypes();
    void reload(true);
  });
  const legend = byId('legend');
  for (const t of EVENT_TYPES) legend.appendChild(h('span', { class: 'key' }, h('i', { style: `background:${colorOf(t)}` }), t));
}

function fillSubTypes(): void {
  const sub = field('sub_event_type') as HTMLSelectElement;
  const type = field('event_type').value as EventType | '';
  const keep = sub.value;
  const subs = type ? SUB_EVENT_TYPES[type] : EVENT_TYPES.flatMap((t) => SUB_EVENT_TYPES[t]);
  replaceChildren(sub, h('option', { value: '' }, 'any'), ...subs.map((s) => h('option', { value: s }, s)));
  if ((subs as readonly string[]).includes(keep)) sub.value = keep;
}

async function fillCountries(): Promise<void> {
  const sel = field('country') as HTMLSelectElement;
  const keep = sel.value || new URLSearchParams(location.search).get('country') || '';
  const stats = await getStats({});
  const names = stats.by_country.map((c) => c.country).filter(Boolean);
  if (keep && !names.includes(keep)) names.push(keep);
  replaceChildren(sel, h('option', { value: '' }, 'any'), ...names.sort().map((c) => h('option', { value: c }, c)));
  sel.value = keep;
}

/** "location, admin1, country" without repeats ("Kabul, Kabul, Afghanistan" → "Kabul, Afghanistan"). */
function placeLabel(e: StoredEvent): string {
  const parts: string[] = [];
  for (const p of [e.location, e.admin1, e.country]) if (p && !parts.includes(p)) parts.push(p);
  return parts.join(', ');
}

function row(e: StoredEvent): HTMLTableRowElement {
  const actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
  const tr = h(
    'tr',
    { tabindex: 0, 'data-id': e.event_id, class: `ev-row status-${e.status}`, 'aria-label': `${e.event_date} ${e.sub_event_type} in ${e.location ?? e.country}` },
    h('td', {}, e.event_date),
    h('td', {}, h('span', { class: 'dot', style: `background:${colorOf(e.event_type)}` }), e.sub_event_type),
    h('td', {}, placeLabel(e)),
    h('td', {}, actors || '—'),
    h('td', { class: 'num' }, e.fatalities),
    h('td', {}, h('span', { class: `status status-${e.status}` }, e.status)),
  );
  tr.addEventListener('click', () => void panel.open(e.event_id));
  return tr;
}

// Keyboard: Enter/Space opens, arrows move between rows.
rows.addEventListener('keydown', (ev) => {
  const tr = (ev.target as HTMLElement).closest('tr');
  if (!tr) return;
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    void panel.open(tr.dataset.id!);
  } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const next = (ev.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLElement | null;
    next?.focus();
  }
});

function renderList(): void {
  replaceChildren(rows, ...events.map(row));
  if (events.length === 0) rows.appendChild(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No events match the filters.')));
  moreBtn.hidden = !nextCursor;
}

/** Fetch events for the filters (up to MAX_SHOWN), then redraw map, list and timeline. */
async function reload(fit: boolean): Promise<void> {
  const seq = ++loadSeq;
  const f = currentFilters();
  syncUrl(f);
  if (f.date_from && f.date_to && f.date_from > f.date_to) {
    const message = `the From date ${f.date_from} is after the To date ${f.date_to}`;
    events = [];
    replaceChildren(rows, h('tr', {}, h('td', { colspan: 6, class: 'error' }, message)));
    byId('counts').textContent = '—';
    toast(message, true);
    document.body.dataset.loaded = String(seq);
    return;
  }
  const { date_from, date_to, ...undated } = f;
  try {
    const dated = Boolean(date_from || date_to);
    const [page, stats, filtered] = await Promise.all([listEvents(f, PAGE), getStats(undated), dated ? getStats(f) : null]);
    const allStats = filtered ?? stats;
    if (seq !== loadSeq) return;
    events = page.events;
    nextCursor = page.next_cursor;
    while (nextCursor && events.length < MAX_SHOWN) {
      const more = await listEvents(f, PAGE, nextCursor);
      if (seq !== loadSeq) return;
      events = events.concat(more.events);
      nextCursor = more.next_cursor;
    }
    renderList();
    map.setEvents(events, fit);
    timeline.update(stats, date_from && date_to ? [date_from, date_to] : null);
    byId('counts').textContent = `${allStats.events} events · ${allStats.incidents} incidents · ${allStats.reports} reports`;
    byId('list-note').textContent =
      allStats.events > events.length ? `showing ${events.length} of ${allStats.events}; narrow the filters to see the rest` : `${events.length} shown`;
    const exportQuery = query(f);
    byId<HTMLAnchorElement>('export-link').href = `./export.csv${exportQuery}`;
    byId<HTMLAnchorElement>('export-geojson').href = `./export.geojson${exportQuery}`;
    byId<HTMLAnchorElement>('export-jsonl').href = `./export.jsonl${exportQuery}`;
    document.body.dataset.loaded = String(seq);
  } catch (err) {
    if (seq !== loadSeq) return;
    // The list must not pass for the answer to filters the server refused.
    const message = (err as Error).message;
    events = [];
    nextCursor = null;
    replaceChildren(rows, h('tr', {}, h('td', { colspan: 6, class: 'error' }, `Could not load events: ${message}`)));
    moreBtn.hidden = true;
    map.setEvents([], false);
    byId('counts').textContent = '—';
    byId('list-note').textContent = 'fix the filters above';
    toast(`Could not load events: ${message}`, true);
    document.body.dataset.loaded = String(seq);
  }
}

moreBtn.addEventListener('click', async () => {
  if (!nextCursor) return;
  const more = await listEvents(currentFilters(), PAGE, nextCursor);
  events = events.concat(more.events);
  nextCursor = more.next_cursor;
  renderList();
  map.setEvents(events);
});

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  void reload(true);
});
form.addEventListener('reset', () => {
  setTimeout(() => {
    fillSubTypes();
    void reload(true);
  }, 0);
});
for (const name of ['country', 'sub_event_type', 'status', 'date_from', 'date_to']) field(name).addEventListener('change', () => void reload(name === 'country'));
field('in_view').addEventListener('change', () => void reload(false));
map.map.on('moveend', () => {
  if ((field('in_view') as HTMLInputElement).checked) void reload(false);
});

// Reviewer name is remembered on this machine.
reviewer.value = localStorage.getItem('sitrep.reviewer') ?? '';
reviewer.addEventListener('change', () => localStorage.setItem('sitrep.reviewer', reviewer.value.trim()));

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string, error = false): void {
  const el = byId('toast');
  el.textContent = message;
  el.className = error ? 'toast error' : 'toast';
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 5000);
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
/** Coalesce bursts of live messages into one reload. */
function scheduleRefresh(ms = 400): void {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    void reload(false);
    void fillCountries();
    void panel.refresh();
  }, ms);
}

/** Live updates: SSE; if the stream keeps failing, poll /stats every 10 s instead. */
function live(): void {
  let failures = 0;
  let lastCount = -1;
  const poll = async () => {
    try {
      const s = await getStats({});
      const n = s.events * 1_000_003 + s.reports;
      if (lastCount >= 0 && n !== lastCount) scheduleRefresh();
      lastCount = n;
    } catch {
      /* try again later */
    }
  };
  const es = new EventSource('./stream');
  es.addEventListener('open', () => (failures = 0));
  es.addEventListener('events', (ev) => {
    const msg = JSON.parse((ev as MessageEvent).data) as { event_ids?: string[] };
    toast(`${msg.event_ids?.length ?? 0} new event(s)`);
    scheduleRefresh();
  });
  for (const type of ['review', 'incidents', 'changed']) es.addEventListener(type, () => scheduleRefresh());
  es.addEventListener('error', () => {
    if (++failures === 5) {
      es.close();
      setInterval(() => void poll(), 10_000);
    }
  });
}

// Add a report.
const addDialog = byId<HTMLDialogElement>('add-dialog');
const addForm = byId<HTMLFormElement>('add-form');
byId('btn-add').addEventListener('click', () => {
  byId('add-msg').textContent = '';
  addDialog.showModal();
});
byId('add-cancel').addEventListener('click', () => addDialog.close());
addForm.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const data = new FormData(addForm);
  const text = String(data.get('text') ?? '').trim();
  const url = String(data.get('url') ?? '').trim();
  const body: Parameters<typeof postReport>[0] = text ? { text } : { url };
  const published = String(data.get('published') ?? '');
  const source = String(data.get('source') ?? '').trim();
  if (published) body.published = published;
  if (source) body.source = source;
  const msg = byId('add-msg');
  if (!text && !url) {
    msg.textContent = 'Paste a text or give a URL.';
    return;
  }
  msg.textContent = 'Extracting…';
  try {
    const res = await postReport(body);
    msg.textContent = res.inserted ? `Stored ${res.events.length} event(s).` : 'This report was already stored; nothing changed.';
    if (res.inserted) addForm.reset();
    scheduleRefresh(0);
  } catch (err) {
    msg.textContent = `Error: ${(err as Error).message}`;
  }
});

// Audit log.
const auditDialog = byId<HTMLDialogElement>('audit-dialog');
byId('btn-audit').addEventListener('click', async () => {
  const body = byId('audit-body');
  replaceChildren(body, 'Loading…');
  auditDialog.showModal();
  try {
    const { entries } = await getAudit(100);
    replaceChildren(
      body,
      entries.length === 0
        ? h('p', {}, 'No review changes yet.')
        : h(
            'table',
            { class: 'audit' },
            h('thead', {}, h('tr', {}, h('th', {}, 'when'), h('th', {}, 'who'), h('th', {}, 'action'), h('th', {}, 'target'), h('th', {}, 'change'), h('th', {}, 'comment'))),
            h(
              'tbody',
              {},
              ...entries.map((a) =>
                h('tr', {}, h('td', {}, a.at), h('td', {}, a.reviewer), h('td', {}, a.action), h('td', {}, a.target), h('td', { class: 'diff' }, describeChange(a)), h('td', {}, a.comment ?? '')),
              ),
            ),
          ),
    );
  } catch (err) {
    replaceChildren(body, `Could not load the audit log: ${(err as Error).message}`);
  }
});
byId('audit-close').addEventListener('click', () => auditDialog.close());

/** What an audit entry changed, in words for merges and splits, as a field diff otherwise. */
function describeChange(a: { action: string; target: string; before: unknown; after: unknown }): string {
  const idOf = (x: unknown) => (x && typeof x === 'object' && 'incident_id' in x ? String((x as { incident_id: unknown }).incident_id) : '?');
  if (a.action === 'merge' && a.before && typeof a.before === 'object') {
    const b = a.before as { incident?: unknown; other?: unknown };
    return `merged ${idOf(b.other)} into ${idOf(b.incident)}`;
  }
  if (a.action === 'split' && a.after && typeof a.after === 'object') {
    const x = a.after as { incident?: unknown; split?: unknown };
    return `split out of ${idOf(x.incident)} into the new incident ${idOf(x.split)}`;
  }
  return diff(a.before, a.after);
}

/** "field: before → after" for the fields that differ. */
function diff(before: unknown, after: unknown): string {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return `${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((k) => `${k}: ${JSON.stringify(b[k])} → ${JSON.stringify(a[k])}`).join('; ');
}

fillSelects();
restoreFromUrl();
fillSubTypes();
restoreFromUrl();
void fillCountries()
  .then(() => reload(true))
  .finally(() => (restoring = false));
live();
window.addEventListener('resize', () => map.invalidate());
