/**
 * The built gazetteer (data/gazetteer/build/gazetteer.bin, made by data/gazetteer/build.mjs from
 * GeoNames-derived data, CC BY 4.0): columnar typed arrays over all entities (countries, admin1,
 * admin2, populated places, supplement rows) and a sorted name index searched by binary search.
 * Loaded once, read-only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place, PlaceKind } from '../../../model/index.js';

/** A country as the gazetteer knows it. Coordinates: a representative populated place (decimal degrees). */
export interface CountryInfo {
  /** English name as ACLED writes it, e.g. "Democratic Republic of Congo". */
  name: string;
  /** ISO 3166-1 alpha-2, e.g. "CD" (Kosovo: "XK"). */
  iso2: string;
  /** ISO 3166-1 numeric, e.g. 180 (0 when none, e.g. Kosovo). */
  iso: number;
  latitude: number;
  longitude: number;
}

/** One hit of the name index: an entity and how the name is attached to it. */
export interface NameHit {
  entity: number;
  /** The name is one of GeoNames' alternate names, not the main one. */
  alternate: boolean;
  /** The name is an abbreviation ("KP", "DRC"): matched only when written in capitals. */
  abbreviation: boolean;
}

interface Header {
  format: string;
  version: number;
  attribution: string;
  entities: number;
  names: number;
  kinds: PlaceKind[];
  fcodes: string[];
  countries: { name: string; iso2: string; iso3: string; iso: number; lat: number; lon: number }[];
  demonyms: Record<string, string>;
  /** Folded names of armed groups and named forces bound to one country → alpha-2 (from data/actors). */
  groups?: Record<string, string>;
  notPlaces: string[];
  sections: { name: string; type: string; offset: number; length: number }[];
}

const CTORS = { Uint8Array, Uint16Array, Uint32Array, Int32Array } as const;

/** Default location of the built file. */
export const DEFAULT_GAZETTEER_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..', '..', '..', '..', 'data', 'gazetteer', 'build', 'gazetteer.bin',
);

/**
 * The loaded gazetteer. Entities are numbered 0..size-1; countries come first (entity i is
 * country i for i < countryCount). Use `place(i)` to materialise a Place.
 */
export class Gazetteer {
  readonly size: number;
  readonly path: string;
  readonly attribution: string;
  readonly kind: Uint8Array;
  readonly fcode: Uint8Array;
  readonly country: Uint16Array;
  readonly admin1: Int32Array;
  readonly admin2: Int32Array;
  readonly lat: Int32Array;
  readonly lon: Int32Array;
  readonly pop: Uint32Array;
  readonly gid: Int32Array;
  /** Per-entity flags (bit 1: an admin2 unit with no known place inside, placed at its admin1's point); zeros for older files. */
  readonly eflags: Uint8Array;
  readonly fcodes: string[];
  readonly countries: CountryInfo[];
  private readonly kinds: PlaceKind[];
  private readonly nameOff: Uint32Array;
  private readonly postStart: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly nameFlags: Uint8Array;
  private readonly nameBlob: string;
  private readonly display: string;
  private readonly skOff: Uint32Array;
  private readonly skPostStart: Uint32Array;
  private readonly skPostings: Uint32Array;
  private readonly skBlob: string;
  private displayStart: Uint32Array | null = null;
  private readonly commonBlob: string;
  private common: Set<string> | null = null;
  private readonly countryByKey = new Map<string, number>();
  private readonly demonyms: Map<string, string>;
  private readonly groups: Map<string, string>;
  private readonly iso2Index = new Map<string, number>();
  private readonly notPlaces: Set<string>;
  private capitals: Int32Array | null = null;

