/**
 * The incident rules on hand-built events: dates by precision, places by geo precision,
 * actors, reconciliation of fields and fatalities, index keys that find every match.
 */
import { describe, expect, it } from 'vitest';
import {
  actorKey,
  actorsCompatible,
  fatalitiesCompatible,
  actorKeysOf,
  chooseIncident,
  datesCompatible,
  eventLookup,
  incidentIndexKeys,
  matchScore,
  noDecisions,
  placesCompatible,
  reconcile,
  reconcileFatalities,
  tollCanGrowTo,
  type CandidateIncident,
  type MatchEvent,
} from '../../src/pipeline/incidents/index.js';
import { killed, mkEvent } from '../store/helpers.js';
import type { SitrepEvent } from '../../src/model/index.js';

/** An incident made of the given events, as the store would present it. */
function incidentOf(id: string, events: MatchEvent[]): CandidateIncident {
  return {
    ...reconcile(events),
    incident_id: id,
    event_ids: events.map((e) => e.event_id),
    doc_ids: events.map((e) => e.doc_id),
    actors: [...new Set(events.flatMap(actorKeysOf))],
  };
}

describe('dates', () => {
  const at = (d: string, p: 1 | 2 | 3) => mkEvent({ event_id: d, doc_id: d, event_date: d, time_precision: p });
  it('allow one day at day precision, seven at week precision, 31 at month precision', () => {
    expect(datesCompatible(at('2026-02-10', 1), at('2026-02-11', 1))).toBe(true);
    expect(datesCompatible(at('2026-02-10', 1), at('2026-02-12', 1))).toBe(false);
    expect(datesCompatible(at('2026-02-10', 1), at('2026-02-16', 2))).toBe(true);
    expect(datesCompatible(at('2026-02-10', 2), at('2026-02-18', 1))).toBe(false);
    expect(datesCompatible(at('2026-02-01', 3), at('2026-03-01', 1))).toBe(true);
    expect(datesCompatible(at('2026-02-01', 3), at('2026-03-05', 1))).toBe(false);
  });
  it('keep the precision of a date with no evidence in the text (outlets report within a day)', () => {
    const undated = { ...at('2026-02-14', 1), evidence: {} };
    expect(datesCompatible(at('2026-02-13', 1), undated)).toBe(true);
    expect(datesCompatible(at('2026-02-10', 1), undated)).toBe(false);
  });
  it('date an incident by a date read in a report before a publication date', () => {
    const read = { ...mkEvent({ event_id: 'e1', doc_id: 'd1', event_date: '2026-02-12' }), evidence: { event_date: { sentence: 0, start: 0, end: 3 } } };
    const undated = { ...mkEvent({ event_date: '2026-02-13', event_id: 'e2', doc_id: 'd2' }), evidence: {} };
    expect(reconcile([undated, read]).event_date).toBe('2026-02-12');
  });
});

describe('places', () => {
  const p = (over: Partial<MatchEvent>) => mkEvent({ event_id: 'x', doc_id: 'x', ...over });
  it('need 10 km for two precise places', () => {
    expect(placesCompatible(p({ latitude: 12, longitude: 20 }), p({ latitude: 12.05, longitude: 20.05 }))).toBe(true); // ~7.7 km
    expect(placesCompatible(p({ latitude: 12, longitude: 20 }), p({ latitude: 12.15, longitude: 20 }))).toBe(false); // ~16.7 km
  });
  it('allow 25 km or the same admin2 at precision 2', () => {
    expect(placesCompatible(p({ latitude: 12, longitude: 20 }), p({ latitude: 12.15, longitude: 20, geo_precision: 2 }))).toBe(true);
    expect(placesCompatible(p({ latitude: 12, longitude: 20 }), p({ latitude: 12.5, longitude: 20, geo_precision: 2 }))).toBe(true); // same admin2
    expect(placesCompatible(p({ latitude: 12, longitude: 20 }), p({ latitude: 12.5, longitude: 20, geo_precision: 2, admin2: 'Other', location: 'Gamma' }))).toBe(false);
  });
  it('need the same admin1 at precision 3, and always the same country', () => {
    expect(placesCompatible(p({}), p({ latitude: 14, longitude: 23, geo_precision: 3, admin2: null }))).toBe(true);
    expect(placesCompatible(p({}), p({ latitude: 14, longitude: 23, geo_precision: 3, admin1: 'South', admin2: null }))).toBe(false);
    expect(placesCompatible(p({}), p({ geo_precision: 3, admin1: null, admin2: null, latitude: null, longitude: null }))).toBe(true);
    expect(placesCompatible(p({}), p({ country: 'Otherland' }))).toBe(false);
  });
});

