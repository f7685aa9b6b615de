/**
 * Earlier episodes of a report's own story, and acts dated by counting back from a told day.
 * Sentences written for these tests, run through the whole pipeline on the built data.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/pipeline/extract.js';
import { findDates } from '../../../src/pipeline/mentions/dates/index.js';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';

const run = (text: string, published = '2023-06-14') => extractReport({ id: 't', text, published });

describe('an earlier episode of the same story', () => {
  const story =
    'Hundreds of people marched peacefully through Nakuru on Tuesday to demand lower fuel prices. ' +
    'The demonstrations began on 20 May, when traders in Nakuru marched against the new tax and police fired tear gas at them.';
  it('is not an event of its own when it is of the lead event’s type and weeks older', () => {
    const x = run(story);
    expect(x.events.map((e) => e.event_date)).toEqual(['2023-06-13']);
  });
  it('is kept when it is of another type (an attack before a protest)', () => {
    const x = run(
      'Hundreds of people marched peacefully through Nakuru on Tuesday to demand justice. ' +
        'On 20 May, gunmen shot dead three traders in Nakuru.',
    );
    expect(x.events.map((e) => e.event_type).sort()).toEqual(['Protests', 'Violence against civilians']);
  });
  it('is kept when it lies within a week of the lead event', () => {
    const x = run(
      'Hundreds of people marched peacefully through Nakuru on Tuesday to demand lower fuel prices. ' +
        'On Saturday, traders in Eldoret also marched against the new tax.',
    );
    expect(x.events).toHaveLength(2);
  });
});

describe('"on Wednesday, two days after an attack"', () => {
  const dates = (text: string, published: string) => {
    const doc = cleanReport({ id: 't', text, published });
    return findDates(doc, splitSentences(doc), published);
  };
  it('dates the act two days before the weekday, and the weekday is when the rest was told', () => {
    const found = dates('Doctors were still treating the wounded on Wednesday, two days after an attack on the market in Gao.', '2023-06-15');
    const act = found.find((d) => /after an attack/.test(d.text));
    expect(act?.date).toBe('2023-06-12');
    expect(found.find((d) => d.text === 'Wednesday')?.reporting).toBe(true);
  });
  it('dates the event of the sentence to the act', () => {
    const x = run('Doctors were still treating the wounded on Wednesday, two days after a bombing at the market in Gao killed five people.', '2023-06-15');
    expect(x.events.map((e) => e.event_date)).toEqual(['2023-06-12']);
  });
  it('needs a told day: "two days after the attack, police arrested" gives no date of its own', () => {
    const found = dates('Two days after the attack, police arrested three men in Gao.', '2023-06-15');
    expect(found.some((d) => /after the attack/.test(d.text))).toBe(false);
  });
});
