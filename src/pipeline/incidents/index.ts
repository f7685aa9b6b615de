/**
 * Incidents: deciding whether a new event is the same real-world event as an existing
 * incident, and reconciling an incident's fields from its events. Pure logic, no I/O:
 * the store finds candidates with the space-time keys below and calls these functions.
 *
 * Rules (ours, after the ACLED codebook's notion of one event = one place, one day, one
 * sub-event type, applied across reports):
 * - same event_type (the sub-event type family; Protests and Riots count as one, see clusterFamily);
 * - dates within the looser of the two time precisions: 1 day (precision 1), 7 days (2),
 *   31 days (3); a date with no evidence in the text (the publication date stood in) keeps
 *   its precision: outlets mostly report one event within a day of each other (in UCDP's
 *   multi-report rows, half the publication dates are 0–1 day apart), and a wider window
 *   joins a busy country's different events;
 * - places by the looser geo precision: 10 km (1), 25 km or the same admin2 (2), the same
 *   admin1, or the same country when one side has no admin1 (3); always the same country;
 * - actors compatible: two named, specific actor1s that differ and do not appear among
 *   the other event's actors contradict each other, except for one sub-event type told at
 *   the same spot on the same day with the other side agreeing (see sameSpotSameDay);
 * - death counts not far apart when both give one (see fatalitiesCompatible): UCDP's own
 *   coding of neighbouring events on consecutive days differs mostly there;
 * - known only at country level: the same sub-event type and a shared named actor, the same
 *   toll, or (neither naming the perpetrator) the same day with deaths in both.
 */
import type { SitrepEvent } from '../../model/index.js';

/** The fields of an event the matcher reads (a SitrepEvent satisfies it). */
export type MatchEvent = Pick<
  SitrepEvent,
  | 'event_id'
  | 'doc_id'
  | 'event_date'
  | 'time_precision'
  | 'event_type'
  | 'sub_event_type'
  | 'actor1'
  | 'assoc_actor_1'
  | 'inter1'
  | 'actor2'
  | 'assoc_actor_2'
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'location'
  | 'latitude'
  | 'longitude'
  | 'geo_precision'
> &
  Partial<Pick<SitrepEvent, 'evidence' | 'claims' | 'fatalities' | 'fatalities_low' | 'fatalities_high' | 'source'>>;

/** The reconciled fields of an incident (the store adds incident_id, doc_ids, event_ids). */
export interface IncidentFields {
  event_date: string;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  actor1: string | null;
  actor2: string | null;
  country: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number;
  fatalities: number;
  fatalities_low: number;
  fatalities_high: number;
  /** Distinct outlets (an event's `source`, else its doc_id). */
  source_count: number;
}

/** An incident as a candidate for a new event: its reconciled fields and who is in it. */
export interface CandidateIncident extends IncidentFields {
  incident_id: string;
  event_ids: string[];
  doc_ids: string[];
  /** Normalised names of every actor of its events (actor1/2 and associates). */
  actors: string[];
}

/** Analyst decisions the matcher must respect: pairs of event_ids. */
export interface Decisions {
  /** Events that must share an incident (from merges): event_id → partners. */
  mustLink: Map<string, Set<string>>;
  /** Events that must not share an incident (from splits): event_id → partners. */
  cannotLink: Map<string, Set<string>>;
}

/** Empty decisions. */
export function noDecisions(): Decisions {
  return { mustLink: new Map(), cannotLink: new Map() };
}

/** Date tolerance in days for an ACLED time precision: 1 → 1, 2 → 7, 3 → 31. */
export function dateToleranceDays(timePrecision: number): number {
  return timePrecision >= 3 ? 31 : timePrecision === 2 ? 7 : 1;
}

/** The widest tolerance any pair can have (days): candidates are looked up within it. */
export const MAX_DATE_TOLERANCE_DAYS = 31;

/** Days since 1970-01-01 for a YYYY-MM-DD date (UTC). Throws on a malformed date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/**
 * The time precision the matcher uses for an event: its own (see the module comment for why
 * an undated event keeps it).
 */
export function effectiveTimePrecision(e: { time_precision: number; evidence?: MatchEvent['evidence'] }): number {
  return e.time_precision;
}

