/**
 * The pipeline composed: RawReport → CleanText → Sentence[] → mentions → SitrepEvent[].
 * This is what `sitrep extract`, ingest, the API and the queue worker call.
 */
import type {
  ActorMention,
  Claim,
  CleanText,
  DateMention,
  PlaceMention,
  RawReport,
  Place,
  Sentence,
  SitrepEvent,
} from '../model/index.js';
import { cleanReport } from './clean/index.js';
import { splitSentences } from './sentences/index.js';
import { countryByName, countryOfDemonym, findPlaces, loadGazetteer, type Gazetteer } from './mentions/places/index.js';
import { findActors } from './mentions/actors/index.js';
import { findDates } from './mentions/dates/index.js';
import { findClaims } from './mentions/casualties/index.js';
import { buildEvents, type EventInput } from './events/index.js';

/** Options for one extraction. */
export interface ExtractOptions {
  /** A loaded gazetteer; the default built one is loaded (once) when omitted. */
  gazetteer?: Gazetteer;
  /** Date used when the report has no publication date (YYYY-MM-DD); defaults to today (UTC). */
  fallbackDate?: string;
  /** Longest cleaned text accepted, in characters (default MAX_TEXT_CHARS). */
  maxTextChars?: number;
}

/**
 * Longest cleaned report text extracted, in characters (1,000,000 ≈ 150,000 words; a news report
 * is 2,000–50,000). Longer text is refused with a clear error rather than risking minutes of
 * work and gigabytes of memory on what is almost never one report (a book, a log, a dump).
 */
export const MAX_TEXT_CHARS = 1_000_000;

/** Thrown when a report's cleaned text is longer than the limit; the message names the report. */
export class ReportTooLongError extends Error {
  constructor(docId: string, chars: number, limit: number) {
    super(`${docId}: report text is ${chars.toLocaleString('en')} characters, over the ${limit.toLocaleString('en')} limit; split it into separate reports`);
    this.name = 'ReportTooLongError';
  }
}

/**
 * Throws ReportTooLongError when the report's cleaned text would be over `limit` characters
 * (default MAX_TEXT_CHARS): for callers that accept a report now and extract it later (the
 * queue), so it is refused where it arrives, as extractReport would refuse it.
 */
export function checkReportLength(raw: RawReport, limit = MAX_TEXT_CHARS): void {
  // (cleaning never lengthens a text: a raw body within the limit needs no cleaning to tell)
  if ((raw.text?.length ?? 0) + (raw.html?.length ?? 0) <= limit) return;
  const doc = cleanReport(raw);
  if (doc.text.length > limit) throw new ReportTooLongError(doc.docId, doc.text.length, limit);
}

