/**
 * Place mentions: the gazetteer (built by data/gazetteer/build.mjs from GeoNames-derived data,
 * CC BY 4.0) and the geocoder that finds place names in sentences and resolves each to a Place
 * with a role and an ACLED geo_precision. Also small country helpers other stages use.
 */
import isoCountries from 'i18n-iso-countries';
import type { CleanText, PlaceMention, Sentence } from '../../../model/index.js';
import { foldName } from './fold.js';
import { findPlacesIn, type FindOptions } from './find.js';
import { DEFAULT_GAZETTEER_PATH, Gazetteer, type CountryInfo } from './gazetteer.js';

export { Gazetteer, DEFAULT_GAZETTEER_PATH, kmBetween } from './gazetteer.js';
export type { CountryInfo, NameHit } from './gazetteer.js';
export type { FindOptions } from './find.js';
export { foldName } from './fold.js';

const cache = new Map<string, Gazetteer>();

/**
 * Load the built gazetteer once per path (cached). Default path:
 * data/gazetteer/build/gazetteer.bin. Throws Error naming the path when it is missing.
 */
export function loadGazetteer(path?: string): Gazetteer {
  const p = path ?? DEFAULT_GAZETTEER_PATH;
  let g = cache.get(p);
  if (!g) {
    g = new Gazetteer(p);
    cache.set(p, g);
  }
  return g;
}

/**
 * Find and resolve place mentions in a document (offsets into doc.text); document-level
 * context (countries, demonyms, admin units, other places, the dateline) is used for ranking.
 * Returns accepted mentions in text order (also rejected ones with place null when
 * `opts.keepRejected`). Never throws on odd text.
 */
export function findPlaces(doc: CleanText, sentences: Sentence[], gaz: Gazetteer, opts?: FindOptions): PlaceMention[] {
  return findPlacesIn(doc, sentences, gaz, opts);
}

function info(gaz: Gazetteer, i: number): CountryInfo | null {
  return i >= 0 ? { ...gaz.countries[i]! } : null;
}

/**
 * A country by any of its names ("DRC", "Burma", "Côte d'Ivoire", "United States"), as
 * {name (ACLED style), iso2, iso (numeric), latitude, longitude}; null when unknown.
 * Uses the default gazetteer unless one is given.
 */
export function countryByName(name: string, gaz: Gazetteer = loadGazetteer()): CountryInfo | null {
  return info(gaz, gaz.countryOfName(name, foldName));
}

/**
 * A country as an analyst may type it in a filter: any name ("Sudan", " sudan ", "DRC"), or an
 * ISO 3166-1 code, alpha-2 ("SD"), alpha-3 ("SDN") or numeric ("729"); null when none matches.
 */
export function countryFromQuery(query: string, gaz: Gazetteer = loadGazetteer()): CountryInfo | null {
  const q = query.trim();
  if (!q) return null;
  const byName = countryByName(q, gaz);
  if (byName) return byName;
  let iso2: string | undefined;
  if (/^[A-Za-z]{2}$/.test(q)) iso2 = q.toUpperCase();
  else if (/^[A-Za-z]{3}$/.test(q)) iso2 = isoCountries.alpha3ToAlpha2(q.toUpperCase());
  else if (/^\d{1,3}$/.test(q)) iso2 = isoCountries.numericToAlpha2(q.padStart(3, '0'));
  return iso2 ? countryByIso2(iso2, gaz) : null;
}

/** A country by ISO 3166-1 alpha-2 code (case-insensitive), or null. */
export function countryByIso2(iso2: string, gaz: Gazetteer = loadGazetteer()): CountryInfo | null {
  return info(gaz, gaz.countryIndex(iso2));
}

/**
 * The country a demonym or people's name points to ("Pakistani", "Baloch" → Pakistan,
 * "Congolese" → Democratic Republic of Congo), or null. Source: data/gazetteer/demonyms.tsv.
 */
export function countryOfDemonym(word: string, gaz: Gazetteer = loadGazetteer()): CountryInfo | null {
  const iso2 = gaz.demonym(foldName(word));
  return iso2 ? info(gaz, gaz.countryIndex(iso2)) : null;
}

/**
 * A place by its name in one country, for an analyst's correction ("Tessit" in Mali): the
 * entity carrying that name (own name before alternates; a town before a district before a
 * province; then the most people), or null when the gazetteer has no such name there.
 * `country` is any name of the country; null/empty looks in every country.
 */
export function placeByName(name: string, country: string | null, gaz: Gazetteer = loadGazetteer()): import('../../../model/index.js').Place | null {
  const k = gaz.findName(foldName(name));
  if (k < 0) return null;
  const c = country ? gaz.countryOfName(country, foldName) : -1;
  if (country && c < 0) return null;
  const rank = { place: 0, admin2: 1, admin1: 2, country: 3 } as const;
  const hits = gaz
    .hits(k)
    .filter((h) => c < 0 || gaz.country[h.entity] === c)
    .sort(
      (a, b) =>
        Number(a.alternate) - Number(b.alternate) ||
        rank[gaz.kindOf(a.entity)] - rank[gaz.kindOf(b.entity)] ||
        gaz.pop[b.entity]! - gaz.pop[a.entity]!,
    );
  return hits.length ? gaz.place(hits[0]!.entity) : null;
}