/** True when the event's date came from its text, not from the report's publication date. */
export function hasDateEvidence(e: { evidence?: MatchEvent['evidence'] }): boolean {
  return !e.evidence || !!e.evidence.event_date;
}

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Distance limit in km for the looser geo precision of a pair: 10 (1), 25 (2). */
export function distanceLimitKm(geoPrecision: number): number {
  return geoPrecision <= 1 ? 10 : 25;
}

/** Lower-case, accents and punctuation removed, spaces collapsed: for comparing names. */
export function normName(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

type PlaceLike = Pick<MatchEvent, 'country' | 'admin1' | 'admin2' | 'location' | 'latitude' | 'longitude'> & { geo_precision: number };
type DateLike = { event_date: string; time_precision: number; evidence?: MatchEvent['evidence'] };

/** True when two places can be the same place of one event (rules in the module comment). */
export function placesCompatible(a: PlaceLike, b: PlaceLike): boolean {
  const ca = normName(a.country);
  const cb = normName(b.country);
  if (!ca || !cb || ca !== cb) return false;
  const p = Math.max(a.geo_precision, b.geo_precision);
  const haveCoords = a.latitude != null && a.longitude != null && b.latitude != null && b.longitude != null;
  const km = haveCoords ? haversineKm(a.latitude!, a.longitude!, b.latitude!, b.longitude!) : Infinity;
  const sameLoc = !!a.location && normName(a.location) === normName(b.location);
  const a1a = normName(a.admin1);
  const a1b = normName(b.admin1);
  const sameAdmin1 = !!a1a && a1a === a1b;
  if (p <= 1) return km <= distanceLimitKm(1) || (!haveCoords && sameLoc && (sameAdmin1 || !a1a || !a1b));
  if (p === 2) {
    const sameAdmin2 = !!a.admin2 && normName(a.admin2) === normName(b.admin2);
    return km <= distanceLimitKm(2) || sameAdmin2 || (sameLoc && (sameAdmin1 || !a1a || !a1b));
  }
  // Precision 3: a region only. Same admin1; a side without admin1 knows only the country.
  return sameAdmin1 || !a1a || !a1b;
}

/** True when two dates fit within the looser of their tolerances. */
export function datesCompatible(a: DateLike, b: DateLike): boolean {
  const tol = Math.max(dateToleranceDays(effectiveTimePrecision(a)), dateToleranceDays(effectiveTimePrecision(b)));
  return Math.abs(dayNumber(a.event_date) - dayNumber(b.event_date)) <= tol;
}

const GENERIC_ACTOR =
  /^(unidentified|unknown|civilians|protesters|rioters|private security|local residents|villagers|gunmen|armed men|militants?)\b/;

/**
 * A comparable key for an actor name: state forces reduce to their country ("Military
 * Forces of Sudan (2019-)", "Police Forces of Sudan" and "Government of Sudan" are one side
 * of a report's story).
 */
export function actorKey(name: string | null | undefined): string {
  const n = normName(name);
  if (!n) return '';
  const state = /^(?:(?:military|police|government|state|security|armed) forces of|government of) ([a-z ]+?)(?: \d{4}.*)?$/.exec(n);
  if (state) return `state ${state[1]}`;
  return n;
}

/** True when the name is a generic or unnamed actor, which never contradicts another. */
export function isGenericActor(name: string | null | undefined): boolean {
  const n = normName(name);
  return !n || GENERIC_ACTOR.test(n);
}

/** Normalised keys of every actor of an event (actor1, actor2 and associates split on ';'). */
export function actorKeysOf(e: Pick<MatchEvent, 'actor1' | 'actor2' | 'assoc_actor_1' | 'assoc_actor_2'>): string[] {
  const out = new Set<string>();
  for (const v of [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2]) {
    if (!v) continue;
    for (const part of v.split(';')) {
      const k = actorKey(part);
      if (k) out.add(k);
    }
  }
  return [...out];
}

/**
 * True unless the two sides name different specific primary actors that the other side
 * never mentions (e.g. one report blames one armed group, the other a different one).
 */
export function actorsCompatible(
  a: { actor1: string | null; actors: string[] },
  b: { actor1: string | null; actors: string[] },
): boolean {
  if (isGenericActor(a.actor1) || isGenericActor(b.actor1)) return true;
  const ka = actorKey(a.actor1);
  const kb = actorKey(b.actor1);
  if (ka === kb) return true;
  return b.actors.includes(ka) || a.actors.includes(kb);
}

/**
 * True when two events of one sub-event type are told for the same day at the same spot (the
 * same named place, or within 10 km, both placed at least to a district): outlets blame
 * different perpetrators for one event far more often than two such events share a spot and
 * a day, so different actor1s do not keep them apart when the other side agrees (see matchScore).
 */
export function sameSpotSameDay(a: MatchEvent | CandidateIncident, b: MatchEvent | CandidateIncident): boolean {
  if (a.sub_event_type !== b.sub_event_type || a.event_date !== b.event_date) return false;
  if (a.geo_precision > 2 || b.geo_precision > 2) return false;
  if (a.location && normName(a.location) === normName(b.location) && normName(a.admin1) === normName(b.admin1)) return true;
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) return false;
  return haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) <= distanceLimitKm(1);
}

