#!/usr/bin/env node
// Developer aid: shows what the pipeline sees in one report — sentences, mentions, events —
// next to the gold events when the report is a gold document.
// Usage: node eval/show.mjs GOLD_ID_OR_FILE | --text "..." [--published YYYY-MM-DD] | --mm ID | --ucdp ID
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SITREP_EVAL_DIR ?? path.resolve(root, '../shared/eval');
const { extractReport } = await import(path.join(root, 'dist/pipeline/extract.js'));
const { findCues, classifySentence } = await import(path.join(root, 'dist/pipeline/events/index.js'));
const args = process.argv.slice(2);
let doc;
const sampleRow = (file, id) => readFileSync(path.join(shared, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((r) => String(r.id) === id);
if (args[0] === '--text') doc = { id: 'cli', text: args[1], published: args[3] ?? null, events: [] };
else if (args[0] === '--mm') {
  const r = sampleRow('mm/mm-sample.jsonl', args[1]);
  doc = { id: r.id, text: r.notes, published: r.startdate, events: [] };
  console.log(`gold: ${r.country} | ${r.location} | ${r.acled_event_type} / ${r.acled_sub_event_type}`);
} else if (args[0] === '--ucdp') {
  const r = sampleRow('ucdp/ged-sample.jsonl', args[1]);
  doc = { id: String(r.id), text: String(r.headline).split(';').map((h) => h.trim()).join('\n'), published: String(r.source_date).split(';')[0].trim(), events: [] };
  console.log(`gold: ${r.country} | ${r.where_description} | ${r.date_start}..${r.date_end} | deaths ${r.low}/${r.best}/${r.high}`);
} else {
  const f = existsSync(args[0]) ? args[0] : path.join(shared, 'gold', `${args[0]}.json`);
  doc = JSON.parse(readFileSync(f, 'utf8'));
}
const x = extractReport({ id: doc.id, text: doc.text, published: doc.published ?? null });
console.log(`ref ${x.referenceDate} country ${x.country}`);
for (const s of x.sentences) {
  const flags = [s.quoted && 'Q', s.boilerplate && 'B', s.heading && 'H'].filter(Boolean).join('');
  console.log(`\n[${s.index}${flags ? ' ' + flags : ''}] ${s.text}`);
  for (const p of x.places.filter((m) => m.sentence === s.index)) console.log(`   place ${p.text} → ${p.place ? `${p.place.name}/${p.place.kind}/${p.place.admin1}/${p.place.country}` : 'null'} role=${p.role} gp=${p.geo_precision}`);
  for (const a of x.actors.filter((m) => m.sentence === s.index)) console.log(`   actor "${a.text}" → ${a.actor} (${a.inter}, ${a.kind}${a.role_hint ? ', ' + a.role_hint : ''}${a.claimed ? ', claimed' : ''})`);
  for (const d of x.dates.filter((m) => m.sentence === s.index)) console.log(`   date "${d.text}" → ${d.date} tp${d.time_precision}${d.background ? ' background' : ''}`);
  const cues = findCues(s.text, s.start);
  if (cues.length) {
    const cls = classifySentence(cues, x.actors.filter((m) => m.sentence === s.index), x.claims.filter((m) => m.sentence === s.index), { docIsProtest: true });
    console.log(`   cues ${cues.map((c) => `${c.category}:${c.text}(${c.weight})`).join(' ')} ⇒ ${cls ? `${cls.sub_event_type} ${cls.score}` : '-'}`);
  }
  for (const c of x.claims.filter((m) => m.sentence === s.index)) console.log(`   claim "${c.text}" ${c.kind} ${c.low}-${c.high} best ${c.best} ${c.victims} src=${c.source}${c.vague ? ' vague' : ''}${c.negated ? ' negated' : ''}`);
}
console.log('\nPREDICTED');
for (const e of x.events) console.log(`  ${e.event_date} tp${e.time_precision} ${e.sub_event_type} | ${e.actor1} (${e.inter1}) vs ${e.actor2} (${e.inter2}) | ${e.location}, ${e.admin1}, ${e.country} gp${e.geo_precision} | f ${e.fatalities_low}/${e.fatalities}/${e.fatalities_high}`);
if (doc.events?.length) {
  console.log('GOLD');
  for (const e of doc.events) console.log(`  ${e.core ? '*' : ' '}${e.event_date} tp${e.time_precision} ${e.sub_event_type} | ${e.actor1} (${e.inter1}) vs ${e.actor2} (${e.inter2}) | ${e.location}, ${e.admin1}, ${e.country} gp${e.geo_precision} | f ${JSON.stringify(e.fatalities)}`);
  console.log(`  total ${JSON.stringify(doc.fatalities_total)}`);
}
