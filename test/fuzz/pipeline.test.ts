/**
 * Fuzz-style robustness: a few thousand random and mutated inputs through every stage —
 * ingest (bytes via stdin, JSONL lines, feeds) → clean → sentences → extractReport — checking
 * that nothing throws and that each stage's output stays within a bound of its input
 * (the per-input work bound: sentences capped in length and number, events bounded by
 * sentences, cleaned text no longer than the input). Inputs come from a seeded generator, so
 * a failure names a case that can be replayed; sizes are capped per case, so a hang shows as
 * the suite's timeout rather than a timing assertion.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawReport } from '../../src/model/index.js';
import { extractReport } from '../../src/pipeline/extract.js';
import { cleanReport } from '../../src/pipeline/clean/index.js';
import { parseFeed, FeedError, parseJsonlLine, readInputs } from '../../src/pipeline/ingest/index.js';
import { loadGazetteer, type Gazetteer } from '../../src/pipeline/mentions/places/index.js';
import { MAX_SENTENCE, splitSentences } from '../../src/pipeline/sentences/index.js';
import { makeCase, mutate, rng, TEXT } from './generate.js';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

/** Everything after ingest, with the per-input bounds checked. */
function runStages(raw: RawReport, inputChars: number): void {
  const doc = cleanReport(raw);
  expect(doc.text.length).toBeLessThanOrEqual(inputChars + (raw.title?.length ?? 0) + 1000);
  for (const m of doc.marked) expect(m.start >= 0 && m.end <= doc.text.length && m.start <= m.end).toBe(true);
  const sentences = splitSentences(doc);
  expect(sentences.length).toBeLessThanOrEqual(doc.text.length + 1);
  for (const s of sentences) {
    expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  }
  const ex = extractReport(raw, { gazetteer, fallbackDate: '2024-01-01' });
  expect(ex.events.length).toBeLessThanOrEqual(ex.sentences.length * 10 + 10);
  for (const e of ex.events) {
    for (const span of Object.values(e.evidence)) {
      if (span) expect(span.start >= 0 && span.end <= ex.doc.text.length).toBe(true);
    }
  }
}

/** Cases [from, to) of the seeded sequence; returns how many became reports and how many were refused. */
async function runCases(from: number, to: number): Promise<{ reports: number; refused: number }> {
  const r = rng(20260131);
  let reports = 0;
  let refused = 0;
  for (let i = 0; i < to; i++) {
    const c = makeCase(r, i);
    if (i < from) continue; // keep the sequence identical whatever the block
    try {
      if (c.bytes) {
        for await (const item of readInputs(['-'], { stdin: Readable.from([c.bytes]), maxBytes: 1_000_000 })) {
          if (!item.ok) {
            refused++;
            expect(item.error).toMatch(/^stdin(:\d+)?: \S/);
            expect(item.error).not.toContain('\n');
            continue;
          }
          reports++;
          runStages(item.report, c.bytes.length);
        }
      } else {
        reports++;
        runStages(c.raw!, (c.raw!.html ?? c.raw!.text ?? '').length);
      }
    } catch (e) {
      throw new Error(`case ${i} (${c.name}) failed: ${(e as Error).stack ?? e}`);
    }
  }
  return { reports, refused };
}

describe('fuzz: ingest → clean → sentences → extract', () => {
  const totals = { reports: 0, refused: 0 };
  for (const [from, to] of [[0, 500], [500, 1000], [1000, 1500], [1500, 2000]] as const) {
    it(`generated inputs ${from}..${to - 1}: no stage throws, outputs stay bounded`, async () => {
      const got = await runCases(from, to);
      totals.reports += got.reports;
      totals.refused += got.refused;
      expect(got.reports + got.refused).toBeGreaterThan(0);
    });
  }

  it('both the report path and the refusal path were exercised', () => {
    expect(totals.reports).toBeGreaterThan(1000);
    expect(totals.refused).toBeGreaterThan(100);
  });

  it('1000 mutated feeds and JSONL lines: errors are FeedError / failed items, never crashes', () => {
    const r = rng(7);
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A &amp; B</title><link>https://e.example/1</link><pubDate>Tue, 01 Oct 2024 10:00:00 +0200</pubDate><description><![CDATA[<p>${TEXT}</p>]]></description></item></channel></rss>`;
    let parsed = 0;
    for (let i = 0; i < 1000; i++) {
      const xml = mutate(r, feed);
      try {
        const f = parseFeed(xml);
        parsed++;
        expect(Array.isArray(f.items)).toBe(true);
      } catch (e) {
        if (!(e instanceof FeedError)) throw new Error(`feed case ${i}: ${(e as Error).stack}`);
        expect(e.message).not.toContain('\n');
      }
      const line = mutate(r, JSON.stringify({ id: 'x', text: 'Clashes in the north.', published: '2024-10-01' }));
      const item = parseJsonlLine(line, i + 1, 'f.jsonl');
      if (!item.ok) expect(item.error.startsWith(`f.jsonl:${i + 1}: `)).toBe(true);
    }
    expect(parsed).toBeGreaterThan(0);
  });
});