/**
 * False when both sides give deaths and the figures are far apart (more than double and at
 * least 3 apart): two outlets' counts of one event differ, but rarely that much.
 */
export function fatalitiesCompatible(
  a: { fatalities?: number; fatalities_low?: number; fatalities_high?: number },
  b: { fatalities?: number; fatalities_low?: number; fatalities_high?: number },
): boolean {
  const lo = (x: typeof a) => x.fatalities_low ?? x.fatalities ?? 0;
  const hi = (x: typeof a) => Math.max(x.fatalities_high ?? 0, x.fatalities ?? 0);
  if (!hi(a) || !hi(b)) return true;
  // Ranges that overlap agree; otherwise compare the nearest ends.
  if (lo(a) <= hi(b) && lo(b) <= hi(a)) return true;
  const [small, big] = hi(a) < lo(b) ? [hi(a), lo(b)] : [hi(b), lo(a)];
  return !(big > 2 * small && big - small >= 3);
}

const RISEN_TOLL = /\b(?:toll|rose|risen|rises?|climbed|climbs?|increased|increases|reached|reaches)\b/i;

/**
 * True when the event's death figure is a lower bound the incident's exceeds ("at least three
 * killed" beside a later 25), or is itself a risen toll above the incident's ("the death toll
 * rose to 25" beside an early 3): early and late counts of one event, not two events.
 */
export function tollCanGrowTo(e: Pick<MatchEvent, 'claims' | 'fatalities'>, inc: { fatalities?: number }): boolean {
  const killed = (e.claims ?? []).filter((c) => c.kind === 'killed' && !c.negated && !c.hypothetical);
  const mine = e.fatalities ?? 0;
  const theirs = inc.fatalities ?? 0;
  if (mine < theirs) return killed.some((c) => c.qualifier === 'at_least' && c.best === mine);
  return mine > theirs && killed.some((c) => c.best === mine && RISEN_TOLL.test(c.text));
}

/**
 * The family two reports must share to be one incident: the event type, except that Protests and
 * Riots are one family (outlets differ on whether a crowd turned violent; the incident's type is
 * then voted by its sources).
 */
export function clusterFamily(eventType: string): string {
  return eventType === 'Protests' || eventType === 'Riots' ? 'Demonstrations' : eventType;
}

/** The event types of a clustering family. */
function typesOfFamily(eventType: string): string[] {
  return clusterFamily(eventType) === 'Demonstrations' ? ['Protests', 'Riots'] : [eventType];
}

/**
 * How well an event fits a candidate incident, higher is better; null when it cannot be
 * the same event (type, date, place, actors, same report, or an analyst's split).
 */
