/**
 * The table runner the geocoding tests share: each row names a mention and what it must
 * resolve to, or that it must not be a place. Sentences are written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findPlaces, loadGazetteer } from '../../../src/pipeline/mentions/places/index.js';
import type { PlaceMention } from '../../../src/model/index.js';

export const gaz = loadGazetteer();

/** The place mentions of a text, through the real pipeline stages and built gazetteer. */
export function places(text: string): PlaceMention[] {
  const doc = cleanReport({ id: 't', text });
  return findPlaces(doc, splitSentences(doc), gaz);
}

/** What one mention must be. */
export interface Want {
  mention: string;
  /** Which accepted occurrence of the mention text (0 = first); only with `pick: 'placed'`. */
  nth?: number;
  /** null: not a place (no mention, or one whose candidates were all rejected) */
  name?: string | null;
  country?: string;
  admin1?: string;
  kind?: string;
  role?: PlaceMention['role'];
  precision?: 1 | 2 | 3;
}

export type Tables = Record<string, { text: string; want: Want[] }[]>;

/**
 * One describe per mechanism, one test per row. `pick`: 'first' checks the first mention with the
 * text (and, for name null, that it is no place); 'placed' checks the nth accepted one (and, for
 * name null, that no occurrence is a place).
 */
export function runTables(tables: Tables, pick: 'first' | 'placed'): void {
  for (const [mechanism, rows] of Object.entries(tables)) {
    describe(mechanism, () => {
      for (const row of rows) {
        it(row.text, () => {
          const ms = places(row.text);
          for (const w of row.want) {
            if (w.name === null) {
              if (pick === 'first') expect(ms.find((x) => x.text === w.mention)?.place ?? null, `"${w.mention}" should not be a place`).toBeNull();
              else expect(ms.filter((x) => x.text === w.mention && x.place).length, `"${w.mention}" should never be a place`).toBe(0);
              continue;
            }
            const m = pick === 'first' ? ms.find((x) => x.text === w.mention) : ms.filter((x) => x.text === w.mention && x.place)[w.nth ?? 0];
            expect(m, `"${w.mention}" among ${JSON.stringify(ms.map((x) => x.text))}`).toBeDefined();
            const p = m!.place;
            expect(p).not.toBeNull();
            if (w.name) expect(p!.name).toBe(w.name);
            if (w.country) expect(p!.country).toBe(w.country);
            if (w.admin1) expect(p!.admin1).toBe(w.admin1);
            if (w.kind) expect(p!.kind).toBe(w.kind);
            if (w.role) expect(m!.role).toBe(w.role);
            if (w.precision) expect(m!.geo_precision).toBe(w.precision);
          }
        });
      }
    });
  }
}