describe('actors', () => {
  it('contradict only when two specific primary actors differ and neither report names the other', () => {
    const a = mkEvent({ event_id: 'a', doc_id: 'a', actor1: 'Northern Front', inter1: 2, actor2: 'Civilians (Testland)', inter2: 7 });
    const b = mkEvent({ event_id: 'b', doc_id: 'b', actor1: 'Southern Movement', inter1: 2, actor2: 'Civilians (Testland)', inter2: 7 });
    const c = mkEvent({ event_id: 'c', doc_id: 'c', actor1: 'Unidentified Armed Group (Testland)', inter1: 3 });
    const d = mkEvent({ event_id: 'd', doc_id: 'd', actor1: 'Military Forces of Testland (2020-)', actor2: 'Northern Front' });
    const v = (e: MatchEvent) => ({ actor1: e.actor1, actors: actorKeysOf(e) });
    expect(actorsCompatible(v(a), v(b))).toBe(false);
    expect(actorsCompatible(v(a), v(c))).toBe(true);
    expect(actorsCompatible(v(a), v(d))).toBe(true); // the same clash told from the other side
    expect(actorsCompatible(v(d), v(mkEvent({ event_id: 'e', doc_id: 'e', actor1: 'Police Forces of Testland' })))).toBe(true);
    expect(actorKey('Government of Testland')).toBe(actorKey('Military Forces of Testland (2020-)'));
    expect(actorKey('Military Forces of Otherland')).not.toBe(actorKey('Military Forces of Testland'));
  });
});

describe('outlets blaming different perpetrators', () => {
  const attack = (id: string, over: Partial<SitrepEvent>) =>
    mkEvent({ event_id: id, doc_id: id, sub_event_type: 'Attack', actor1: 'Northern Front', inter1: 2, actor2: 'Civilians (Testland)', inter2: 7, ...over });
  const a = attack('a', {});
  it('are one incident for one sub-event type at the same spot on the same day, the victims agreeing', () => {
    expect(matchScore(attack('b', { actor1: 'Southern Movement' }), incidentOf('i', [a]))).not.toBeNull();
    expect(matchScore(attack('b', { actor1: 'Southern Movement', location: 'Alpha', latitude: 12.05, longitude: 20.0 }), incidentOf('i', [a]))).not.toBeNull();
  });
  it('stay apart a day apart, 20 km apart, placed only to a province, or with other victims named', () => {
    const b = (over: Partial<SitrepEvent>) => attack('b', { actor1: 'Southern Movement', ...over });
    expect(matchScore(b({ event_date: '2026-02-11' }), incidentOf('i', [a]))).toBeNull();
    expect(matchScore(b({ location: 'Beta Town', latitude: 12.18, longitude: 20.0 }), incidentOf('i', [a]))).toBeNull();
    expect(matchScore(b({ geo_precision: 3 }), incidentOf('i', [a]))).toBeNull();
    const onPolice = attack('p', { sub_event_type: 'Armed clash', actor2: 'Police Forces of Testland', inter2: 1 });
    expect(matchScore(b({ sub_event_type: 'Armed clash', actor2: 'Police Forces of Testland', inter2: 1 }), incidentOf('i', [onPolice]))).not.toBeNull();
    expect(matchScore(b({ sub_event_type: 'Armed clash', actor2: 'Western Guard', inter2: 3 }), incidentOf('i', [onPolice]))).toBeNull();
  });
});

describe('death counts', () => {
  it('contradict only when both give deaths and they are far apart', () => {
    const f = (low: number, high = low) => ({ fatalities: low, fatalities_low: low, fatalities_high: high });
    expect(fatalitiesCompatible(f(0), f(40))).toBe(true); // one report gives none
    expect(fatalitiesCompatible(f(12), f(14))).toBe(true);
    expect(fatalitiesCompatible(f(8), f(10, 20))).toBe(true);
    expect(fatalitiesCompatible(f(2), f(10))).toBe(false);
    expect(fatalitiesCompatible(f(1), f(3))).toBe(true); // 2 apart: small counts vary
    expect(fatalitiesCompatible(f(15), f(40))).toBe(false);
  });
  it('let an early "at least" figure or a risen toll stand beside a count far from it', () => {
    const early = { fatalities: 3, claims: [{ ...killed(3, null), qualifier: 'at_least' as const, text: 'at least three killed' }] };
    expect(tollCanGrowTo(early, { fatalities: 25 })).toBe(true);
    const risen = { fatalities: 25, claims: [{ ...killed(25, null), text: 'the death toll rose to 25' }] };
    expect(tollCanGrowTo(risen, { fatalities: 3 })).toBe(true);
    // an exact lower figure, or a bigger one that is no toll update, stays a contradiction
    expect(tollCanGrowTo({ fatalities: 3, claims: [killed(3, null)] }, { fatalities: 25 })).toBe(false);
    expect(tollCanGrowTo({ fatalities: 25, claims: [killed(25, null)] }, { fatalities: 3 })).toBe(false);
  });
});

