import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';

describe('splitSentences on text without capitals', () => {
  it('splits at full stops when the whole text is lower case', () => {
    const doc = cleanReport({ id: 'lc', text: 'riot police dispersed the crowd on friday. a union leader said the strike would go on. nobody was hurt.' });
    const s = splitSentences(doc);
    expect(s.map((x) => x.text)).toEqual([
      'riot police dispersed the crowd on friday.',
      'a union leader said the strike would go on.',
      'nobody was hurt.',
    ]);
    for (const x of s) expect(doc.text.slice(x.start, x.end)).toBe(x.text);
  });
  it('keeps requiring a capital in ordinary text', () => {
    const doc = cleanReport({ id: 'mc', text: 'The rally ended at 5 p.m. on Friday. Police said it was calm.' });
    expect(splitSentences(doc)).toHaveLength(2);
  });
});
