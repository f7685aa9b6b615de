/**
 * The event panel: every field with its value, the report text with the evidence spans
 * highlighted, the casualty claims (who said what), the incident's other sources, and review
 * buttons (accept, correct a field, reject). All report text is set as text, never as HTML.
 */
import { ApiError, getEvent, mergeIncidents, reviewEvent, splitEvent, type EventDetail, type StoredEvent } from './api.js';
import { colorOf } from './colors.js';
import { byId, h, replaceChildren } from './dom.js';

/** Field order in the panel: ACLED's column order, then the rest. */
const FIELD_ORDER = [
  'event_id', 'status', 'incident_id', 'doc_id', 'event_date', 'time_precision', 'disorder_type', 'event_type',
  'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'civilian_targeting', 'iso', 'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'notes', 'fatalities', 'fatalities_low', 'fatalities_high', 'confidence',
];

/** Fields an analyst can correct, with how to read the input. */
export const EDITABLE: Record<string, 'text' | 'nullable' | 'int' | 'number' | 'date'> = {
  event_date: 'date',
  time_precision: 'int',
  sub_event_type: 'text',
  actor1: 'nullable',
  assoc_actor_1: 'nullable',
  inter1: 'int',
  actor2: 'nullable',
  assoc_actor_2: 'nullable',
  inter2: 'int',
  country: 'text',
  admin1: 'nullable',
  admin2: 'nullable',
  location: 'nullable',
  latitude: 'number',
  longitude: 'number',
  geo_precision: 'int',
  fatalities: 'int',
  fatalities_low: 'int',
  fatalities_high: 'int',
  notes: 'text',
};

/** A highlighted span of the report text. */
export interface Highlight {
  start: number;
  end: number;
  label: string;
  kind: 'field' | 'claim';
}

/**
 * Split `text` into segments at every highlight boundary; each segment lists the highlights
 * covering it. Spans outside the text or empty are dropped.
 */