  /** Read a built file. Throws Error naming the path when it is missing or not a gazetteer. */
  constructor(path: string = DEFAULT_GAZETTEER_PATH) {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (e) {
      throw new Error(`gazetteer not found at ${path}: run \`npm run build:gazetteer\` (${(e as Error).message})`);
    }
    if (buf.length < 12 || buf.toString('latin1', 0, 8) !== 'SITGAZ01') throw new Error(`${path} is not a sitrep gazetteer file`);
    const hlen = buf.readUInt32LE(8);
    const h = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as Header;
    // Copy into one aligned ArrayBuffer so typed arrays can view it without per-section copies.
    const ab = new ArrayBuffer(buf.length);
    new Uint8Array(ab).set(buf);
    const sec = new Map(h.sections.map((s) => [s.name, s]));
    const view = <K extends keyof typeof CTORS>(name: string, type: K): InstanceType<(typeof CTORS)[K]> => {
      const s = sec.get(name);
      if (!s || s.type !== type) throw new Error(`${path}: section ${name} missing or of the wrong type`);
      return new CTORS[type](ab, s.offset, s.length) as InstanceType<(typeof CTORS)[K]>;
    };
    const bytes = (name: string) => {
      const s = sec.get(name);
      if (!s) throw new Error(`${path}: section ${name} missing`);
      return buf.subarray(s.offset, s.offset + s.length);
    };
    this.path = path;
    this.size = h.entities;
    this.attribution = h.attribution;
    this.kinds = h.kinds;
    this.fcodes = h.fcodes;
    this.kind = view('kind', 'Uint8Array');
    this.fcode = view('fcode', 'Uint8Array');
    this.country = view('country', 'Uint16Array');
    this.admin1 = view('admin1', 'Int32Array');
    this.admin2 = view('admin2', 'Int32Array');
    this.lat = view('lat', 'Int32Array');
    this.lon = view('lon', 'Int32Array');
    this.pop = view('pop', 'Uint32Array');
    this.gid = view('gid', 'Int32Array');
    this.eflags = sec.has('eflags') ? view('eflags', 'Uint8Array') : new Uint8Array(h.entities);
    this.nameOff = view('nameOff', 'Uint32Array');
    this.postStart = view('postStart', 'Uint32Array');
    this.postings = view('postings', 'Uint32Array');
    this.nameFlags = view('nameFlags', 'Uint8Array');
    this.nameBlob = bytes('nameBlob').toString('latin1');
    this.display = bytes('display').toString('utf8');
    this.skOff = view('skOff', 'Uint32Array');
    this.skPostStart = view('skPostStart', 'Uint32Array');
    this.skPostings = view('skPostings', 'Uint32Array');
    this.skBlob = bytes('skBlob').toString('latin1');
    this.commonBlob = bytes('commonWords').toString('latin1');
    this.countries = h.countries.map((c) => ({ name: c.name, iso2: c.iso2, iso: c.iso, latitude: c.lat, longitude: c.lon }));
    this.countries.forEach((c, i) => this.iso2Index.set(c.iso2, i));
    this.demonyms = new Map(Object.entries(h.demonyms));
    this.groups = new Map(Object.entries(h.groups ?? {}));
    this.notPlaces = new Set(h.notPlaces ?? []);
  }

  /** True for an admin2 unit no known place lies in (its coordinates are its admin1's). */
  noPlaceInside(i: number): boolean {
    return (this.eflags[i]! & 1) !== 0;
  }

  /** Number of leading entities that are countries. */
  get countryCount(): number {
    return this.countries.length;
  }

  /** The kind of entity i. */
  kindOf(i: number): PlaceKind {
    return this.kinds[this.kind[i]!]!;
  }

  /** Feature code of entity i (GeoNames code, or ADM1/ADM2/PCLI). */
  featureCode(i: number): string {
    return this.fcodes[this.fcode[i]!]!;
  }

  /** English display name of entity i. */
  nameOf(i: number): string {
    if (!this.displayStart) {
      const starts = new Uint32Array(this.size + 1);
      let p = 0;
      for (let k = 0; k < this.size; k++) {
        starts[k] = p;
        const nl = this.display.indexOf('\n', p);
        p = nl < 0 ? this.display.length + 1 : nl + 1;
      }
      starts[this.size] = this.display.length + 1;
      this.displayStart = starts;
    }
    return this.display.slice(this.displayStart[i]!, this.displayStart[i + 1]! - 1);
  }

  /**
   * Compare indexed name k with `key` as JavaScript compares strings (code unit by code unit),
   * reading the blob in place: the binary search runs for every word of every report, and
   * slicing a string per probe made it one of the pipeline's costliest steps.
   * `extra` (a char code or -1) is compared as if appended to `key` (for "key + ' '").
   * Returns <0, 0 or >0; `prefix` set: 0 also when name k merely starts with key(+extra).
   */
  private compareAt(k: number, key: string, extra: number, prefix: boolean): number {
    const blob = this.nameBlob;
    const a = this.nameOff[k]!;
    const la = this.nameOff[k + 1]! - a;
    const lb = key.length + (extra >= 0 ? 1 : 0);
    const n = la < lb ? la : lb;
    for (let i = 0; i < n; i++) {
      const cb = i < key.length ? key.charCodeAt(i) : extra;
      const d = blob.charCodeAt(a + i) - cb;
      if (d !== 0) return d;
    }
    if (prefix && la >= lb) return 0;
    return la - lb;
  }

  /** Index of the first indexed name >= key (+ the char `extra` when >= 0). */
  private lowerBound(key: string, extra = -1): number {
    let lo = 0;
    let hi = this.nameFlags.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, key, extra, false) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of a folded name (see foldName), or -1. */
  findName(folded: string): number {
    return (this.lookup(folded) >> 1) - 1;
  }

