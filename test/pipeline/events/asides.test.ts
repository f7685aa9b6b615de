/**
 * What a report tells beside its event: sentences that refer back to it ("The clash came on the same
 * day that …"), what went on meanwhile elsewhere, an earlier campaign and "those clashes" after it,
 * asides on what a place has suffered. Sentences written for these tests, run through the whole
 * pipeline on the built data.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/pipeline/extract.js';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { findDates } from '../../../src/pipeline/mentions/dates/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';

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
  it('"The crackdown came as protests swept Baghdad": what went on at the same time is told as its setting', () => {
    const x = run(
      'Security forces shot dead 14 protesters at a sit-in in Karbala late on Monday, rights groups said.\n' +
        'The crackdown came as a second wave of anti-government protests swept Baghdad and the south, with demonstrators demanding jobs.',
    );
    expect(x.events.map((e) => e.location)).toEqual(['Karbala']);
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

describe('an earlier campaign told as background', () => {
  const story =
    'The government and the rebels signed a ceasefire in Maputo on Sunday, ending two years of renewed fighting.\n' +
    'Rebel fighters took up arms again in 2013, attacking army positions on the main highway in Sofala province.\n';
  it('"Dozens were killed in those clashes" right after it is more of that campaign', () => {
    const x = run(story + 'Dozens of soldiers and civilians were killed in those clashes, and traffic had to move in armed convoys.', '2014-08-26');
    expect(x.events.map((e) => `${e.sub_event_type}|${e.fatalities}`)).toEqual(['Agreement|0']);
  });
  it('a sentence with a day of its own after it is an event of the report', () => {
    const x = run(story + 'On Monday, three soldiers were killed in those clashes near Muxungue, officials said.', '2014-08-26');
    expect(x.events.map((e) => e.sub_event_type).sort()).toEqual(['Agreement', 'Armed clash']);
  });
  it('in an apposition ("Renamo, the movement that waged a long civil war against …,") drops only that clause', () => {
    const x = run(
      'The government and Renamo, the opposition movement that waged a long civil war against the ruling party, have ended the fighting with a ceasefire signed in Maputo on Sunday.',
      '2014-08-26',
    );
    expect(x.events.map((e) => `${e.sub_event_type}|${e.location}`)).toEqual(['Agreement|Maputo']);
  });
});

describe('an aside on what a place has suffered', () => {
  it('", one of the towns worst affected by the ambushes" is no event', () => {
    const x = run(
      'The government and the rebels signed a ceasefire in Maputo on Sunday.\n' +
        '"People in Sofala have waited a long time for this day," said a trader reached by telephone in Muxungue, one of the towns worst affected by the ambushes.',
      '2014-08-26',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Agreement']);
  });
  it('but the sentence’s own event stands ("… in Isa, a part of the state badly affected by banditry")', () => {
    const x = run('The army chief on Tuesday opened a new forward operating base in Isa, a part of Sokoto State badly affected by banditry.', '2022-05-04');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Headquarters or base established']);
  });
});

describe('a month named after "ahead of"', () => {
  it('is the coming month of that name, not last year’s', () => {
    const doc = cleanReport({ id: 't', text: 'The ceasefire raises hopes ahead of October vote.', published: '2014-08-26' });
    const found = findDates(doc, splitSentences(doc), '2014-08-26');
    expect(found.map((d) => d.date)).toEqual(['2014-10-15']);
  });
  it('so the headline’s event is not dropped as background', () => {
    const x = run('Ceasefire deal signed in Maputo raises hopes ahead of October vote\nThe document was signed late on Sunday night.', '2014-08-26');
    expect(x.events.map((e) => `${e.sub_event_type}|${e.event_date}`)).toEqual(['Agreement|2014-08-24']);
  });
});

describe('"overnight" in a headline beside a weekday in the body', () => {
  it('is the weekday: one event, on that day', () => {
    const x = run(
      'Ten killed in overnight battle in Baharak district\n' +
        'Ten people died when Taliban fighters and government troops fought for several hours in Baharak district of Badakhshan in the early hours of Thursday, local officials say.',
      '2021-03-19',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2021-03-18']);
  });
});

describe('what an act is meant to stop, and a place told as among the worst hit', () => {
  it('"urged communities to help root out banditry, kidnapping and cattle rustling" is no abduction', () => {
    expect(run('He urged communities in Sokoto to share information with the troops to help root out banditry, kidnapping and cattle rustling.').events).toEqual([]);
  });
  it('the act told before it stands ("… to curb banditry, after work began on a new base in Isa")', () => {
    const x = run('The army says it will open more bases in the North-West to curb banditry, after work began on Tuesday on a new forward operating base in Isa, Sokoto State.');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Headquarters or base established']);
  });
  it('"have been among the worst-hit parts of Sokoto, with gangs abducting residents" is background', () => {
    expect(run('Isa and Sabon Birni have been among the worst-hit parts of Sokoto, with gangs imposing levies on farmers and abducting residents for ransom.').events).toEqual([]);
  });
});

describe('the lead place', () => {
  it('is the news lead’s, not a clearer earlier episode told further down', () => {
    const x = run(
      'The UN mission in Mali has formally transferred its base in Timbuktu to the Malian state.\n' +
        'Images of the handover ceremony were shown on Thursday evening’s news bulletin.\n' +
        'Earlier handovers have been contested: after the mission left Kidal on October 31, the army took the town from rebels on November 14.',
      '2023-12-30',
    );
    expect(x.events.filter((e) => e.sub_event_type === 'Non-violent transfer of territory').map((e) => `${e.location}|${e.event_date}`)).toEqual(['Timbuktu|2023-12-28']);
  });
});

describe('a span of time opening the sentence', () => {
  it('"A day after X was buried, people marched …" keeps the march', () => {
    const x = run('ST. LOUIS, Aug. 28 - A day after the teenager was laid to rest, about a hundred people marched peacefully through Ferguson on Tuesday night.', '2014-08-28');
    expect(x.events.map((e) => `${e.event_type}|${e.event_date}`)).toEqual(['Protests|2014-08-26']);
  });
  it('"A week earlier, on 10 November, …" stays the earlier event told as background', () => {
    const x = run(
      'Air defences downed 20 drones over Moscow on Monday, the mayor said.\nA week earlier, on November 10, the Moscow region faced an even bigger drone raid.',
      '2024-11-19',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2024-11-18']);
  });
});

describe('"the latest in a wave of strikes since a suicide bombing in Ankara"', () => {
  it('tells the cause of the wave, not the kind of this event', () => {
    const x = run('Saturday’s drone attack on the Makhmour camp in Iraq, which left two PKK members dead, is the latest in a wave of Turkish strikes since a suicide bombing in Ankara.', '2023-10-10');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Air/drone strike']);
  });
});
