/**
 * Publication dates → the publisher's calendar date, YYYY-MM-DD.
 *
 * A timestamp carries the publisher's offset ("2026-01-31T23:40:00+05:00"); the calendar date
 * written there is the publisher's local date, so it is kept as written rather than converted
 * to UTC (which would move late-evening reports to the next or previous day).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** True when year-month-day is a real Gregorian calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Normalise a publication date to YYYY-MM-DD, or return null when it cannot be read.
 * Accepts `YYYY-MM-DD`; ISO 8601 timestamps `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`;
 * RFC 822 / 1123 dates as feeds write them (`Sat, 31 Jan 2026 18:00:00 +0500`) and
 * `31 Jan 2026`. Month/day are checked against the calendar (no 2026-02-30).
 */
export function normalisePublished(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined && (Number(iso[4]) > 24 || Number(iso[5]) > 59 || Number(iso[6] ?? 0) > 60)) return null;
    return isCalendarDate(y, m, d) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const rfc = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?)?$/.exec(v);
  if (rfc) {
    const m = MONTHS.indexOf(rfc[2]!.slice(0, 3).toLowerCase()) + 1;
    const [y, d] = [Number(rfc[3]), Number(rfc[1])];
    return m > 0 && isCalendarDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  return null;
}
