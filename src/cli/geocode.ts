/**
 * `sitrep geocode "a sentence or report"` (or `--file FILE`, `-` for stdin): prints each place
 * mention with the candidates the geocoder weighed (score and reasons) and its choice.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cleanReport } from '../pipeline/clean/index.js';
import { splitSentences } from '../pipeline/sentences/index.js';
import { findPlaces, loadGazetteer } from '../pipeline/mentions/places/index.js';
import type { Place, PlaceMention } from '../model/index.js';

const where = (p: Place) =>
  `${p.name} (${[p.admin2, p.admin1, p.country].filter(Boolean).join(', ')}) ${p.feature_code} ${p.latitude}, ${p.longitude}`;

/** Human-readable lines for one mention. */
export function describeMention(m: PlaceMention, showCandidates = 5): string[] {
  const lines = [
    `"${m.text}" [${m.start}-${m.end}) sentence ${m.sentence}: ${m.place ? `${where(m.place)}  role ${m.role}, geo_precision ${m.geo_precision}` : 'no candidate accepted'}`,
  ];
  for (const c of m.candidates.slice(0, showCandidates)) lines.push(`    ${c.score.toFixed(2).padStart(6)}  ${where(c.place)}  — ${c.reasons.join(', ')}`);
  return lines;
}

export function register(program: Command): void {
  program
    .command('geocode')
    .description('show the place mentions in a text, the candidates weighed for each, and the choice')
    .argument('[text...]', 'the text (quote it), or - for standard input')
    .option('--file <file>', 'read the text from a file')
    .option('--candidates <n>', 'candidates shown per mention', '5')
    .option('--all', 'also show mentions whose candidates were all rejected')
    .option('--json', 'print the mentions as JSON')
    .action((words: string[], opts: { file?: string; candidates: string; all?: boolean; json?: boolean }) => {
      let text: string;
      if (opts.file) text = readFileSync(opts.file, 'utf8');
      else if (words.length === 1 && words[0] === '-') text = readFileSync(0, 'utf8');
      else text = words.join(' ');
      if (!text.trim()) throw new Error('geocode: give a text, - for stdin, or --file FILE');
      const doc = cleanReport({ id: 'geocode', text });
      const mentions = findPlaces(doc, splitSentences(doc), loadGazetteer(), { keepRejected: !!opts.all, maxCandidates: Number(opts.candidates) || 5 });
      if (opts.json) {
        process.stdout.write(JSON.stringify(mentions, null, 1) + '\n');
        return;
      }
      if (!mentions.length) process.stdout.write('no place mentions found\n');
      for (const m of mentions) process.stdout.write(describeMention(m, Number(opts.candidates) || 5).join('\n') + '\n');
    });
}