/** Every intermediate result of one extraction (the event stage's input and its events), for callers that show their work. */
export interface Extraction extends EventInput {
  events: SitrepEvent[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A reference date for a report without a publication date: the first full date written in
 * its opening lines ("January 31, 2026", "31 January 2026", "2026-01-31"), else null.
 */
export function dateWrittenInText(text: string): string | null {
  const head = text.slice(0, 1500);
  const iso = /\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b/.exec(head);
  const mdy = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b/i.exec(head);
  const dmy = /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+((?:19|20)\d\d)\b/i.exec(head);
  const found: { at: number; date: string }[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (iso) found.push({ at: iso.index, date: `${iso[1]}-${iso[2]}-${iso[3]}` });
  if (mdy) found.push({ at: mdy.index, date: `${mdy[3]}-${pad(MONTHS.indexOf(mdy[1]!.toLowerCase()) + 1)}-${pad(Number(mdy[2]))}` });
  if (dmy) found.push({ at: dmy.index, date: `${dmy[3]}-${pad(MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1)}-${pad(Number(dmy[1]))}` });
  found.sort((a, b) => a.at - b.at);
  return found[0]?.date ?? null;
}

/**
 * The country the report is about: a vote of location mentions in which a town or district
 * counts more than a country name (a country is often only the object of a protest or a
 * statement, a town is where things happen), plus the actors whose own words name a country
 * ("Tanzanian police", "Kuwaiti women") or whose group belongs to one. An armed force of one
 * country acting (often abroad: "Israeli strike") does not vote. Ties: the earliest.
 */
export function mainCountry(places: PlaceMention[], text = '', actors: ActorMention[] = []): string | null {
  const counts = new Map<string, number>();
  const weight = { place: 2, admin2: 2, admin1: 1.5, country: 1 } as const;
  for (const p of places) {
    if (!p.place) continue;
    // A country named as a party ("Guatemala's congress", "Israel said") still hints at what the
    // report is about, less than a place where something happened.
    if (p.role === 'actor' && p.place.kind === 'country') {
      counts.set(p.place.country, (counts.get(p.place.country) ?? 0) + 0.5);
      continue;
    }
    if (p.role !== 'location') continue;
    // A country people flee towards, that borders the scene, or that a deal is made with is
    // named, not where things happen.
    const before = text.slice(Math.max(0, p.start - 30), p.start);
    const elsewhere = p.place.kind === 'country' && /\b(?:towards?|border(?:s|ing)? with|with|fled (?:to|into)|flee(?:ing)? (?:to|into)|refuge in|crossed into|from neighbou?ring)\s+(?:the\s+)?$/i.test(before);
    counts.set(p.place.country, (counts.get(p.place.country) ?? 0) + (elsewhere ? 0 : weight[p.place.kind]));
  }
  for (const a of actors) {
    if (!a.country || a.speaker || (a.kind === 'military' || a.kind === 'external')) continue;
    const w = a.country_source === 'text' ? 1.5 : a.country_source === 'dictionary' ? 1 : 0;
    if (w) counts.set(a.country, (counts.get(a.country) ?? 0) + w);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [c, n] of counts) if (n > bestN) [best, bestN] = [c, n];
  return best;
}

/** A side named by what it fires from afar ("Russian drone", "Israeli strikes", "the Israeli enemy"). */
const REMOTE_FIRE = /\b(?:drones?|missiles?|rockets?|strikes?|airstrikes?|air ?force|jets|warplanes|aircraft|shelling|artillery|bombardment|occupation|enemy|navy)$/i;
/** What a people's name followed by one of these did: "Russians shelled Orikhiv". */
const FIRED_AFTER = /^\s+(?:shelled|struck|bombed|pounded|fired|launched|targeted|hit|attacked)\b/i;

/**
 * The most common country of actor mentions that carry one ("Nigerian troops"), or null. A side
 * firing from afar does not count: its country is who attacked, rarely where.
 */
function actorCountry(actors: ActorMention[], text: string): string | null {
  const counts = new Map<string, number>();
  for (const a of actors) {
    if (!a.country || REMOTE_FIRE.test(a.text) || (/s$/i.test(a.text) && FIRED_AFTER.test(text.slice(a.end, a.end + 20)))) continue;
    counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A country as a Place (its representative point), for events known only at country level. */
export function countryAsPlace(name: string, gazetteer: Gazetteer): Place | null {
  const c = countryByName(name, gazetteer);
  if (!c) return null;
  return {
    id: -(c.iso || 1),
    name: c.name,
    kind: 'country',
    feature_code: 'PCLI',
    country: c.name,
    iso2: c.iso2,
    iso: c.iso,
    admin1: null,
    admin2: null,
    latitude: c.latitude,
    longitude: c.longitude,
    population: 0,
  };
}

/** Words after a country's name that make it the side attacking ("Russia launched…", "Israel struck…"). */
// (headlines drop the pronoun: "Israel says killed four militants")
const ATTACK_AFTER_COUNTRY = /^\s+(?:said (?:on \w+ )?(?:that )?(?:it (?:had )?)?|says (?:that )?(?:it (?:has )?)?)?(?:struck|strikes|attacked|attacks|bombed|bombs|shelled|shells|raided|pounded|targeted|invaded|bombarded|launched|launches|fired|fires|carried out|conducted|hit|hits|killed|kills)\b/i;

/**
 * State actors named by a country's words, added with the agent role: a country the geocoder
 * found attacking ("Israel struck Hezbollah positions") or a people's name on a weapon fired
 * from afar ("a Russian missile") → its military; a country agreeing to a deal → its
 * government. So the event has its attacker, not the state of the place the strike landed in.
 * Actor mentions already covering the words are kept as they are; returns a new sorted list.
 */
function withCountriesActing(actors: ActorMention[], places: PlaceMention[], text: string, reportCountry: string | null, sentences: Sentence[]): ActorMention[] {
  const added: ActorMention[] = [];
  const taken = (start: number, end: number) => [...actors, ...added].some((a) => a.start < end && start < a.end);
  /** A state actor named by a country's words; external (8) outside the report's country. */
  const state = (span: { sentence: number; start: number; end: number; text: string }, country: string, kind: 'military' | 'state_other'): ActorMention => ({
    ...span,
    actor: kind === 'military' ? `Military Forces of ${country}` : `Government of ${country}`,
    inter: reportCountry && country !== reportCountry ? 8 : 1,
    kind,
    country,
    generic: false,
    role_hint: 'agent',
    country_source: 'text',
    template: kind === 'military' ? 'Military Forces of {country}' : 'Government of {country}',
  });
  for (const p of places) {
    if (p.place?.kind !== 'country' || p.role === 'dateline' || taken(p.start, p.end)) continue;
    const after = text.slice(p.end, p.end + 60);
    const span = { sentence: p.sentence, start: p.start, end: p.end, text: p.text };
    // "Israel and Hamas agreed to a ceasefire": the government is a party to the agreement
    // (a subject, not "…talks in Qatar and Egypt agreed…")
    if (AGREE_AFTER_COUNTRY.test(after) && !/\b(?:in|at|near|from|to|of|into|across)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, p.start - 12), p.start))) {
      added.push(state(span, p.place.country, 'state_other'));
      continue;
    }
    if (p.role === 'actor' && ATTACK_AFTER_COUNTRY.test(after)) added.push(state(span, p.place.country, 'military'));
  }
  // "A Russian missile hit Kharkiv", "Israeli strikes killed…": a people's name on a weapon fired
  // from afar (the mention is the people's name alone: the weapon word stays the event's cue)
  FIRED_BY_DEMONYM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIRED_BY_DEMONYM.exec(text))) {
    const start = m.index;
    const end = start + m[1]!.length;
    const c = countryOfDemonym(m[1]!);
    const sentence = sentences.find((x) => x.start <= start && start < x.end);
    if (!c || !sentence || taken(start, start + m[0].length)) continue;
    added.push(state({ sentence: sentence.index, start, end, text: m[1]! }, c.name, 'military'));
  }
  return added.length ? [...actors, ...added].sort((a, b) => a.start - b.start) : actors;
}