export function matchScore(e: MatchEvent, inc: CandidateIncident, decisions: Decisions = noDecisions()): number | null {
  if (clusterFamily(e.event_type) !== clusterFamily(inc.event_type)) return null;
  if (inc.doc_ids.includes(e.doc_id)) return null; // one report's events are distinct by construction
  const cannot = decisions.cannotLink.get(e.event_id);
  if (cannot && inc.event_ids.some((id) => cannot.has(id))) return null;
  const incDate = { event_date: inc.event_date, time_precision: inc.time_precision };
  if (!datesCompatible(e, incDate)) return null;
  if (!placesCompatible(e, inc)) return null;
  const eActors = actorKeysOf(e);
  if (!actorsCompatible({ actor1: e.actor1, actors: eActors }, { actor1: inc.actor1, actors: inc.actors })) {
    // outlets blaming different perpetrators for one act at one spot on one day (the other
    // side, when both name one, must still agree)
    const otherSideAgrees = actorsCompatible({ actor1: e.actor2, actors: eActors }, { actor1: inc.actor2, actors: inc.actors });
    if (!(sameSpotSameDay(e, inc) && otherSideAgrees)) return null;
  }

  if (!fatalitiesCompatible(e, inc) && !tollCanGrowTo(e, inc)) return null;
  const shared = eActors.filter((k) => inc.actors.includes(k) && !isGenericActor(k)).length;
  // Known only at country level, two reports are one event only when they also agree on
  // what happened and who was involved: a country sees many events a week.
  if (!normName(e.admin1) || !normName(inc.admin1)) {
    if (e.sub_event_type !== inc.sub_event_type) return null;
    // … or, neither naming who did it, on the same day with deaths in both (counts already
    // found compatible above)
    const unnamedSameDay =
      e.event_date === inc.event_date && isGenericActor(e.actor1) && isGenericActor(inc.actor1) && (e.fatalities ?? 0) > 0 && inc.fatalities > 0;
    if (shared === 0 && !(e.fatalities && e.fatalities === inc.fatalities) && !unnamedSameDay) return null;
  }
  let score = 0;
  const days = Math.abs(dayNumber(e.event_date) - dayNumber(inc.event_date));
  score += 2 - Math.min(days, 31) / 16;
  if (e.latitude != null && e.longitude != null && inc.latitude != null && inc.longitude != null) {
    score += 2 - Math.min(haversineKm(e.latitude, e.longitude, inc.latitude, inc.longitude), 100) / 50;
  }
  if (e.location && normName(e.location) === normName(inc.location)) score += 1;
  if (e.sub_event_type === inc.sub_event_type) score += 1;
  score += Math.min(shared, 2) * 0.5;
  // (of two incidents that fit as well, the one more outlets told: a report that split one event
  // in two leaves a thin twin beside it)
  score += 0.05 * Math.min(inc.source_count, 10);
  return score;
}

/**
 * The best candidate for an event, or null to start a new incident. A must-link decision
 * (an analyst merge) wins over the rules.
 */
export function chooseIncident(
  e: MatchEvent,
  candidates: CandidateIncident[],
  decisions: Decisions = noDecisions(),
): CandidateIncident | null {
  const must = decisions.mustLink.get(e.event_id);
  if (must) {
    const forced = candidates.find((c) => c.event_ids.some((id) => must.has(id)));
    if (forced) return forced;
  }
  let best: CandidateIncident | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = matchScore(e, c, decisions);
    // equal scores go to the lower incident_id: every engine returns candidates in its own order
    if (s != null && (s > bestScore || (s === bestScore && best !== null && c.incident_id < best.incident_id))) [best, bestScore] = [c, s];
  }
  return best;
}

// ---- Analyst decisions ---------------------------------------------------------------------

/** Incidents further apart than this (days) merge only when the analyst insists ("force"). */
export const MERGE_MAX_DAYS = 30;

/**
 * Why merging two incidents looks like a slip of the hand (an IED in Sudan onto a shooting in
 * Mexico): they lie in different countries or more than MERGE_MAX_DAYS apart. null when the
 * merge is plausible.
 */
export function mergeDoubt(a: Pick<IncidentFields, 'country' | 'event_date'>, b: Pick<IncidentFields, 'country' | 'event_date'>): string | null {
  if (a.country !== b.country) return 'in different countries';
  const days = Math.abs(dayNumber(a.event_date) - dayNumber(b.event_date));
  return days > MERGE_MAX_DAYS ? `${days} days apart` : null;
}

