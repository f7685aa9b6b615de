import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findDates } from '../../../src/pipeline/mentions/dates/index.js';
import type { DateMention } from '../../../src/model/index.js';

/** Reference date of the made-up reports below: Thursday 12 March 2026. */
const REF = '2026-03-12';

function datesOf(text: string, ref = REF): DateMention[] {
  const doc = cleanReport({ id: 't', text, published: ref });
  const ds = findDates(doc, splitSentences(doc), ref);
  for (const d of ds) expect(doc.text.slice(d.start, d.end)).toBe(d.text);
  return ds;
}

interface Case {
  name: string;
  text: string;
  /** The expression expected, as written. */
  surface: string;
  date: string;
  precision: 1 | 2 | 3;
  relative?: boolean;
  flags?: Partial<Pick<DateMention, 'background' | 'future' | 'publication' | 'reporting'>>;
  /** For precision 2/3: the window the date must fall in, instead of an exact date. */
  window?: [string, string];
}

const cases: Case[] = [
  { name: 'weekday before the reference day', text: 'Raiders burned the granary on Saturday.', surface: 'Saturday', date: '2026-03-07', precision: 1, relative: true },
  { name: 'weekday equal to the reference day', text: 'A convoy hit a mine on Thursday near the river.', surface: 'Thursday', date: '2026-03-12', precision: 1, relative: true },
  { name: 'weekday after the reference day means last week', text: 'Traders marched through the square on Friday.', surface: 'Friday', date: '2026-03-06', precision: 1, relative: true },
  { name: 'last + weekday is strictly before', text: 'The outpost fell last Thursday.', surface: 'last Thursday', date: '2026-03-05', precision: 1, relative: true },
  { name: 'yesterday', text: 'Two mortar rounds landed in the camp yesterday.', surface: 'yesterday', date: '2026-03-11', precision: 1, relative: true },
  { name: 'last night', text: 'Drones circled the town last night.', surface: 'last night', date: '2026-03-11', precision: 1, relative: true },
  { name: 'early on + weekday', text: 'The shooting started early on Sunday, residents recalled.', surface: 'early on Sunday', date: '2026-03-08', precision: 1, relative: true },
  { name: 'weekday + night', text: 'Fighters overran a checkpoint on Tuesday night.', surface: 'Tuesday night', date: '2026-03-10', precision: 1, relative: true },
  { name: 'in the early hours of + weekday', text: 'The jail was attacked in the early hours of Monday.', surface: 'in the early hours of Monday', date: '2026-03-09', precision: 1, relative: true },
  { name: 'overnight alone', text: 'Heavy shelling continued overnight in the north.', surface: 'overnight', date: '2026-03-12', precision: 1, relative: true },
  { name: 'time of day before a weekday', text: 'At about 5:00 p.m. on Tuesday, troops retook the town.', surface: '5:00 p.m. on Tuesday', date: '2026-03-10', precision: 1, relative: true },
  { name: 'a range of days', text: 'Between March 2 and 6, 2026, raiders burned four hamlets.', surface: 'Between March 2 and 6, 2026', date: '2026-03-04', precision: 2, relative: false },
  { name: 'two days ago', text: 'The envoy arrived two days ago.', surface: 'two days ago', date: '2026-03-10', precision: 1, relative: true },
  { name: 'on the Nth', text: 'The bridge was blown up on the 5th, engineers said.', surface: 'the 5th', date: '2026-03-05', precision: 1, relative: true },
  { name: 'on the Nth still to come is last month', text: 'The depot burned on the 20th.', surface: 'the 20th', date: '2026-02-20', precision: 1, relative: true },
  { name: 'day month without year', text: 'The raid took place on 9 March in the valley.', surface: '9 March', date: '2026-03-09', precision: 1, relative: false },
  { name: 'abbreviated month day', text: 'The strike was carried out on Mar. 3 before dawn.', surface: 'Mar. 3', date: '2026-03-03', precision: 1, relative: false },
  { name: 'month day without year in the past year', text: 'On Dec. 28, gunmen blocked the highway.', surface: 'Dec. 28', date: '2025-12-28', precision: 1, relative: false },
  { name: 'full date with year', text: 'The accord was signed on February 2, 2026 in the capital.', surface: 'February 2, 2026', date: '2026-02-02', precision: 1, relative: false },
  { name: 'numeric date day first', text: 'Police logged the incident on 09/03/2026 at noon.', surface: '09/03/2026', date: '2026-03-09', precision: 1, relative: false },
  { name: 'numeric date that can only be month first', text: 'The ledger is dated 12/31/2025.', surface: '12/31/2025', date: '2025-12-31', precision: 1, relative: false },
  { name: 'planned date ahead is future', text: 'Unions called a strike planned for March 20.', surface: 'March 20', date: '2026-03-20', precision: 1, flags: { future: true } },
  { name: 'last week', text: 'Looters emptied the warehouse last week.', surface: 'last week', date: '2026-03-05', precision: 2, relative: true, window: ['2026-03-02', '2026-03-08'] },
  { name: 'at the weekend', text: 'Herders clashed with farmers at the weekend.', surface: 'at the weekend', date: '2026-03-07', precision: 2, relative: true },
  { name: 'earlier this month', text: 'Earlier this month, the militia seized a ferry.', surface: 'Earlier this month', date: '', precision: 3, relative: true, window: ['2026-03-01', '2026-03-12'] },
  { name: 'month without day', text: 'Students occupied the campus in February.', surface: 'February', date: '2026-02-15', precision: 3, relative: false },
  { name: 'month and year in a past year is background', text: 'The offensive first began in August 2024.', surface: 'August 2024', date: '2024-08-15', precision: 3, flags: { background: true } },
  { name: 'bare year is background', text: 'The group has fought the state since 2019.', surface: '2019', date: '2019-07-01', precision: 3, flags: { background: true } },
  { name: 'anniversary makes a date background', text: 'Crowds marked the anniversary of the massacre of 3 March.', surface: '3 March', date: '2026-03-03', precision: 1, flags: { background: true } },
  { name: 'a recent weekday in an anniversary sentence is the rally\'s own date', text: 'Thousands rallied on Sunday to mark the anniversary of the uprising.', surface: 'Sunday', date: '2026-03-08', precision: 1, relative: true, flags: { background: undefined } },
  { name: 'a span of weeks before the reference day: its middle, month precision', text: 'Troops killed 40 fighters in operations over the past three weeks.', surface: 'over the past three weeks', date: '2026-03-02', precision: 3, relative: true },
  { name: 'a span of days: week precision', text: 'Raids in the last five days left a dozen dead.', surface: 'in the last five days', date: '2026-03-10', precision: 2, relative: true },
  { name: 'a possessive day after "claimed" is the attack\'s', text: 'The group claimed Saturday\'s ambush on the convoy.', surface: 'Saturday', date: '2026-03-07', precision: 1, relative: true, flags: { reporting: undefined } },
  { name: 'a day right before "claimed" is the claim\'s', text: 'The group on Monday claimed the ambush on the convoy.', surface: 'Monday', date: '2026-03-09', precision: 1, relative: true, flags: { reporting: true } },
  { name: 'date of a claim of responsibility is reporting', text: 'The group claimed responsibility on Monday for the ambush.', surface: 'Monday', date: '2026-03-09', precision: 1, relative: true, flags: { reporting: true } },
  { name: 'a part of day before a written date', text: 'Marchers crossed the town on the evening of 3 March.', surface: 'on the evening of 3 March', date: '2026-03-03', precision: 1, relative: false },
  { name: 'a dateline with a state abbreviation is publication', text: 'FERGUSON, Mo., Mar 11 (Wire) - Marchers crossed the town.', surface: 'Mar 11', date: '2026-03-11', precision: 1, flags: { publication: true } },
  { name: 'an ordinal naming a street is no date', text: 'A grenade was thrown into a bar on the 9th Avenue on 8 March, police said.', surface: '8 March', date: '2026-03-08', precision: 1, relative: false },
  { name: 'date of a statement is reporting', text: 'Six people were hurt in the blast, police said on Monday.', surface: 'Monday', date: '2026-03-09', precision: 1, relative: true, flags: { reporting: true } },
];

