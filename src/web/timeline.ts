/**
 * The timeline: incidents (deduplicated events) per day stacked by event type (from GET /stats by_day), with a brush
 * (d3-brush) whose selection becomes the date_from/date_to filter of the map and list.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { brushX, type BrushBehavior } from 'd3-brush';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import type { Stats } from './api.js';
import { EVENT_TYPES, colorOf } from './colors.js';

const DAY = 86_400_000;
const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One stacked bar segment. */
interface Segment {
  date: string;
  event_type: string;
  y0: number;
  y1: number;
  count: number;
}

/** Stack `by_day` rows per date in codebook type order. */
export function stackByDay(byDay: Stats['by_day']): { segments: Segment[]; max: number } {
  const order = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));
  const rows = [...byDay].sort((a, b) => a.date.localeCompare(b.date) || (order.get(a.event_type) ?? 9) - (order.get(b.event_type) ?? 9));
  const segments: Segment[] = [];
  const tops = new Map<string, number>();
  for (const r of rows) {
    const y0 = tops.get(r.date) ?? 0;
    segments.push({ date: r.date, event_type: r.event_type, y0, y1: y0 + r.count, count: r.count });
    tops.set(r.date, y0 + r.count);
  }
  return { segments, max: Math.max(1, ...tops.values()) };
}

/** The timeline chart in `el`; `onRange` gets the brushed [from, to] dates (inclusive) or null. */
export class Timeline {
  private stats: Stats | null = null;
  private range: [string, string] | null = null;
  private brush: BrushBehavior<unknown> | null = null;
  private silent = false;

  constructor(
    private readonly el: HTMLElement,
    private readonly onRange: (range: [string, string] | null) => void,
  ) {
    new ResizeObserver(() => this.render()).observe(el);
  }

  /** New data and the current date filter (drawn as the brush selection). */
  update(stats: Stats, range: [string, string] | null): void {
    this.stats = stats;
    this.range = range;
    this.render();
  }

  private render(): void {
    const width = this.el.clientWidth;
    const height = this.el.clientHeight || 150;
    select(this.el).selectAll('*').remove();
    if (!this.stats || width < 50) return;
    const svg = select(this.el)
      .append('svg')
      .attr('width', width)
      .attr('height', height)
      .attr('role', 'img')
      .attr('aria-label', 'Incidents per day by event type; drag to select dates');
    const m = { top: 8, right: 12, bottom: 22, left: 34 };
    const { segments, max } = stackByDay(this.stats.by_day);
    if (segments.length === 0) {
      svg.append('text').attr('x', width / 2).attr('y', height / 2).attr('text-anchor', 'middle').attr('class', 'empty').text('No events');
      return;
    }
    const dates = segments.map((s) => utc(s.date));
    let lo = Math.min(...dates);
    let hi = Math.max(...dates) + DAY;
    if (this.range) {
      lo = Math.min(lo, utc(this.range[0]));
      hi = Math.max(hi, utc(this.range[1]) + DAY);
    }
    if (hi - lo < 14 * DAY) {
      const pad = (14 * DAY - (hi - lo)) / 2;
      lo -= Math.floor(pad / DAY) * DAY;
      hi += Math.ceil(pad / DAY) * DAY;
    }
    const x = scaleUtc().domain([lo, hi]).range([m.left, width - m.right]);
    const y = scaleLinear().domain([0, max]).nice().range([height - m.bottom, m.top]);
    const barW = Math.max(1, x(lo + DAY) - x(lo) - 1);

    svg
      .append('g')
      .attr('class', 'bars')
      .selectAll('rect')
      .data(segments)
      .join('rect')
      .attr('x', (d) => x(utc(d.date)))
      .attr('y', (d) => y(d.y1))
      .attr('width', barW)
      .attr('height', (d) => Math.max(0.5, y(d.y0) - y(d.y1)))
      .attr('fill', (d) => colorOf(d.event_type))
      .append('title')
      .text((d) => `${d.date} · ${d.event_type}: ${d.count}`);

    svg
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${height - m.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
    svg
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(${m.left},0)`)
      .call(axisLeft(y).tickValues(y.ticks(4).filter((v) => Number.isInteger(v))).tickFormat((v) => String(v)));

    const brush = brushX<unknown>()
      .extent([
        [m.left, m.top],
        [width - m.right, height - m.bottom],
      ])
      .on('end', (ev: { selection: [number, number] | null; sourceEvent?: unknown }) => {
        if (this.silent || !ev.sourceEvent) return;
        if (!ev.selection) {
          this.range = null;
          this.onRange(null);
          return;
        }
        // Snap to whole days: the first day touched to the last day touched.
        const from = Math.floor(x.invert(ev.selection[0]).getTime() / DAY) * DAY;
        const to = Math.max(from, Math.ceil(x.invert(ev.selection[1]).getTime() / DAY) * DAY - DAY);
        this.range = [iso(from), iso(to)];
        this.onRange(this.range);
      });
    this.brush = brush;
    const g = svg.append('g').attr('class', 'brush').call(brush);
    if (this.range) {
      this.silent = true;
      g.call(brush.move, [x(utc(this.range[0])), x(utc(this.range[1]) + DAY)]);
      this.silent = false;
    }
  }
}
