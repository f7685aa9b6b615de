import { describe, expect, it } from 'vitest';
import type { CleanText } from '../../../src/model/index.js';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { MAX_SENTENCE, splitSentences } from '../../../src/pipeline/sentences/index.js';

const doc = (text: string, marked: CleanText['marked'] = []): CleanText => ({
  docId: 't', text, published: null, source: null, url: null, title: null, marked,
});
const texts = (text: string) => splitSentences(doc(text)).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at final punctuation followed by a capital, a digit or a quote', () => {
    expect(texts('Shelling hit the market. Four people died! Why now? "We fled," she said. 12 homes burned.')).toEqual([
      'Shelling hit the market.',
      'Four people died!',
      'Why now?',
      '"We fled," she said.',
      '12 homes burned.',
    ]);
  });

  it('keeps titles, initials, months, numbers and "No." together', () => {
    expect(texts('Lt. Gen. A. K. Rahim said No. 4 battalion lost 3.5 tonnes of fuel on Jan. 12 near St. Mary church.')).toHaveLength(1);
    expect(texts('Police said on Wed. Jan. 5 that Sgt. Omar had left.')).toHaveLength(1);
    expect(texts('Dr. Nasser Ali and Mr. Bello met Gov. Okafor. They spoke.')).toEqual(['Dr. Nasser Ali and Mr. Bello met Gov. Okafor.', 'They spoke.']);
  });

  it('handles U.S. and a.m. both inside and at the end of a sentence', () => {
    expect(texts('The U.S. Embassy closed at 9 a.m. Sunday. Staff left.')).toEqual(['The U.S. Embassy closed at 9 a.m. Sunday.', 'Staff left.']);
    expect(texts('The strike was ordered by the U.S. The army denied it.')).toEqual(['The strike was ordered by the U.S.', 'The army denied it.']);
  });

  it('ends a sentence whose space after the dot was lost in copy, but not inside names or domains', () => {
    expect(texts('The service said so in a statement.The army often strikes there.')).toEqual(['The service said so in a statement.', 'The army often strikes there.']);
    expect(texts('Details were posted on example.com and by the U.N.Mission staff.')).toHaveLength(1);
  });

  it('ends sentences at closing quotes', () => {
    expect(texts('He said: "They came at night." Police arrived later.')).toEqual(['He said: "They came at night."', 'Police arrived later.']);
  });

  it('treats each line as a sentence end, including lines without final punctuation', () => {
    const ss = splitSentences(doc('Fighting in the hills\nTroops advanced on Monday\n\nNo comment yet'));
    expect(ss.map((s) => s.text)).toEqual(['Fighting in the hills', 'Troops advanced on Monday', 'No comment yet']);
    expect(ss.map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it('takes flags from marked spans and never straddles one', () => {
    const text = 'Clashes broke out. Read more here\nA post said fires burned. — A (@a) May 1, 2024';
    const q = text.indexOf('A post');
    const ss = splitSentences(doc(text, [
      { start: 19, end: 33, kind: 'boilerplate' },
      { start: q, end: text.length, kind: 'quote' },
    ]));
    expect(ss.map((s) => [s.text, s.boilerplate, s.quoted])).toEqual([
      ['Clashes broke out.', false, false],
      ['Read more here', true, false],
      ['A post said fires burned. — A (@a) May 1, 2024', false, true],
    ]);
  });

  it('cuts runs without punctuation at MAX_SENTENCE, at a space', () => {
    const text = 'word '.repeat(1000).trim();
    const ss = splitSentences(doc(text));
    expect(ss.length).toBeGreaterThan(4);
    for (const s of ss) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(s.text.startsWith(' ') || s.text.endsWith(' ')).toBe(false);
    }
  });

  it('keeps offsets exact on text and on cleaned HTML', () => {
    const html = `<html><head><title>Strike on depot</title></head><body><article>
      <p>GARA TOWN, March 3 (Wire) - Drones hit a fuel depot on Tuesday, the U.S. military said. Fires burned for hours.</p>
      <p>ALSO READ: Ministers meet</p><blockquote>🚨 Big fire at the depot pic.twitter.com/x1</blockquote>
      <p>“We heard three blasts,” a guard said. Dr. Amina O. Bello treated 4 people… Nobody died.</p></article></body></html>`;
    for (const d of [cleanReport({ id: 'h', html }), cleanReport({ id: 't', text: 'Émeute à Gao. Ça brûle 🔥. Fin\u200b.\n\n  x  ' })]) {
      const ss = splitSentences(d);
      expect(ss.length).toBeGreaterThan(2);
      for (const s of ss) expect(d.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('empty text gives no sentences', () => {
    expect(splitSentences(doc(''))).toEqual([]);
    expect(splitSentences(doc('\n \n'))).toEqual([]);
  });
});