describe('findDates: forms', () => {
  it.each(cases)('$name', (c) => {
    const ds = datesOf(c.text);
    const d = ds.find((x) => x.text.toLowerCase() === c.surface.toLowerCase());
    expect(d, `no mention "${c.surface}" in ${JSON.stringify(ds.map((x) => x.text))}`).toBeDefined();
    if (c.window) {
      expect(d!.date >= c.window[0] && d!.date <= c.window[1], `${d!.date} outside ${c.window}`).toBe(true);
    } else {
      expect(d!.date).toBe(c.date);
    }
    expect(d!.time_precision).toBe(c.precision);
    if (c.relative !== undefined) expect(d!.relative).toBe(c.relative);
    for (const [k, v] of Object.entries(c.flags ?? {})) expect(d![k as keyof DateMention], k).toBe(v);
  });
});

describe('findDates: reference day itself', () => {
  it('a weekday equal to the reference weekday is that day, not a week earlier', () => {
    const [d] = datesOf('Soldiers shelled the ridge on Saturday.', '2026-03-14');
    expect(d?.date).toBe('2026-03-14');
  });
  it('an event date in the current year is not background while an old one is', () => {
    const ds = datesOf('Gunmen struck on March 2. A similar raid happened on May 3, 2021.');
    expect(ds.find((d) => d.text === 'March 2')?.background).toBeUndefined();
    expect(ds.find((d) => d.text === 'May 3, 2021')?.background).toBe(true);
  });
  it('a dateline line is a publication date', () => {
    const ds = datesOf('March 12, 2026\nMilitants attacked a village on Tuesday.');
    expect(ds[0]?.publication).toBe(true);
    expect(ds[1]?.publication).toBeUndefined();
    expect(ds[1]?.date).toBe('2026-03-10');
  });
  it('a dateline in parentheses is a publication date', () => {
    const ds = datesOf('MOGADISHU, Somalia (March 11) – A car bomb exploded at a checkpoint on Tuesday.');
    expect(ds.find((d) => d.text === 'March 11')?.publication).toBe(true);
    expect(ds.find((d) => d.text === 'Tuesday')?.date).toBe('2026-03-10');
  });
  it('"Outlet, date Story" marks the first date as publication', () => {
    const ds = datesOf('Wirewatch, 12 March 2026 On 10 March 2026, a mine struck a truck.');
    expect(ds[0]).toMatchObject({ text: '12 March 2026', publication: true });
    expect(ds[1]?.publication).toBeUndefined();
  });
  it('"a day after" is relative to another event and is not resolved against the reference', () => {
    const ds = datesOf('The curfew came a day after the riot.');
    expect(ds).toHaveLength(0);
  });
});

describe('findDates: robustness', () => {
  it.each([
    '',
    '\u0000\u0001 ??? ###',
    'on the 45th of nothing 99/99/9999 32/13/2020',
    '1'.repeat(5000),
    'Saturday '.repeat(300),
    '🚨🔴 2026 — — — (( ))',
  ])('does not throw on odd text %#', (text) => {
    expect(() => datesOf(text)).not.toThrow();
  });
  it('rejects an impossible reference date with a clear error', () => {
    const doc = cleanReport({ id: 't', text: 'on Monday' });
    expect(() => findDates(doc, splitSentences(doc), '2026-02-30')).toThrow(/referenceDate/);
  });
});

describe('findDates: forward-looking weekdays', () => {
  it('"next Friday" is after the reference date and flagged future', () => {
    const ds = datesOf('The opposition will march next Friday.');
    expect(ds[0]?.date).toBe('2026-03-13');
    expect(ds[0]?.future).toBe(true);
  });
});
