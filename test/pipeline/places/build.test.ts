import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
// @ts-expect-error plain ES module without types
import { foldName as buildFold, skeletonOf as buildSkeleton } from '../../../data/gazetteer/fold.mjs';
import { skeletonOf } from '../../../src/pipeline/mentions/places/fold.js';
import { foldName, loadGazetteer, DEFAULT_GAZETTEER_PATH, countryByIso2, countryByName, countryOfDemonym } from '../../../src/pipeline/mentions/places/index.js';

describe('gazetteer build output', () => {
  const gaz = loadGazetteer();

  it('is one compact file with every kind of entity', () => {
    expect(statSync(DEFAULT_GAZETTEER_PATH).size).toBeLessThan(60_000_000);
    const kinds = new Map<string, number>();
    for (let i = 0; i < gaz.size; i++) kinds.set(gaz.kindOf(i), (kinds.get(gaz.kindOf(i)) ?? 0) + 1);
    expect(kinds.get('country')).toBeGreaterThanOrEqual(240);
    expect(kinds.get('admin1')).toBeGreaterThan(3000);
    expect(kinds.get('admin2')).toBeGreaterThan(20000);
    // cities500 has about 199k places: all must be there
    expect(kinds.get('place')).toBeGreaterThan(190_000);
    expect(gaz.attribution).toMatch(/GeoNames/);
  });

  it('flags names that are common English words, in American and British spelling ("center", "centre")', () => {
    for (const w of ['centre', 'center']) {
      const k = gaz.findName(w);
      expect(k, w).toBeGreaterThanOrEqual(0);
      expect(gaz.nameIsWord(k).word, w).toBe(true);
    }
    expect(gaz.nameIsWord(gaz.findName('lilongwe')).word).toBe(false);
  });

  it('keeps districts with no known place, flagged, at their province’s point, with Persian short forms', () => {
    const k = gaz.findName('nawa');
    expect(k).toBeGreaterThanOrEqual(0);
    const unit = gaz.hits(k).map((h) => h.entity).find((e) => gaz.kindOf(e) === 'admin2' && gaz.place(e).admin1 === 'Helmand');
    expect(unit).toBeDefined();
    expect(gaz.noPlaceInside(unit!)).toBe(true);
    const helmand = gaz.admin1[unit!]!;
    expect(gaz.lat[unit!]).toBe(gaz.lat[helmand]);
    // an ordinary district with a seat is not flagged
    const mastung = gaz.hits(gaz.findName('mastung')).map((h) => h.entity).find((e) => gaz.kindOf(e) === 'admin2');
    expect(gaz.noPlaceInside(mastung!)).toBe(false);
  });

  it('materialises a place with ACLED-style fields', () => {
    const k = gaz.findName('quetta');
    expect(k).toBeGreaterThanOrEqual(0);
    const places = gaz.hits(k).map((h) => gaz.place(h.entity)).filter((p) => p.kind === 'place');
    const q = places.sort((a, b) => b.population - a.population)[0]!;
    expect(q).toMatchObject({ name: 'Quetta', country: 'Pakistan', iso2: 'PK', iso: 586, admin1: 'Balochistan', feature_code: 'PPLA' });
    expect(q.latitude).toBeCloseTo(30.18, 1);
    expect(q.longitude).toBeCloseTo(67.0, 1);
    expect(String(q.latitude).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
  });

  it('indexes admin units with their variants and derived coordinates', () => {
    const hitsOf = (name: string) => gaz.hits(gaz.findName(foldName(name))).map((h) => gaz.place(h.entity));
    for (const v of ['Khyber Pakhtunkhwa', 'NWFP', 'Khyber-Pakhtunkhwa']) expect(hitsOf(v).some((p) => p.kind === 'admin1' && p.name === 'Khyber Pakhtunkhwa')).toBe(true);
    const balu = hitsOf('Baluchistan').find((p) => p.kind === 'admin1' && p.iso2 === 'PK');
    expect(balu?.name).toBe('Balochistan');
    expect(balu!.latitude).not.toBe(0);
    const mastung = hitsOf('Mastung District').find((p) => p.kind === 'admin2');
    expect(mastung).toMatchObject({ name: 'Mastung', admin1: 'Balochistan', country: 'Pakistan' });
  });

  it('knows countries by ACLED name, variant, code and demonym', () => {
    expect(countryByName('DRC')?.name).toBe('Democratic Republic of Congo');
    expect(countryByName('Burma')).toMatchObject({ name: 'Myanmar', iso2: 'MM', iso: 104 });
    expect(countryByName("Côte d'Ivoire")?.name).toBe('Ivory Coast');
    expect(countryByName('no such land')).toBeNull();
    expect(countryByIso2('ps')?.name).toBe('Palestine');
    expect(countryByIso2('XK')?.name).toBe('Kosovo');
    expect(countryOfDemonym('Baloch')?.iso2).toBe('PK');
    expect(countryOfDemonym('Congolese')?.name).toBe('Democratic Republic of Congo');
    expect(countryOfDemonym('Nigerians')?.iso2).toBe('NG');
    expect(countryOfDemonym('table')).toBeNull();
  });

  it('folds names the same way in the build and at run time', () => {
    const samples = ['Côte d’Ivoire', "Ma'arat al-Nu'man", 'Port-au-Prince', 'St. Petersburg', 'Łódź', 'Şa‘dah', 'Київ', 'Ḩajjah', 'São Paulo', 'Ørsta', 'Straße', 'N’Djaména', 'Dera Ismail Khan'];
    for (const s of samples) expect(foldName(s)).toBe(buildFold(s));
    expect(foldName('Côte d’Ivoire')).toBe('cote divoire');
    expect(foldName('Київ')).toBe('');
    for (const s of samples) expect(skeletonOf(foldName(s))).toBe(buildSkeleton(foldName(s)));
    // transliteration pairs share a skeleton
    expect(skeletonOf(foldName('Makhmour'))).toBe(skeletonOf(foldName('Makhmur')));
    expect(skeletonOf(foldName("Ma'arrat an-Nu'man"))).toBe(skeletonOf(foldName('Maarat al-Numan')));
  });

  it('carries the supplement rows and the never-a-place list', () => {
    const k = gaz.findName(foldName('Zamzam camp'));
    expect(k).toBeGreaterThanOrEqual(0);
    const camp = gaz.place(gaz.hits(k)[0]!.entity);
    expect(camp).toMatchObject({ country: 'Sudan', admin1: 'North Darfur', feature_code: 'CMPRF' });
    expect(camp.id).toBeLessThan(0);
    expect(gaz.isNotPlace('taliban')).toBe(true);
    expect(gaz.isNotPlace('quetta')).toBe(false);
  });
});