describe('matching', () => {
  it('takes a protest and a riot at one place and day as one incident (outlets differ on violence), never a battle', () => {
    const protest = incidentOf('p', [mkEvent({ event_id: 'p1', doc_id: 'd1', event_type: 'Protests', sub_event_type: 'Protest with intervention', actor1: 'Protesters (Testland)', inter1: 6 })]);
    const riot = mkEvent({ event_id: 'r1', doc_id: 'd2', event_type: 'Riots', sub_event_type: 'Violent demonstration', actor1: 'Rioters (Testland)', inter1: 5 });
    expect(matchScore(riot, protest)).not.toBeNull();
    expect(eventLookup(riot).keys.some((k) => k.startsWith('Protests|'))).toBe(true);
    const battle = mkEvent({ event_id: 'b1', doc_id: 'd3', event_type: 'Battles', sub_event_type: 'Armed clash' });
    expect(matchScore(battle, protest)).toBeNull();
  });

  it('joins the closest compatible incident, never one holding the same report, and respects splits', () => {
    const near = incidentOf('near', [mkEvent({ event_id: 'n1', doc_id: 'd1' })]);
    const far = incidentOf('far', [mkEvent({ event_id: 'f1', doc_id: 'd2', latitude: 12.08, longitude: 20.0 })]);
    const e = mkEvent({ event_id: 'x', doc_id: 'd3', latitude: 12.01, longitude: 20.0 });
    expect(chooseIncident(e, [far, near])?.incident_id).toBe('near');
    expect(matchScore({ ...e, doc_id: 'd1' }, near)).toBeNull();
    const decisions = noDecisions();
    decisions.cannotLink.set('x', new Set(['n1']));
    expect(chooseIncident(e, [far, near], decisions)?.incident_id).toBe('far');
    const other = mkEvent({ event_id: 'y', doc_id: 'd4', sub_event_type: 'Grenade', event_type: 'Explosions/Remote violence' });
    expect(chooseIncident(other, [near, far])).toBeNull();
  });

  it('prefers, of two incidents that fit as well, the one more outlets told', () => {
    const ev = (id: string) => mkEvent({ event_id: id, doc_id: id });
    const thin = { ...incidentOf('inc_a', [ev('a1')]), source_count: 1 };
    const told = { ...incidentOf('inc_b', [ev('b1'), ev('b2'), ev('b3')]), source_count: 3 };
    expect(chooseIncident(ev('n'), [thin, told])?.incident_id).toBe('inc_b');
  });

  it('breaks a tie by incident_id, whatever order the engine returns candidates in', () => {
    const a = incidentOf('inc_b', [mkEvent({ event_id: 'a1', doc_id: 'd1' })]);
    const b = incidentOf('inc_a', [mkEvent({ event_id: 'b1', doc_id: 'd2' })]);
    const e = mkEvent({ event_id: 'x', doc_id: 'd3' });
    expect(chooseIncident(e, [a, b])?.incident_id).toBe('inc_a');
    expect(chooseIncident(e, [b, a])?.incident_id).toBe('inc_a');
  });

  it('looks up keys under which every compatible incident is indexed', () => {
    const cases: [Partial<MatchEvent>, Partial<MatchEvent>][] = [
      [{ latitude: 12.201 }, { latitude: 12.199 }], // precise pair across a cell border
      [{}, { latitude: 12.3, longitude: 20.1, geo_precision: 2 }], // coarse joins precise by distance
      [{ geo_precision: 3, latitude: 14, longitude: 23 }, {}], // region-only incident, precise event
      [{}, { geo_precision: 3, latitude: 14, longitude: 23 }], // precise incident, region-only event
      [{ admin1: null, geo_precision: 3, latitude: null, longitude: null }, {}], // country-only incident
      [{}, { admin1: null, geo_precision: 3, latitude: null, longitude: null }], // country-only event
    ];
    for (const [incOver, evOver] of cases) {
      const inc = reconcile([mkEvent({ event_id: 'i', doc_id: 'i', ...incOver })]);
      const ev = mkEvent({ event_id: 'e', doc_id: 'e', ...evOver });
      expect(placesCompatible(inc, ev)).toBe(true);
      const keys = new Set(incidentIndexKeys(inc).map((k) => k.key));
      const look = eventLookup(ev);
      expect(look.keys.some((k) => keys.has(k)), JSON.stringify(evOver)).toBe(true);
    }
  });
});

