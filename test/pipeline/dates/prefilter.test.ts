import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { chronoMayFind, findDates } from '../../../src/pipeline/mentions/dates/index.js';

// findDates skips chrono on sentences the pre-filter (chronoMayFind) rules out; the dates found
// must be exactly those found when chrono reads every sentence.

const REF = '2026-03-12';

function both(text: string, ref = REF) {
  const doc = cleanReport({ id: 't', text, published: ref });
  const sentences = splitSentences(doc);
  return { filtered: findDates(doc, sentences, ref), full: findDates(doc, sentences, ref, { prefilter: false }) };
}

/** Sentences in which chrono finds odd things: glued units, abbreviations inside names, weekday words. */
const TRICKY = [
  'Fighting resumed in the D-Day style landing near the coast.',
  'Troops withdrew within the d, officials said.',
  'The convoy left next d from the base.',
  'He sat down with the elders in the mon river valley.',
  'Clashes broke out onsat near the market.',
  'Rebels seized the town a day ago and held it.',
  'The militia attacked a few days ago, residents said.',
  'Gunmen stormed the village overnight.',
  'Police dispersed protesters this weekend in the capital.',
  'The army said it would respond within the week.',
  'Shelling continued into the night and the following morning.',
  'They may attack again, the governor warned.',
  'May God protect the displaced, the bishop said.',
  'Martyrs were buried in Marib after the raid on the market.',
  'In mid-May the siege tightened.',
  'The attack came last month in the north.',
  'Fresh clashes erupted on Tuesday, and again on Wed.',
  'The assault came earlier this year in Darfur.',
  'They intend to attend the talks and extend the truce.',
  'The raid happened tonight, witnesses say.',
  'Residents fled half a day before the strike.',
  'The fighting lasted several days in the district.',
  'Two were killed in the afternoon clashes.',
  'The curfew was lifted on the fifteenth of March.',
  'Soldiers patrolled the area yesterday.',
  'The protest began Saturday morning in the square.',
  'Women and children were among those killed.',
];

describe('chrono pre-filter of findDates', () => {
  it('rules out ordinary sentences without date words', () => {
    expect(chronoMayFind('Gunmen killed three farmers and burned their houses.')).toBe(false);
    expect(chronoMayFind('Martyrs were buried after the raid on the market.')).toBe(false);
    expect(chronoMayFind('Fighting resumed in the D-Day style landing.')).toBe(true);
    expect(chronoMayFind('He sat down.')).toBe(true);
    expect(chronoMayFind('Troops left within the d.')).toBe(true);
  });

  it('finds the same dates as chrono on every sentence, in tricky sentences', () => {
    for (const s of TRICKY) {
      const { filtered, full } = both(s);
      expect(filtered, s).toEqual(full);
    }
  });

  it('finds the same dates as chrono on every sentence, in the bundled sample reports', () => {
    const dir = join(__dirname, '../../../samples/reports');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    let found = 0;
    for (const f of files) {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string; published?: string };
      const ref = r.published && /^\d{4}-\d{2}-\d{2}$/.test(r.published) ? r.published : REF;
      const { filtered, full } = both(r.text, ref);
      expect(filtered, f).toEqual(full);
      found += full.length;
    }
    expect(found).toBeGreaterThan(0);
  });
});