/** Words after a country's name that make its government a party to an agreement. */
const AGREE_AFTER_COUNTRY = /^\s+(?:and\s+[^,.;]{1,40}?\s+)?(?:have\s+|has\s+)?(?:agreed|signed|reached|struck)\b/i;

/** A people's name before a weapon fired from afar: "Russian missile", "Israeli air strikes". */
const FIRED_BY_DEMONYM = /\b(\p{Lu}\p{Ll}+)(?:-led)?\s+(?:missiles?|drones?|rockets?|air ?strikes?|airstrikes?|strikes|jets|warplanes|aircraft|artillery|shelling|shells|helicopter gunships?|gunships?)\b/gu;

/**
 * Run the whole pipeline on one report. Never throws on odd text; throws ReportTooLongError when
 * the cleaned text is over the limit, and an Error naming the file when the gazetteer is missing.
 */
export function extractReport(raw: RawReport, opts: ExtractOptions = {}): Extraction {
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const doc = cleanReport(raw);
  const limit = opts.maxTextChars ?? MAX_TEXT_CHARS;
  if (doc.text.length > limit) throw new ReportTooLongError(doc.docId, doc.text.length, limit);
  const sentences = splitSentences(doc);
  const referenceDate =
    doc.published ?? dateWrittenInText(doc.text) ?? opts.fallbackDate ?? new Date().toISOString().slice(0, 10);
  const places = findPlaces(doc, sentences, gazetteer);
  // Actors first without a country: those whose words name one help decide the report's country.
  const uncountried = findActors(doc, sentences, { country: null, date: referenceDate });
  // No place or civilian-side actor named: an armed force's country is better than none.
  const country = mainCountry(places, doc.text, uncountried) ?? actorCountry(uncountried, doc.text);
  const actors = withCountriesActing(country ? findActors(doc, sentences, { country, date: referenceDate }) : uncountried, places, doc.text, country, sentences);
  const countryPlace = country ? countryAsPlace(country, gazetteer) : null;
  const dates = findDates(doc, sentences, referenceDate);
  const claims = findClaims(doc, sentences);
  const events = buildEvents({ doc, sentences, places, actors, dates, claims, referenceDate, country, countryPlace });
  return { doc, sentences, places, actors, dates, claims, referenceDate, country, countryPlace, events };
}