export function segments(text: string, spans: Highlight[]): { start: number; end: number; covers: Highlight[] }[] {
  const ok = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...ok.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: { start: number; end: number; covers: Highlight[] }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    out.push({ start, end, covers: ok.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

function display(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** How long a review's "Saved" notice stays in the panel (ms). */
const NOTICE_MS = 8000;

/** The side panel. `onChanged` is called after a review so the list and map refresh. */
export class EventPanel {
  private readonly el = byId('panel');
  private readonly body = byId('panel-body');
  private current: EventDetail | null = null;
  /** The last review saved in this panel, shown again when the panel is redrawn. */
  private notice: { eventId: string; text: string; at: number; focus: boolean } | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly onChanged: (e: StoredEvent) => void) {
    byId('panel-close').addEventListener('click', () => this.close());
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        this.close();
      }
    });
  }

  /** The event shown, or null. */
  get eventId(): string | null {
    return this.current?.event.event_id ?? null;
  }

  /** Open the panel on event `id`. */
  async open(id: string): Promise<void> {
    if (!this.el.contains(document.activeElement)) this.returnFocus = document.activeElement as HTMLElement | null;
    this.el.hidden = false;
    document.body.classList.add('panel-open');
    replaceChildren(this.body, h('p', { class: 'muted' }, 'Loading…'));
    try {
      this.current = await getEvent(id);
      this.render();
    } catch (err) {
      replaceChildren(this.body, h('p', { class: 'error', role: 'alert' }, `Could not load event: ${(err as Error).message}`));
    }
    byId('panel-title').focus();
  }

  /** Reload the shown event (after a live update). */
  async refresh(): Promise<void> {
    if (this.current && !this.el.hidden) {
      try {
        this.current = await getEvent(this.current.event.event_id);
        this.render();
      } catch {
        // The event may have gone (split/merge); keep what is shown.
      }
    }
  }

  /** Close and give focus back to where it was. */
  close(): void {
    this.el.hidden = true;
    document.body.classList.remove('panel-open');
    this.current = null;
    this.returnFocus?.focus();
  }

  private render(): void {
    const d = this.current!;
    const e = d.event;
    byId('panel-title').textContent = `${e.sub_event_type} · ${e.location ?? e.admin1 ?? e.country} · ${e.event_date}`;
    replaceChildren(
      this.body,
      h(
        'div',
        { class: 'badges' },
        h('span', { class: 'type-chip', style: `--c:${colorOf(e.event_type)}` }, e.event_type),
        h('span', { class: `status status-${e.status}`, id: 'panel-status' }, e.status),
      ),
      this.reviewSection(e),
      h('h3', {}, 'Source text'),
      this.sourceText(d),
      h('h3', {}, `Casualty claims (${e.claims.length})`),
      this.claimsTable(e),
      h('h3', {}, 'Fields'),
      this.fieldsTable(e),
      h('h3', {}, 'Incident'),
      this.incidentSection(d),
    );
  }

  private reviewer(): string {
    return (byId<HTMLInputElement>('reviewer').value || '').trim();
  }

  private reviewSection(e: StoredEvent): HTMLElement {
    const msg = h('p', { class: 'review-msg', role: 'status', 'aria-live': 'polite', tabindex: -1 });
    const n = this.notice;
    if (n && n.eventId === e.event_id && Date.now() - n.at < NOTICE_MS) {
      msg.textContent = n.text;
      msg.className = 'review-msg ok';
      if (n.focus) queueMicrotask(() => msg.isConnected && msg.focus());
    }
    const comment = h('input', { type: 'text', id: 'review-comment', placeholder: 'comment (optional)', 'aria-label': 'Review comment' });
    const field = h('select', { id: 'edit-field', 'aria-label': 'Field to correct' }, ...Object.keys(EDITABLE).map((f) => h('option', { value: f }, f)));
    const value = h('input', { type: 'text', id: 'edit-value', 'aria-label': 'New value' });
    const fill = () => {
      const v = (e as unknown as Record<string, unknown>)[field.value];
      value.value = v === null || v === undefined ? '' : String(v);
    };
    field.addEventListener('change', fill);
    fill();

    const send = async (action: 'accept' | 'reject' | 'correct') => {
      const reviewer = this.reviewer();
      if (!reviewer) {
        msg.textContent = 'Enter your name as reviewer (top right) first.';
        msg.className = 'review-msg error';
        byId('reviewer').focus();
        return;
      }
      const body: Parameters<typeof reviewEvent>[1] = { action, reviewer };
      if (comment.value.trim()) body.comment = comment.value.trim();
      if (action === 'correct') {
        const parsed = parseValue(field.value, value.value);
        if (parsed.error) {
          msg.textContent = parsed.error;
          msg.className = 'review-msg error';
          return;
        }
        body.changes = { [field.value]: parsed.value };
      }
      try {
        const updated = await reviewEvent(e.event_id, body);
        // The panel is drawn anew after a save (here and on the live update that follows): the
        // notice is kept and shown by each drawing for a while, and the keyboard stays on it.
        this.notice = { eventId: e.event_id, text: `Saved: ${action}`, at: Date.now(), focus: true };
        this.onChanged(updated);
        await this.refresh();
      } catch (err) {
        msg.textContent = err instanceof ApiError ? err.message : String(err);
        msg.className = 'review-msg error';
      }
    };

    return h(
      'section',
      { class: 'review', 'aria-label': 'Review' },
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', id: 'btn-accept', class: 'accept', onclick: () => void send('accept') }, 'Accept'),
        h('button', { type: 'button', id: 'btn-reject', class: 'reject', onclick: () => void send('reject') }, 'Reject'),
        comment,
      ),
      h(
        'form',
        {
          class: 'row edit',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            void send('correct');
          },
        },
        h('label', { for: 'edit-field' }, 'Correct'),
        field,
        value,
        h('button', { type: 'submit', id: 'btn-correct' }, 'Save correction'),
      ),
      msg,
    );
  }

  private fieldsTable(e: StoredEvent): HTMLElement {
    const rec = e as unknown as Record<string, unknown>;
    const keys = [...FIELD_ORDER.filter((k) => k in rec), ...Object.keys(rec).filter((k) => !FIELD_ORDER.includes(k) && k !== 'claims' && k !== 'evidence')];
    const evidence = (e.evidence ?? {}) as Record<string, unknown>;
    return h(
      'table',
      { class: 'fields' },
      h(
        'tbody',
        {},
        ...keys.map((k) =>
          h(
            'tr',
            { class: k in evidence ? 'has-evidence' : '' },
            h('th', { scope: 'row' }, k),
            h('td', { 'data-field': k }, display(rec[k])),
            h(
              'td',
              { class: 'ev-link' },
              k in evidence
                ? h('button', { type: 'button', class: 'link', title: `Show the text behind ${k}`, onclick: () => this.flash(k) }, 'evidence')
                : null,
            ),
          ),
        ),
      ),
    );
  }

  /** Scroll to and flash the highlighted span of `field`. */
  private flash(field: string): void {
    const mark = this.body.querySelector<HTMLElement>(`mark[data-fields~="${CSS.escape(field)}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.classList.add('flash');
    setTimeout(() => mark.classList.remove('flash'), 1500);
  }

  private sourceText(d: EventDetail): HTMLElement {
    const report = d.report;
    if (!report) return h('p', { class: 'muted' }, 'The report text is not stored.');
    const spans: Highlight[] = [];
    for (const [field, s] of Object.entries(d.event.evidence ?? {})) {
      if (s) spans.push({ start: s.start, end: s.end, label: field, kind: 'field' });
    }
    for (const c of d.event.claims ?? []) spans.push({ start: c.start, end: c.end, label: `claim:${c.kind}`, kind: 'claim' });
    const box = h('div', { class: 'source-text', id: 'source-text', tabindex: 0, 'aria-label': 'Report text with evidence highlighted' });
    for (const seg of segments(report.text, spans)) {
      const text = report.text.slice(seg.start, seg.end);
      if (seg.covers.length === 0) {
        box.appendChild(document.createTextNode(text));
        continue;
      }
      const fields = seg.covers.filter((c) => c.kind === 'field').map((c) => c.label);
      const claim = seg.covers.some((c) => c.kind === 'claim');
      box.appendChild(
        h(
          'mark',
          {
            class: `evidence ${fields.length ? `f-${fields[0]}` : 'f-claim'}${claim ? ' claim' : ''}`,
            'data-fields': seg.covers.map((c) => c.label).join(' '),
            title: seg.covers.map((c) => c.label).join(', '),
          },
          text,
        ),
      );
    }
    const meta = [report.title, report.source, report.published, report.url].filter(Boolean).join(' · ');
    return h('div', {}, meta ? h('p', { class: 'muted report-meta' }, meta) : null, box);
  }

  private claimsTable(e: StoredEvent): HTMLElement {
    if (!e.claims?.length) return h('p', { class: 'muted' }, 'No casualty figures in the text.');
    return h(
      'table',
      { class: 'claims' },
      h('thead', {}, h('tr', {}, h('th', {}, 'what'), h('th', {}, 'figure'), h('th', {}, 'victims'), h('th', {}, 'who said it'), h('th', {}, 'text'))),
      h(
        'tbody',
        {},
        ...e.claims.map((c) =>
          h(
            'tr',
            {},
            h('td', {}, c.kind),
            h('td', {}, c.low === c.high ? String(c.best) : `${c.low}–${c.high} (best ${c.best})`),
            h('td', {}, c.victims),
            h('td', {}, c.source ?? '—'),
            h('td', { class: 'quote' }, c.text),
          ),
        ),
      ),
    );
  }

  private incidentSection(d: EventDetail): HTMLElement {
    const inc = d.incident;
    if (!inc) return h('p', { class: 'muted' }, 'No incident.');
    const split =
      inc.event_ids.length > 1
        ? h(
            'button',
            {
              type: 'button',
              id: 'btn-split',
              onclick: async () => {
                const reviewer = this.reviewer();
                if (!reviewer) return void byId('reviewer').focus();
                try {
                  await splitEvent(inc.incident_id, d.event.event_id, reviewer);
                  this.onChanged(d.event);
                  await this.refresh();
                } catch (err) {
                  byId('panel-title').textContent = `Split failed: ${(err as Error).message}`;
                }
              },
            },
            'Split this event into its own incident',
          )
        : null;
    const mergeMsg = h('span', { class: 'review-msg', role: 'status' });
    const other = h('input', { type: 'text', id: 'merge-other', placeholder: 'incident id', 'aria-label': 'Incident to merge into this one' });
    const merge = h(
      'form',
      {
        class: 'row merge',
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          const reviewer = this.reviewer();
          if (!reviewer) return void byId('reviewer').focus();
          try {
            await mergeIncidents(inc.incident_id, other.value.trim(), reviewer);
            this.onChanged(d.event);
            await this.refresh();
          } catch (err) {
            mergeMsg.textContent = (err as Error).message;
            mergeMsg.className = 'review-msg error';
          }
        },
      },
      h('label', { for: 'merge-other' }, 'Merge incident'),
      other,
      h('button', { type: 'submit' }, 'into this one'),
      mergeMsg,
    );
    return h(
      'div',
      {},
      h(
        'p',
        {},
        `${inc.incident_id} · ${inc.source_count} source(s) · fatalities ${inc.fatalities} (${inc.fatalities_low}–${inc.fatalities_high}) · ${inc.event_date}`,
      ),
      split,
      merge,
      d.sources.length
        ? h(
            'ul',
            { class: 'sources' },
            ...d.sources.map((s) =>
              h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'link', onclick: () => void this.open(s.event.event_id) },
                  s.report?.title || s.report?.source || s.event.doc_id,
                ),
                ` · ${s.report?.published ?? s.event.event_date} · fatalities ${s.event.fatalities}`,
                s.event.claims.length ? ` · ${s.event.claims.map((c) => `${c.source ?? 'unattributed'}: ${c.best} ${c.kind}`).join('; ')}` : '',
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No other source reports this incident.'),
    );
  }
}

/** Read an edit input for `field`: numbers, nullable strings ("" → null), dates. */
export function parseValue(field: string, raw: string): { value?: unknown; error?: string } {
  const kind = EDITABLE[field];
  const v = raw.trim();
  switch (kind) {
    case 'int': {
      if (v === '' && (field === 'inter1' || field === 'inter2')) return { value: null };
      if (!/^-?\d+$/.test(v)) return { error: `${field} must be a whole number` };
      return { value: Number(v) };
    }
    case 'number': {
      if (v === '') return { value: null };
      const n = Number(v);
      return Number.isFinite(n) ? { value: n } : { error: `${field} must be a number` };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? { value: v } : { error: `${field} must be a date YYYY-MM-DD` };
    case 'nullable':
      return { value: v === '' ? null : v };
    default:
      return v === '' && field !== 'notes' ? { error: `${field} must not be empty` } : { value: v };
  }
}
