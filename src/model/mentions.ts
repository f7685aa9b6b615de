/**
 * Mentions found in sentences: places, actors, dates, casualty figures (claims).
 * Offsets are into CleanText.text, half-open [start, end); `sentence` is Sentence.index.
 */
import type { GeoPrecision, InterCode, TimePrecision } from './taxonomy.js';

/** Where something sits in the cleaned text. */
export interface TextSpan {
  sentence: number;
  start: number;
  end: number;
}

/** A kind of gazetteer feature. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'place';

/**
 * A gazetteer entry resolved for a mention. Coordinates in decimal degrees (WGS84),
 * rounded to 4 decimals. Names are English (GeoNames `name` / admin names).
 */
export interface Place {
  /** GeoNames geonameid when the row comes from GeoNames, else a negative local id. */
  id: number;
  name: string;
  kind: PlaceKind;
  /** GeoNames feature code: PPL, PPLA, PPLC, ADM1, ADM2, PCLI, CMP (camp), … */
  feature_code: string;
  /** Country English name as ACLED writes it (e.g. "Democratic Republic of Congo"). */
  country: string;
  /** ISO 3166-1 alpha-2, e.g. "PK". */
  iso2: string;
  /** ISO 3166-1 numeric, e.g. 586. */
  iso: number;
  admin1: string | null;
  admin2: string | null;
  latitude: number;
  longitude: number;
  population: number;
}

/** One candidate the geocoder weighed for a mention, with its score and why. */
export interface PlaceCandidate {
  place: Place;
  score: number;
  reasons: string[];
}

/** A place name found in the text and what it was resolved to. */
export interface PlaceMention extends TextSpan {
  /** The surface text, e.g. "Mastung". */
  text: string;
  /** The chosen place, or null when no candidate was good enough. */
  place: Place | null;
  /** Candidates considered, best first (for `sitrep geocode`). */
  candidates: PlaceCandidate[];
  /**
   * `location`: a place where something happened or is; `dateline`: the report's dateline;
   * `actor`: a place name used for its government ("Kabul said").
   */
  role: 'location' | 'dateline' | 'actor';
  /** ACLED geo precision this mention supports: 1 the place, 2 near it / a district, 3 a region. */
  geo_precision: GeoPrecision;
  /** True when the name is part of a site's name ("Tole junction", "Moro Market"): the site may lie away from the town. */
  site?: boolean;
}

/** Broad actor categories, used for linking and for generic actors. */
export type ActorKind =
  | 'military'
  | 'police'
  | 'state_other'
  | 'rebel'
  | 'political_militia'
  | 'identity_militia'
  | 'unidentified_armed'
  | 'rioters'
  | 'protesters'
  | 'civilians'
  | 'external';

/** An actor named in a sentence, normalised to the dictionary's canonical name. */
export interface ActorMention extends TextSpan {
  text: string;
  /** Canonical ACLED-style name, e.g. "Baloch Liberation Army", "Military Forces of Pakistan". */
  actor: string;
  inter: InterCode;
  kind: ActorKind;
  /** Country the actor belongs to (English name) when known. */
  country: string | null;
  /** True when the name came from a generic pattern ("gunmen") rather than the dictionary. */
  generic: boolean;
  /** Clause cue: the actor acts ('agent': subject of a violent verb, "by X") or is acted on ('patient'). */
  role_hint?: 'agent' | 'patient' | null;
  /** True when the sentence says this actor claimed responsibility. */
  claimed?: boolean;
  /** True when the actor is only the one speaking ("police said", "a military spokesman"): a source, not a party. */
  speaker?: boolean;
  /** True when the words name the actor's facility or object ("police station", "army camp"), not the actor acting. */
  facility?: boolean;
  /**
   * Where `country` came from: `text` (a country word in the mention: "Pakistani troops"), `dictionary`
   * (the group's home country), `context` (the document's country), null when unknown.
   */
  country_source?: 'text' | 'dictionary' | 'context' | null;
  /** The name pattern with "{country}" / "{the_country}" when the name depends on the country (for re-naming per event). */
  template?: string;
}

/** A date expression resolved against the reference date. */
export interface DateMention extends TextSpan {
  text: string;
  /** YYYY-MM-DD (for precision 2/3 a day inside the window). */
  date: string;
  time_precision: TimePrecision;
  /** True when computed from the reference date ("yesterday", "on Saturday"). */
  relative: boolean;
  /** True when the date reads as background (an earlier year, an anniversary), not an event date. */
  background?: boolean;
  /** True when the date lies after the reference date (a planned or announced event). */
  future?: boolean;
  /** True for a byline, dateline or "Published …" stamp: the report's own date, not an event's. */
  publication?: boolean;
  /** True when the date is when something was said ("police said on Monday"), not when it happened. */
  reporting?: boolean;
}

/** What a casualty figure counts. */
export type ClaimKind = 'killed' | 'injured' | 'abducted' | 'arrested';

/** Whose casualties a figure counts, when the text says. */
export type VictimSide = 'state_forces' | 'armed_group' | 'civilians' | 'protesters' | 'unknown';

/** One casualty figure as the text gives it, with who said it. */
export interface Claim extends TextSpan {
  kind: ClaimKind;
  /** Lower and upper bound of the figure; equal for an exact number. */
  low: number;
  high: number;
  /** The figure ACLED would use (most conservative credible): usually `low`. */
  best: number;
  victims: VictimSide;
  /** Who said it ("Interior Minister", "the military", "the group", "hospital officials"), or null. */
  source: string | null;
  /** The phrase, e.g. "at least 10 security officials were martyred". */
  text: string;
  /** True for a denial or a "no one was killed": a figure of 0 that must not create deaths. */
  negated?: boolean;
  /** True when deaths are reported without a number ("several were killed"); low/high/best hold a default. */
  vague?: boolean;
  /** True when the figure sits under a modal or threat ("could have killed", "threatened to kill"). */
  hypothetical?: boolean;
  /** True when the sentence denies the figure ("the army denied that 20 were killed"). */
  disputed?: boolean;
  /** How the text qualifies the figure: "at least 8", "around 58", "up to 20", "between 10 and 15"; absent when exact. */
  qualifier?: 'at_least' | 'approx' | 'at_most' | 'range';
  /** True when the text says "casualties", which may count the injured with the dead. */
  includes_injured?: boolean;
  /**
   * The report the offsets point into, set where claims of several reports sit together (an
   * incident-level export row); absent on an event's own claims (its `doc_id` is the report).
   */
  doc_id?: string;
}
