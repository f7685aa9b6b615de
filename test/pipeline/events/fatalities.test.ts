import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/model/index.js';
import { fatalitiesFromClaims, splitToll } from '../../../src/pipeline/events/fatalities.js';

const claim = (over: Partial<Claim>): Claim => ({
  sentence: 0, start: 0, end: 1, kind: 'killed', low: 1, high: 1, best: 1, victims: 'unknown', source: null, text: 'x', ...over,
});

describe('fatalitiesFromClaims', () => {
  it('counts deaths only, never the injured or the abducted', () => {
    const r = fatalitiesFromClaims([claim({ low: 4, high: 4, best: 4 }), claim({ kind: 'injured', low: 20, high: 20, best: 20 }), claim({ kind: 'abducted', low: 7, high: 7, best: 7 })]);
    expect(r).toEqual({ low: 4, best: 4, high: 4 });
  });
  it('adds up different victim groups', () => {
    const r = fatalitiesFromClaims([claim({ victims: 'state_forces', low: 10, high: 10, best: 10 }), claim({ victims: 'armed_group', low: 58, high: 58, best: 58 })]);
    expect(r.best).toBe(68);
  });
  it('takes the lowest of conflicting sources as best and keeps the range', () => {
    const r = fatalitiesFromClaims([
      claim({ victims: 'civilians', low: 12, high: 12, best: 12, source: 'the army' }),
      claim({ victims: 'civilians', low: 30, high: 30, best: 30, source: 'local residents' }),
    ]);
    expect(r).toEqual({ low: 12, best: 12, high: 30 });
  });
  it('adds the listed groups of one side that open at the same cue ("killed six men and three women")', () => {
    const r = fatalitiesFromClaims([
      claim({ victims: 'civilians', start: 10, end: 24, low: 6, high: 6, best: 6 }),
      claim({ victims: 'civilians', start: 10, end: 42, low: 3, high: 3, best: 3 }),
    ]);
    expect(r).toEqual({ low: 9, best: 9, high: 9 });
  });
  it('a total the narrator tells as their own ("Ten killed …", "ten people died, officials say") holds a smaller count of one side', () => {
    const r = fatalitiesFromClaims([
      claim({ sentence: 0, low: 10, high: 10, best: 10, text: 'Ten killed' }),
      claim({ sentence: 1, low: 10, high: 10, best: 10, text: 'Ten people died', source: 'local officials' }),
      claim({ sentence: 3, victims: 'state_forces', low: 2, high: 2, best: 2, text: 'two soldiers were killed' }),
    ]);
    expect(r.best).toBe(10);
  });
  it('a larger figure only another voice gives stays a rival claim: the smaller count is best', () => {
    const r = fatalitiesFromClaims([
      claim({ sentence: 1, low: 10, high: 10, best: 10, text: 'they had killed ten', source: 'a Taliban spokesman' }),
      claim({ sentence: 3, victims: 'state_forces', low: 2, high: 2, best: 2, text: 'two soldiers were killed' }),
    ]);
    expect(r).toEqual({ low: 2, best: 2, high: 10 });
  });
  it('a risen toll replaces the earlier, lower count of the same dead', () => {
    const r = fatalitiesFromClaims([
      claim({ victims: 'civilians', start: 40, end: 60, low: 15, high: 15, best: 15, text: 'killing 15 worshippers' }),
      claim({ start: 90, end: 100, low: 21, high: 21, best: 21, text: 'rose to 21', source: 'hospital officials' }),
    ]);
    expect(r).toEqual({ low: 15, best: 21, high: 21 });
  });
  it('a death told with "also" adds to the others', () => {
    const r = fatalitiesFromClaims([
      claim({ victims: 'civilians', start: 0, end: 20, text: 'A judge was shot dead' }),
      claim({ victims: 'civilians', start: 40, end: 60, text: 'driver was also killed' }),
    ]);
    expect(r.best).toBe(2);
  });
  it('a narrated total beats the parties\' claims of each other\'s dead, which make the high end', () => {
    const r = fatalitiesFromClaims([
      claim({ start: 0, end: 10, low: 11, high: 11, best: 11 }),
      claim({ victims: 'state_forces', start: 20, end: 30, low: 9, high: 9, best: 9, source: 'the rebels' }),
      claim({ victims: 'armed_group', start: 40, end: 50, low: 30, high: 30, best: 30, source: 'the army' }),
    ]);
    expect(r).toEqual({ low: 11, best: 11, high: 39 });
  });
  it('an upper bound beside a count ("as high as 22") only raises the high end', () => {
    const r = fatalitiesFromClaims([
      claim({ start: 0, end: 10, low: 15, high: 15, best: 15, qualifier: 'at_least' }),
      claim({ start: 40, end: 60, low: 1, high: 22, best: 22, qualifier: 'at_most', source: 'residents' }),
    ]);
    expect(r).toEqual({ low: 15, best: 15, high: 22 });
  });
  it('"18 of them women" is part of the 20, not a rival count', () => {
    const r = fatalitiesFromClaims([
      claim({ start: 0, end: 10, low: 20, high: 20, best: 20, text: 'killed 20 people' }),
      claim({ start: 0, end: 30, low: 18, high: 18, best: 18, text: 'killed 20 people, 18 of them women' }),
    ]);
    expect(r.best).toBe(20);
  });
  it('ignores a denial', () => {
    expect(fatalitiesFromClaims([claim({ negated: true, low: 0, high: 0, best: 0 })]).best).toBe(0);
  });
  it('prefers a stated number over a vague default', () => {
    const r = fatalitiesFromClaims([claim({ vague: true, low: 3, high: 3, best: 3 }), claim({ low: 6, high: 6, best: 6 })]);
    expect(r.best).toBe(6);
  });
  it('drops an unspecified figure that only repeats the sides already counted', () => {
    const r = fatalitiesFromClaims([claim({ victims: 'state_forces', low: 2, high: 2, best: 2 }), claim({ victims: 'armed_group', low: 3, high: 3, best: 3 }), claim({ victims: 'unknown', low: 5, high: 5, best: 5 })]);
    expect(r.best).toBe(5);
  });
});