// ---- Space-time index keys -------------------------------------------------------------

/** Grid cell size in degrees for the spatial index (about 22 km of latitude). */
export const GRID_DEGREES = 0.2;
const KM_PER_DEGREE = 111.2;

/** The grid cell of a point: `row:col` on a GRID_DEGREES grid. */
export function gridCell(lat: number, lon: number): string {
  return `${Math.floor(lat / GRID_DEGREES)}:${Math.floor(lon / GRID_DEGREES)}`;
}

/** Grid cells within `km` of a point (a rectangle of cells covering the circle). */
export function gridCellsNear(lat: number, lon: number, km: number): string[] {
  const r = Math.floor(lat / GRID_DEGREES);
  const c = Math.floor(lon / GRID_DEGREES);
  const dr = Math.ceil(km / (GRID_DEGREES * KM_PER_DEGREE));
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 0.05);
  const dc = Math.min(Math.ceil(km / (GRID_DEGREES * KM_PER_DEGREE * cos)), 20);
  const out: string[] = [];
  for (let i = -dr; i <= dr; i++) for (let j = -dc; j <= dc; j++) out.push(`${r + i}:${c + j}`);
  return out;
}

/** One row of the space-time index: an incident under a key on its day. */
export interface IndexKey {
  key: string;
  /** Day number (days since 1970-01-01) of the incident's date. */
  day: number;
  /** The incident's own date tolerance in days. */
  tol: number;
}

/**
 * Index rows for an incident. Keys, each prefixed with the event type:
 * `g:` grid cell of its point; `a1p:`/`a1c:` its admin1 when its place is precise (1) /
 * coarse (2–3); `c:` its country; `c0:` its country when it has no admin1.
 */
export function incidentIndexKeys(inc: IncidentFields): IndexKey[] {
  const t = inc.event_type;
  const day = dayNumber(inc.event_date);
  const tol = dateToleranceDays(inc.time_precision);
  const country = normName(inc.country);
  const keys: string[] = [`${t}|c:${country}`];
  if (inc.latitude != null && inc.longitude != null) keys.push(`${t}|g:${gridCell(inc.latitude, inc.longitude)}`);
  const a1 = normName(inc.admin1);
  if (a1) keys.push(`${t}|${inc.geo_precision <= 1 ? 'a1p' : 'a1c'}:${country}|${a1}`);
  else keys.push(`${t}|c0:${country}`);
  return keys.map((key) => ({ key, day, tol }));
}

/** What to look up for an event: keys and the day window (days since 1970-01-01). */
export interface Lookup {
  keys: string[];
  dayFrom: number;
  dayTo: number;
  /** The event's own tolerance: a candidate fits when |Δday| <= max(tol, candidate tol). */
  tol: number;
  day: number;
}

/**
 * Keys under which every incident that could match the event is indexed: nearby grid
 * cells (points within 25 km), coarse incidents of its admin1, incidents without admin1
 * in its country; precise incidents of its admin1 when the event itself is coarse; all
 * of its country's incidents when the event has no admin1.
 */
export function eventLookup(e: MatchEvent): Lookup {
  const country = normName(e.country);
  const keys = new Set<string>();
  // (incidents stay indexed under their own event type; a demonstration looks under both kinds)
  for (const t of typesOfFamily(e.event_type)) {
    if (e.latitude != null && e.longitude != null) {
      for (const cell of gridCellsNear(e.latitude, e.longitude, distanceLimitKm(2))) keys.add(`${t}|g:${cell}`);
    }
    const a1 = normName(e.admin1);
    if (a1) {
      keys.add(`${t}|a1c:${country}|${a1}`);
      if (e.geo_precision >= 2) keys.add(`${t}|a1p:${country}|${a1}`);
      keys.add(`${t}|c0:${country}`);
    } else {
      keys.add(`${t}|c:${country}`);
    }
  }
  const day = dayNumber(e.event_date);
  const tol = dateToleranceDays(effectiveTimePrecision(e));
  return { keys: [...keys], dayFrom: day - MAX_DATE_TOLERANCE_DAYS, dayTo: day + MAX_DATE_TOLERANCE_DAYS, tol, day };
}

