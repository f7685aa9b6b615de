import { describe, expect, it } from 'vitest';
import type { CleanText } from '../../../src/model/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findActors } from '../../../src/pipeline/mentions/actors/index.js';

// findActors keeps the last document's tokens for its next reading (extractReport reads a
// document twice); a second reading, or a reading of another document in between, must give
// what a first reading of a fresh copy gives.

function docOf(text: string): CleanText {
  return { docId: 't', text, published: null, source: null, url: null, title: null, marked: [] };
}

const A = 'Nigerian troops repelled an attack by Boko Haram fighters near Maiduguri. Gunmen later killed three villagers.';
const B = 'Police in Nairobi fired tear gas at protesters. Al-Shabaab militants attacked a camp.';

describe('reading a document again', () => {
  it('gives the same mentions as a fresh copy, with or without a country', () => {
    const doc = docOf(A);
    const sentences = splitSentences(doc);
    const first = findActors(doc, sentences, { country: null });
    const again = findActors(doc, sentences, { country: 'Nigeria' });
    const fresh = docOf(A);
    expect(first).toEqual(findActors(fresh, splitSentences(fresh), { country: null }));
    const fresh2 = docOf(A);
    expect(again).toEqual(findActors(fresh2, splitSentences(fresh2), { country: 'Nigeria' }));
    expect(again.some((m) => m.text === 'Boko Haram fighters' || m.text === 'Boko Haram')).toBe(true);
  });

  it('does not mix up two documents read in turn', () => {
    const a = docOf(A);
    const b = docOf(B);
    const ra1 = findActors(a, splitSentences(a), { country: 'Nigeria' });
    const rb = findActors(b, splitSentences(b), { country: 'Kenya' });
    const ra2 = findActors(a, splitSentences(a), { country: 'Nigeria' });
    expect(ra2).toEqual(ra1);
    for (const m of rb) expect(B.slice(m.start, m.end)).toBe(m.text);
    expect(rb.some((m) => /Shabaab/.test(m.text))).toBe(true);
  });
});
