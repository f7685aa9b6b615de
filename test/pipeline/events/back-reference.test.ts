/**
 * Sentences that open on the event already told ("The clash …", "The blasts …"): they tell more of
 * it, not another event at another place. Sentences written for these tests, run through the whole
 * pipeline on the built data.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/pipeline/extract.js';

const run = (text: string, published = '2023-06-14') => extractReport({ id: 't', text, published });

describe('a sentence referring back to the told event', () => {
  it('with a singular noun ("The clash came on the same day that …") adds no event at the other place', () => {
    const x = run(
      'Taliban fighters attacked army posts near Baharak in Badakhshan province early on Tuesday, and eight attackers and two soldiers were killed in the gunfight.\n' +
        'The clash came on the same day that Moscow hosted envoys from several countries.',
    );
    expect(x.events.map((e) => e.country)).toEqual(['Afghanistan']);
  });
  it('with a plural noun ("The blasts came as …") adds no event at the other place either', () => {
    const x = run(
      'Two bombs exploded at a market in Maiduguri on Monday, killing nine people.\n' +
        'The blasts came as the president visited Abuja to open a new hospital wing.',
    );
    expect(x.events.map((e) => e.location)).toEqual(['Maiduguri']);
  });
  it('dated only in the clause told as its cause ("comes two weeks after … on 26 April") adds no event there', () => {
    const x = run(
      'Commanders of the SPLA-IO in Aweil have broken away and set up a splinter group, one of their officers said on Tuesday.\n' +
        'The defection comes two weeks after Machar returned to Juba on 26 April and was sworn in as vice-president.',
      '2016-05-12',
    );
    expect(x.events.map((e) => e.location)).toEqual(['Aweil']);
  });
  it('places the told event when the lead knew only its province', () => {
    const x = run(
      'A pre-dawn Taliban assault in Badakhshan province left ten people dead on Tuesday, officials said.\n' +
        'The clash broke out in Baharak district when fighters moved on security posts.',
    );
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.location).toMatch(/Bah[aā]rak/);
  });
});

describe('places that are not where the act happened', () => {
  it('a place in a clause telling what went on meanwhile ("… as a conference meets in Moscow")', () => {
    const x = run(
      'Badakhshan fighting leaves 10 dead as peace conference meets in Moscow\n' +
        'Heavy fighting between Taliban insurgents and government forces in Baharak district killed ten people early on Tuesday.',
    );
    expect(x.events.map((e) => e.country)).toEqual(['Afghanistan']);
  });
});