// ---- Reconciliation ---------------------------------------------------------------------

/** The most common value (ties: the first seen). */
function vote<T>(values: T[], keyOf: (v: T) => string): T | null {
  const counts = new Map<string, { v: T; n: number; first: number }>();
  values.forEach((v, i) => {
    const k = keyOf(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1, first: i });
  });
  let best: { v: T; n: number; first: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.first < best.first)) best = c;
  return best ? best.v : null;
}

/**
 * Fatalities of an incident over its sources: each distinct (low, best, high) figure counts
 * once (the same claim repeated by two outlets counts once); events whose
 * report gave no death figure are left out unless no event gave one. low = the lowest low,
 * high = the highest high, best = the lower median of the distinct best figures
 * (conservative, as ACLED's "most conservative credible figure").
 */
export function reconcileFatalities(events: MatchEvent[]): { fatalities: number; fatalities_low: number; fatalities_high: number } {
  const seen = new Set<string>();
  const figures: { low: number; best: number; high: number }[] = [];
  for (const e of events) {
    const killed = (e.claims ?? []).filter((c) => c.kind === 'killed');
    const best = e.fatalities ?? 0;
    if (killed.length === 0 && best === 0) continue;
    // Two reports giving the same figures pass on one count, however each worded whose dead
    // they were or repeated it in a headline.
    const sig = `fig|${best}|${e.fatalities_low ?? best}|${e.fatalities_high ?? best}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    figures.push({ low: e.fatalities_low ?? best, best, high: e.fatalities_high ?? best });
  }
  if (figures.length === 0) return { fatalities: 0, fatalities_low: 0, fatalities_high: 0 };
  const bests = figures.map((f) => f.best).sort((a, b) => a - b);
  const best = bests[Math.floor((bests.length - 1) / 2)]!;
  const low = Math.min(best, ...figures.map((f) => f.low));
  const high = Math.max(best, ...figures.map((f) => f.high));
  return { fatalities: best, fatalities_low: low, fatalities_high: high };
}

/**
 * An incident's fields from its events (at least one): the most precise place and date
 * (dates read in the text before publication dates; ties: the most reported, then the first), actors by agreement (most reported named
 * actor, generic names only when nothing else), fatalities per reconcileFatalities,
 * source_count = distinct sources. Throws on an empty list.
 */
export function reconcile(events: MatchEvent[]): IncidentFields {
  if (events.length === 0) throw new Error('reconcile: an incident needs at least one event');
  const minGeo = Math.min(...events.map((e) => e.geo_precision));
  const place = vote(
    events.filter((e) => e.geo_precision === minGeo),
    (e) => `${normName(e.location)}|${normName(e.admin1)}|${e.latitude}|${e.longitude}`,
  )!;
  // A date read in a report beats a publication date standing in for one.
  const withEvidence = events.filter(hasDateEvidence);
  const pool = withEvidence.length ? withEvidence : events;
  const minTime = Math.min(...pool.map(effectiveTimePrecision));
  const dated = vote(
    pool.filter((e) => effectiveTimePrecision(e) === minTime),
    (e) => e.event_date,
  )!;
  const type = vote(events, (e) => e.sub_event_type)!;
  const pickActor = (names: (string | null)[]): string | null => {
    const named = names.filter((n): n is string => !!n && !isGenericActor(n));
    if (named.length) return vote(named, actorKey);
    const any = names.filter((n): n is string => !!n);
    return any.length ? vote(any, actorKey) : null;
  };
  const sources = new Set(events.map((e) => normName(e.source) || `doc:${e.doc_id}`));
  return {
    event_date: dated.event_date,
    time_precision: minTime,
    event_type: type.event_type,
    sub_event_type: type.sub_event_type,
    actor1: pickActor(events.map((e) => e.actor1)),
    actor2: pickActor(events.map((e) => e.actor2)),
    country: place.country,
    admin1: place.admin1,
    admin2: place.admin2,
    location: place.location,
    latitude: place.latitude,
    longitude: place.longitude,
    geo_precision: place.geo_precision,
    ...reconcileFatalities(events),
    source_count: sources.size,
  };
}
