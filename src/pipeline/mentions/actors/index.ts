/**
 * Actor mentions: named groups, state forces and generic actors ("gunmen", "villagers") found in
 * sentences and named in ACLED's style, with inter codes, the actor's country and clause cues.
 *
 * Data: data/actors/*.json (sources in data/actors/README.md), compiled once into token tries.
 */
import type { ActorMention, CleanText, InterCode, Sentence } from '../../../model/index.js';
import { loadActorDictionary, type ActorDictionary } from './dictionary.js';
import { matchActors, renderName } from './match.js';
import { keyOf } from './tokens.js';

export { compileActorDictionary, loadActorDictionary, DEFAULT_ACTORS_DIR } from './dictionary.js';
export type { ActorDictionary } from './dictionary.js';

/** Context for naming state forces and generic actors. */
export interface ActorContext {
  /** The document's main country as ACLED names it ("Pakistan", "Democratic Republic of Congo"), or null. */
  country: string | null;
  /**
   * The report's reference date (YYYY-MM-DD), when known: picks date-bounded names (e.g. the Taliban
   * are Afghanistan's state forces from 2021-08-15, ATMIS replaces AMISOM in 2022). Optional.
   */
  date?: string | null;
}

/**
 * Find actor mentions in every sentence of `doc`, leftmost-longest, each with exact offsets into
 * doc.text. Named actors come from the dictionary; state-force words take the country named next to
 * them ("Nigerian police") or else `ctx.country`; generic words give e.g. "Unidentified Armed Group
 * (<Country>)" (inter 3). With no country known, the "(Country)" / "of Country" part is left out and
 * `country` is null. State forces of another country than ctx.country get inter 8 (ACLED: external forces).
 * Never throws on odd text; throws only when the dictionary files are missing or invalid.
 */
export function findActors(doc: CleanText, sentences: Sentence[], ctx: ActorContext, dict: ActorDictionary = loadActorDictionary()): ActorMention[] {
  return matchActors(dict, doc, sentences, { country: ctx.country, date: ctx.date ?? null });
}

const STATE = new Set(['military', 'police', 'state_other']);

/**
 * An ACLED-style name from a pattern and a country, with ACLED's article ("Military Forces of the
 * Philippines"): e.g. renderActorName('Police Forces of {the_country}', 'Kenya') → "Police Forces of Kenya";
 * renderActorName('Civilians ({country})', 'DR Congo') → "Civilians (Democratic Republic of Congo)".
 * Country names are normalised through the dictionary's country list; null drops the country part.
 */
export function renderActorName(template: string, country: string | null, dict: ActorDictionary = loadActorDictionary()): string {
  const info = country ? dict.countryInfo.get(keyOf(country)) : undefined;
  return renderName(template, info?.name ?? country, info?.article ?? false);
}

/**
 * The mention as it reads for an event in `country` (ACLED name): a name taken from the document's
 * country is re-rendered for `country`, and state forces whose own country differs get inter 8.
 * Returns a new object; `m` is unchanged.
 */
export function actorForCountry(m: ActorMention, country: string, dict: ActorDictionary = loadActorDictionary()): ActorMention {
  const info = dict.countryInfo.get(keyOf(country));
  const name = info?.name ?? country;
  const out: ActorMention = { ...m };
  if (m.template && m.country_source !== 'text' && m.country_source !== 'dictionary') {
    out.actor = renderName(m.template, name, info?.article ?? false);
    out.country = name;
    out.country_source = 'context';
  }
  if (STATE.has(m.kind) && out.country) out.inter = (out.country === name ? 1 : 8) as InterCode;
  return out;
}