describe('country-level events', () => {
  const countryLevel = (id: string, over: Partial<SitrepEvent> = {}) =>
    mkEvent({
      event_id: id,
      doc_id: `doc-${id}`,
      sub_event_type: 'Attack',
      actor1: 'Unidentified Armed Group (Testland)',
      actor2: 'Civilians (Testland)',
      admin1: null,
      admin2: null,
      location: null,
      geo_precision: 3,
      fatalities: 6,
      fatalities_low: 6,
      fatalities_high: 6,
      ...over,
    });
  it('join when neither names the perpetrator, on the same day, with deaths in both', () => {
    const inc = incidentOf('i1', [countryLevel('a')]);
    expect(matchScore(countryLevel('b', { fatalities: 5, fatalities_low: 5, fatalities_high: 5 }), inc)).not.toBeNull();
  });
  it('stay apart a day apart, or without deaths', () => {
    const inc = incidentOf('i1', [countryLevel('a')]);
    expect(matchScore(countryLevel('b', { event_date: '2026-02-11', fatalities: 5, fatalities_low: 5, fatalities_high: 5 }), inc)).toBeNull();
    expect(matchScore(countryLevel('c', { fatalities: 0, fatalities_low: 0, fatalities_high: 0 }), incidentOf('i2', [countryLevel('d', { fatalities: 0, fatalities_low: 0, fatalities_high: 0 })]))).toBeNull();
  });
});

describe('reconciliation', () => {
  it('takes the most precise place and date and the agreed actors', () => {
    const coarse = mkEvent({ event_id: 'a', doc_id: 'a', geo_precision: 3, location: 'North', latitude: 14, longitude: 23, time_precision: 2, event_date: '2026-02-12', actor1: 'Unidentified Armed Group (Testland)' });
    const precise = mkEvent({ event_id: 'b', doc_id: 'b', location: 'Alpha Town', event_date: '2026-02-10' });
    const third = mkEvent({ event_id: 'c', doc_id: 'c', location: 'Alpha Town', event_date: '2026-02-10', actor1: 'Northern Front', actor2: 'Military Forces of Testland' });
    const r = reconcile([coarse, precise, third]);
    expect(r.location).toBe('Alpha Town');
    expect(r.geo_precision).toBe(1);
    expect(r.event_date).toBe('2026-02-10');
    expect(r.time_precision).toBe(1);
    expect(r.actor1).toBe('Military Forces of Testland');
    expect(r.source_count).toBe(3);
  });

  it('counts a claim repeated by two outlets once and spans the range of all claims', () => {
    const a = mkEvent({ event_id: 'a', doc_id: 'a', source: 'Outlet A', fatalities: 10, fatalities_low: 10, fatalities_high: 10, claims: [killed(10, 'the governor')] });
    const b = mkEvent({ event_id: 'b', doc_id: 'b', source: 'Outlet B', fatalities: 10, fatalities_low: 10, fatalities_high: 10, claims: [killed(10, 'The Governor')] });
    const c = mkEvent({ event_id: 'c', doc_id: 'c', source: 'Outlet C', fatalities: 14, fatalities_low: 14, fatalities_high: 20, claims: [killed(14, 'a hospital', 20)] });
    const silent = mkEvent({ event_id: 'd', doc_id: 'd', source: 'Outlet D' });
    // Distinct figures: 10 and 14 → best = lower median 10; low 10, high 20. The silent report does not pull to 0.
    expect(reconcileFatalities([a, b, c, silent])).toEqual({ fatalities: 10, fatalities_low: 10, fatalities_high: 20 });
    // Without the repeat, 10 and 14 still give 10; with two repeats of 14 counted once it stays 10.
    expect(reconcileFatalities([c, a])).toEqual({ fatalities: 10, fatalities_low: 10, fatalities_high: 20 });
    expect(reconcileFatalities([silent])).toEqual({ fatalities: 0, fatalities_low: 0, fatalities_high: 0 });
    expect(reconcile([a, b, c, silent]).source_count).toBe(4);
  });

  it('counts one figure once though outlets word whose dead they were differently', () => {
    const police = mkEvent({ event_id: 'p', doc_id: 'p', fatalities: 4, fatalities_low: 4, fatalities_high: 4, claims: [killed(4, 'police')] });
    const headlined = mkEvent({ event_id: 'h', doc_id: 'h', fatalities: 7, fatalities_low: 7, fatalities_high: 7, claims: [killed(7, null), { ...killed(7, 'a local official'), victims: 'civilians' as const }] });
    const plain = mkEvent({ event_id: 'q', doc_id: 'q', fatalities: 7, fatalities_low: 7, fatalities_high: 7, claims: [killed(7, 'a local official')] });
    // distinct figures 4 and 7: the lower median is 4
    expect(reconcileFatalities([police, headlined, plain])).toEqual({ fatalities: 4, fatalities_low: 4, fatalities_high: 7 });
  });

  it('refuses an empty incident', () => {
    expect(() => reconcile([])).toThrow(/at least one event/);
  });
});