  /** True when some indexed name starts with `folded + ' '` (a longer name may follow). */
  hasLonger(folded: string): boolean {
    return (this.lookup(folded) & 1) === 1;
  }

  /** findName and hasLonger of a key, from one cache: (index + 1) × 2, + 1 when a longer name follows. */
  private lookup(folded: string): number {
    let v = this.nameCache.get(folded);
    if (v === undefined) {
      v = this.lookupExact(folded);
      // "St. Louis County" is GeoNames' "Saint Louis County": the abbreviation reads as the word
      // where the abbreviated spelling is not listed itself (listed forms keep their own entry)
      if (/^st /.test(folded)) {
        const w = this.lookupExact(`saint ${folded.slice(3)}`);
        v = (v >> 1 > 0 ? v & ~1 : w & ~1) | (v & 1) | (w & 1);
      }
      this.remember(this.nameCache, folded, v);
    }
    return v;
  }

  private lookupExact(folded: string): number {
    const k0 = this.lowerBound(folded);
    const k = k0 < this.nameFlags.length && this.compareAt(k0, folded, -1, false) === 0 ? k0 : -1;
    const l = this.lowerBound(folded, 32);
    const longer = l < this.nameFlags.length && this.compareAt(l, folded, 32, true) === 0;
    return (k + 1) * 2 + (longer ? 1 : 0);
  }

  // The same words recur from report to report: answers are kept, up to CACHE_MAX keys (then
  // started afresh), so a long-running process's memory stays bounded.
  private readonly nameCache = new Map<string, number>();
  private static readonly CACHE_MAX = 100_000;
  private remember<V>(cache: Map<string, V>, key: string, value: V): void {
    if (cache.size >= Gazetteer.CACHE_MAX) cache.clear();
    cache.set(key, value);
  }