describe('splitToll', () => {
  it('splits a toll across events so that the parts add up', () => {
    const parts = splitToll({ low: 10, best: 11, high: 14 }, 3);
    expect(parts).toHaveLength(3);
    expect(parts.reduce((s, p) => s + p.best, 0)).toBe(11);
    expect(parts.reduce((s, p) => s + p.high, 0)).toBe(14);
    expect(parts[0]!.best).toBe(4);
  });
});

describe('one group named two ways', () => {
  const claim = (sentence: number, best: number, victims: Claim['victims']): Claim => ({ sentence, start: sentence * 100, end: sentence * 100 + 10, kind: 'killed', low: best, high: best, best, victims, source: null, text: `${best} killed` });
  it('counts the same figure told for two victim groups in different sentences once', () => {
    expect(fatalitiesFromClaims([claim(0, 8, 'state_forces'), claim(2, 8, 'civilians')]).best).toBe(8);
  });
  it('adds equal figures told side by side in one sentence', () => {
    expect(fatalitiesFromClaims([claim(1, 8, 'state_forces'), claim(1, 8, 'armed_group')]).best).toBe(16);
  });
});

describe('figures that are part of another or only a default', () => {
  const c = (sentence: number, best: number, victims: Claim['victims'], text: string, vague = false): Claim => ({ sentence, start: sentence * 100, end: sentence * 100 + 10, kind: 'killed', low: best, high: best, best, victims, source: null, text, ...(vague ? { vague } : {}) });
  it('a figure "among those killed" does not undercut the toll', () => {
    expect(fatalitiesFromClaims([c(0, 50, 'unknown', 'Fifty people have been killed'), c(3, 5, 'unknown', 'a family of five were among those killed')]).best).toBe(50);
  });
  it('a number beats the default given for deaths without one', () => {
    expect(fatalitiesFromClaims([c(0, 50, 'unknown', 'Fifty people have been killed'), c(2, 10, 'civilians', 'numerous casualties', true)]).best).toBe(50);
  });
});

describe('a rival voice', () => {
  it('widens the range while the conservative figure stays best', () => {
    const a: Claim = { sentence: 0, start: 0, end: 10, kind: 'killed', low: 2, high: 2, best: 2, victims: 'state_forces', source: null, text: 'killing two soldiers' };
    const b: Claim = { sentence: 0, start: 20, end: 30, kind: 'killed', low: 10, high: 10, best: 10, victims: 'unknown', source: 'the Taliban', text: 'killed ten' };
    expect(fatalitiesFromClaims([a, b])).toEqual({ low: 2, best: 2, high: 10 });
  });
});

describe('rival counts from other voices', () => {
  const c = (best: number, victims: Claim['victims'], source: string | null, sentence: number): Claim => ({ sentence, start: sentence * 100, end: sentence * 100 + 5, kind: 'killed', low: best, high: best, best, victims, source, text: `${best} killed` });
  it('the most conservative is best, the range spans them all', () => {
    expect(fatalitiesFromClaims([c(12, 'civilians', 'residents', 0), c(15, 'unknown', 'a militia leader', 1), c(9, 'unknown', 'the army', 1)])).toEqual({ low: 9, best: 9, high: 15 });
  });
});
