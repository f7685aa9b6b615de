/**
 * Small reports written for the queue tests and the bench: one attack each, in a different
 * town and on a different day, so that no two are the same incident.
 */

const TOWNS = [
  ['Kano', 'Nigeria'],
  ['Maiduguri', 'Nigeria'],
  ['Gao', 'Mali'],
  ['Mopti', 'Mali'],
  ['Kidal', 'Mali'],
  ['Djibo', 'Burkina Faso'],
  ['Dori', 'Burkina Faso'],
  ['Kaya', 'Burkina Faso'],
  ['Beni', 'Democratic Republic of Congo'],
  ['Bunia', 'Democratic Republic of Congo'],
  ['Goma', 'Democratic Republic of Congo'],
  ['Kismayo', 'Somalia'],
  ['Baidoa', 'Somalia'],
  ['El Fasher', 'Sudan'],
  ['Nyala', 'Sudan'],
  ['Quetta', 'Pakistan'],
  ['Peshawar', 'Pakistan'],
  ['Kandahar', 'Afghanistan'],
  ['Kharkiv', 'Ukraine'],
  ['Idlib', 'Syria'],
] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One line of a JSONL input file: {id, text, published}. */
export interface FixtureReport {
  id: string;
  text: string;
  published: string;
}

/**
 * `n` reports: report i names town i mod 20 and a date i days after 2025-01-01 (so two
 * reports of the same town are weeks apart), with i+1 people killed.
 */
export function smallReports(n: number, prefix = 'q'): FixtureReport[] {
  const out: FixtureReport[] = [];
  for (let i = 0; i < n; i++) {
    const [town, country] = TOWNS[i % TOWNS.length]!;
    const d = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000);
    const day = d.getUTCDate();
    const month = MONTHS[d.getUTCMonth()]!;
    const year = d.getUTCFullYear();
    const pub = new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);
    out.push({
      id: `${prefix}${i}`,
      published: pub,
      text:
        `${town.toUpperCase()}, ${country} — Gunmen attacked a market in ${town} on ${month} ${day}, ${year}, ` +
        `killing ${i + 1} civilians, local officials said. Report number ${i} of the series.`,
    });
  }
  return out;
}