  /** Entities (not countries) with a name of this spelling skeleton (see skeletonOf), or []. */
  skeletonHits(skeleton: string): number[] {
    const n = this.skPostStart.length - 1;
    const at = (k: number) => this.skBlob.slice(this.skOff[k]!, this.skOff[k + 1]!);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(mid) < skeleton) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= n || at(lo) !== skeleton) return [];
    return Array.from(this.skPostings.subarray(this.skPostStart[lo]!, this.skPostStart[lo + 1]!));
  }

  /** Entities carrying name index k. */
  hits(k: number): NameHit[] {
    const out: NameHit[] = [];
    for (let p = this.postStart[k]!; p < this.postStart[k + 1]!; p++) {
      const v = this.postings[p]!;
      out.push({ entity: v >>> 2, alternate: (v & 1) !== 0, abbreviation: (v & 2) !== 0 });
    }
    return out;
  }

  /** Name k is an ordinary English word (SCOWL tiers 10–40); `very`: one of the most common. */
  nameIsWord(k: number): { word: boolean; very: boolean } {
    const f = this.nameFlags[k]!;
    return { word: (f & 1) !== 0, very: (f & 2) !== 0 };
  }

  /** True when a folded single word is an ordinary English word (SCOWL tiers 10–35). */
  isCommonWord(folded: string): boolean {
    if (!this.common) this.common = new Set(this.commonBlob.split('\n'));
    return this.common.has(folded);
  }

  /** True for a folded name that is never a place mention (continents, armed groups…; data/gazetteer/not-places.tsv). */
  isNotPlace(folded: string): boolean {
    return this.notPlaces.has(folded);
  }

  /**
   * True when a populated place of country index `c` lies in the 0.5° grid cell of (lat, lon) or
   * one next to it (roughly within 50–80 km): the point is in or near that country's border area.
   * `reach` widens the search to that many cells each way (3: roughly 150–200 km, for the
   * centre of a province).
   */
  nearCountry(lat: number, lon: number, c: number, reach = 1): boolean {
    if (!this.cells) {
      const cells = new Map<number, Set<number>>();
      for (let i = this.countryCount; i < this.size; i++) {
        if (this.kind[i] !== 3) continue;
        const k = Gazetteer.cellKey(Math.floor(this.lat[i]! / 5000), Math.floor(this.lon[i]! / 5000));
        let set = cells.get(k);
        if (!set) cells.set(k, (set = new Set()));
        set.add(this.country[i]!);
      }
      this.cells = cells;
    }
    const y = Math.floor(lat * 2);
    const x = Math.floor(lon * 2);
    for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) if (this.cells.get(Gazetteer.cellKey(y + dy, x + dx))?.has(c)) return true;
    return false;
  }
  private cells: Map<number, Set<number>> | null = null;
  private static cellKey(y: number, x: number): number {
    return (y + 200) * 1000 + (x + 400);
  }

  /** Entity of a country's capital (its most populous PPLC), or -1. */
  capitalOf(country: number): number {
    if (!this.capitals) {
      const caps = new Int32Array(this.countries.length).fill(-1);
      const pplc = this.fcodes.indexOf('PPLC');
      for (let i = 0; i < this.size; i++) {
        if (this.fcode[i] !== pplc) continue;
        const c = this.country[i]!;
        if (caps[c]! < 0 || this.pop[i]! > this.pop[caps[c]!]!) caps[c] = i;
      }
      this.capitals = caps;
    }
    return this.capitals[country] ?? -1;
  }

  /**
   * Entity of an admin1's seat (its most populous PPLA, else PPLC, inside it), or -1. The seat is
   * what "the provincial capital" / "the capital of North Kivu" names (GeoNames feature codes).
   */
  seatOf(admin1: number): number {
    if (!this.seats) {
      const seats = new Map<number, number>();
      const ppla = this.fcodes.indexOf('PPLA');
      const pplc = this.fcodes.indexOf('PPLC');
      for (let i = this.countryCount; i < this.size; i++) {
        const f = this.fcode[i]!;
        if ((f !== ppla && f !== pplc) || this.kind[i] !== 3) continue;
        const a = this.admin1[i]!;
        if (a < 0) continue;
        const cur = seats.get(a);
        // a PPLA beats a PPLC (the national capital inside a province is its seat only when no PPLA is)
        if (cur === undefined || (this.fcode[cur] === pplc && f === ppla) || (this.fcode[cur] === f && this.pop[i]! > this.pop[cur]!)) seats.set(a, i);
      }
      this.seats = seats;
    }
    return this.seats.get(admin1) ?? -1;
  }
  private seats: Map<number, number> | null = null;

  /** Country index (into `countries`) of an alpha-2 code, or -1. */
  countryIndex(iso2: string): number {
    return this.iso2Index.get(iso2.toUpperCase()) ?? -1;
  }

  /** alpha-2 of the country a folded demonym or ethnic name points to ("pakistani" → "PK"), or null. */
  demonym(folded: string): string | null {
    return this.demonyms.get(folded) ?? (folded.endsWith('s') ? this.demonyms.get(folded.slice(0, -1)) ?? null : null);
  }

  /**
   * alpha-2 of the one country an armed group's or named force's folded name belongs to
   * ("rapid support forces" → "SD", "fano" → "ET"), or null. Source: data/actors (groups, state forces).
   */
  group(folded: string): string | null {
    return this.groups.get(folded) ?? null;
  }

  /** True when some group name starts with `folded + ' '`. */
  groupHasLonger(folded: string): boolean {
    if (!this.groupPrefixes) {
      this.groupPrefixes = new Set();
      for (const k of this.groups.keys()) {
        const w = k.split(' ');
        for (let n = 1; n < w.length; n++) this.groupPrefixes.add(w.slice(0, n).join(' '));
      }
    }
    return this.groupPrefixes.has(folded);
  }
  private groupPrefixes: Set<string> | null = null;

  /** Country index for a country name in any indexed variant ("DRC", "Burma", "Côte d’Ivoire"), or -1. */
  countryOfName(name: string, fold: (s: string) => string): number {
    const f = fold(name);
    const cached = this.countryByKey.get(f);
    if (cached !== undefined) return cached;
    let found = -1;
    const k = this.findName(f);
    if (k >= 0) for (const h of this.hits(k)) if (h.entity < this.countryCount) { found = h.entity; break; }
    this.countryByKey.set(f, found);
    return found;
  }

  /** Materialise entity i as a Place (coordinates to 4 decimals). */
  place(i: number): Place {
    const kind = this.kindOf(i);
    const c = this.countries[this.country[i]!]!;
    const a1 = kind === 'admin1' ? i : this.admin1[i]!;
    const a2 = kind === 'admin2' ? i : this.admin2[i]!;
    return {
      id: this.gid[i]!,
      name: this.nameOf(i),
      kind,
      feature_code: this.featureCode(i),
      country: c.name,
      iso2: c.iso2,
      iso: c.iso,
      admin1: kind === 'country' || a1 < 0 ? null : this.nameOf(a1),
      admin2: kind === 'country' || kind === 'admin1' || a2 < 0 ? null : this.nameOf(a2),
      latitude: this.lat[i]! / 1e4,
      longitude: this.lon[i]! / 1e4,
      population: this.pop[i]!,
    };
  }
}

/** Great-circle distance in km between entities or points (haversine, R = 6371 km). */
export function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
