import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/pipeline/extract.js';

// Whole-pipeline cases written for these tests (not taken from any report), run on the
// real built gazetteer, lexicons and actor dictionary.
const run = (text: string, published = '2025-03-10', id = 't') => extractReport({ id, text, published });

describe('extractReport: the event record', () => {
  const x = run(
    'Gunmen attacked a police checkpoint in Kano on Saturday, killing three officers, police said. ' +
      'Residents said five people were killed in the attack.',
  );
  it('codes one event with place, date, actors and fatalities', () => {
    expect(x.events).toHaveLength(1);
    const e = x.events[0]!;
    expect(e.country).toBe('Nigeria');
    expect(e.location).toBe('Kano');
    expect(e.event_date).toBe('2025-03-08');
    expect(e.time_precision).toBe(1);
    expect(e.event_type).toBe('Battles');
    expect(e.inter2).toBe(1);
    expect(e.fatalities).toBeGreaterThanOrEqual(3);
    expect(e.fatalities_low).toBeLessThanOrEqual(e.fatalities);
    expect(e.fatalities_high).toBeGreaterThanOrEqual(e.fatalities);
    expect(e.geo_precision).toBe(1);
    expect(e.latitude).toBeCloseTo(12.0, 0);
    expect(e.notes).toMatch(/Kano/);
  });
  it('keeps the claims with who said them', () => {
    const e = x.events[0]!;
    expect(e.claims.length).toBeGreaterThanOrEqual(2);
    expect(e.claims.some((c) => c.source && /police/i.test(c.source))).toBe(true);
  });
  it('points every evidence span at the text it came from', () => {
    const e = x.events[0]!;
    for (const span of Object.values(e.evidence)) {
      expect(span!.end).toBeGreaterThan(span!.start);
      expect(x.doc.text.slice(span!.start, span!.end).length).toBe(span!.end - span!.start);
      const s = x.sentences[span!.sentence]!;
      expect(span!.start).toBeGreaterThanOrEqual(s.start);
      expect(span!.end).toBeLessThanOrEqual(s.end);
    }
    expect(x.doc.text.slice(e.evidence.location!.start, e.evidence.location!.end)).toBe('Kano');
  });
  it('gives the same event_id on every run', () => {
    const again = run(x.doc.text);
    expect(again.events.map((e) => e.event_id)).toEqual(x.events.map((e) => e.event_id));
  });
});

describe('extractReport: ACLED granularity and modality', () => {
  it('codes a coordinated attack on several towns as one event per town', () => {
    const x = run('Militants launched simultaneous attacks on army posts in Quetta, Mastung and Nushki on Friday.');
    const towns = x.events.map((e) => e.location).sort();
    expect(towns).toEqual(['Mastung', 'Nushki', 'Quetta']);
    for (const e of x.events) expect(e.event_date).toBe('2025-03-07');
  });
  it('codes nothing for a threat', () => {
    const x = run('The rebel commander threatened to storm Goma if the talks failed.');
    expect(x.events).toHaveLength(0);
  });
  it('codes no deaths for a denial', () => {
    const x = run('Soldiers raided a market in Maiduguri on Monday. The army denied that anyone was killed.');
    expect(x.events.every((e) => e.fatalities === 0)).toBe(true);
  });
  it('does not code background years ago as an event of the report date', () => {
    const x = run('In 2019, the group attacked a convoy near Gao, killing twelve soldiers.');
    expect(x.events.filter((e) => e.event_date.startsWith('2025'))).toHaveLength(0);
  });
  it('turns conflicting tolls into a range with the lower figure as best', () => {
    const x = run(
      'An airstrike hit a market in Idlib on Sunday. The health ministry said 12 civilians were killed, ' +
        'while a monitoring group said 20 civilians were killed.',
    );
    const e = x.events.find((ev) => ev.sub_event_type === 'Air/drone strike');
    expect(e).toBeDefined();
    expect(e!.fatalities).toBe(12);
    expect(e!.fatalities_high).toBe(20);
  });
  it('codes a protest dispersed with tear gas as a protest with intervention', () => {
    const x = run('Hundreds of students protested in Nairobi on Tuesday; police fired tear gas to disperse them.');
    expect(x.events[0]?.sub_event_type).toBe('Protest with intervention');
    expect(x.events[0]?.actor1).toMatch(/^Protesters/);
    expect(x.events[0]?.inter1).toBe(6);
  });
  it('returns no events and does not throw on empty or junk text', () => {
    expect(run('').events).toHaveLength(0);
    expect(run('\u0000\u0001 ### ||| ***').events).toHaveLength(0);
  });
});

describe('extractReport: size limit', () => {
  it('refuses a report longer than the limit with an error naming it', () => {
    const text = 'Protesters marched in Accra on Monday. '.repeat(50);
    expect(() => extractReport({ id: 'long-one', text, published: '2025-03-10' }, { maxTextChars: 500 })).toThrow(/long-one: report text is .* over the 500 limit/);
    expect(extractReport({ id: 'ok', text, published: '2025-03-10' }).events.length).toBeGreaterThan(0);
  });
});

describe('extractReport: unnamed attackers in a report about one group', () => {
  it('codes "militants" as the one armed group the report names', () => {
    const x = run(
      'Boko Haram launched raids across Borno on Sunday, the army said. ' +
        'In Konduga, militants stormed the police station and freed detainees. ' +
        'Boko Haram has not commented on the raids.',
    );
    const konduga = x.events.find((e) => e.location === 'Konduga');
    expect(konduga).toBeDefined();
    expect(konduga!.actor1).toMatch(/Boko Haram|Jamaatu/);
  });
});

describe('extractReport: a headline over its lead, and an unrelated paragraph', () => {
  it('the headline takes the date of the lead about the same place, so the event is coded once', () => {
    const x = run(
      'Rocket strike on Odesa port kills four\n\n' +
        'ODESA (Newswire) - A Russian rocket hit the port of Odesa late on Friday, killing four dock workers, the regional governor said on Saturday.\n\n' +
        "In a separate incident, drones hit a fuel depot in Russia's Kursk region overnight, officials there said, adding that nobody was hurt.",
      '2025-03-08',
    );
    const odesa = x.events.filter((e) => e.location === 'Odesa');
    expect(odesa).toHaveLength(1);
    expect(odesa[0]!.event_date).toBe('2025-03-07');
    expect(odesa[0]!.fatalities).toBe(4);
  });
});

describe('extractReport: earlier events told as background', () => {
  it.each([
    'A court in Gao on Monday jailed three men for the 2023 bombing of a bus station in Gao that killed 14 people.',
    'Gunmen killed six farmers near Gusau on Sunday, police said. Last week, a similar attack in the same area killed 30 people.',
  ])('%s', (text) => {
    const x = run(text, '2025-03-12');
    expect(x.events.every((e) => e.fatalities !== 14 && e.fatalities !== 30)).toBe(true);
  });
});

describe('extractReport: what a protest is about', () => {
  it('the place and the dead of the grievance are not the protest\'s', () => {
    const x = run('About 300 people marched in Paris on Saturday in solidarity with Rohingya villagers killed in Maungdaw.', '2025-03-10');
    expect(x.events).toHaveLength(1);
    const e = x.events[0]!;
    expect(e.sub_event_type).toBe('Peaceful protest');
    expect(e.location).toBe('Paris');
    expect(e.fatalities).toBe(0);
  });
});

describe('extractReport: one sentence, several places', () => {
  it('a figure told with its place belongs to that place', () => {
    const x = run('Soldiers shot dead four protesters in Kisumu and two in Nakuru on Monday during demonstrations over food prices.', '2025-03-12');
    const by = new Map(x.events.map((e) => [e.location, e.fatalities]));
    expect(by.get('Kisumu')).toBe(4);
    expect(by.get('Nakuru')).toBe(2);
  });
  it('a toll told for several places is split across them, adding up to the toll', () => {
    const x = run('Raids on Bama, Gwoza and Dikwa killed a total of 15 people on Sunday, officials said.', '2025-03-12');
    expect(x.events.length).toBe(3);
    expect(x.events.reduce((n, e) => n + e.fatalities, 0)).toBe(15);
  });
});

describe('extractReport: a headline place over a body place', () => {
  it('the body\'s town in the same province wins over the headline\'s city', () => {
    const x = run('Gunmen kill 6 in Kaduna\n\nGunmen killed six villagers in Kajuru, Kaduna State, on Sunday, police said.', '2025-03-12');
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.location).toBe('Kajuru');
    expect(x.events[0]!.fatalities).toBe(6);
  });
});

describe('extractReport: where marchers were headed', () => {
  it('the destination is not the event place when the sentence names where they came from', () => {
    const x = run('Police fired tear gas at thousands of farmers marching from Haryana towards New Delhi on Tuesday.', '2025-03-12');
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.location).not.toBe('New Delhi');
    expect(x.events[0]!.sub_event_type).toBe('Protest with intervention');
  });
});

describe('extractReport: an arrest over an earlier attack', () => {
  it('codes the arrest, not the attack it refers to', () => {
    const x = run('Police arrested two suspects in Peshawar on Monday in connection with last week\'s bombing that killed nine people.', '2025-03-12');
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.sub_event_type).toBe('Arrests');
    expect(x.events[0]!.fatalities).toBe(0);
  });
});

describe('extractReport: who fought whom', () => {
  it('rival gangs fight each other, not the state that reported it', () => {
    const e = run('Clashes between two rival gangs in Cite Soleil on Tuesday left six people dead, police said.', '2025-03-12').events[0]!;
    expect(e.event_type).toBe('Battles');
    expect(e.inter1).toBe(3);
    expect(e.inter2).toBe(3);
  });
  it('two states\' forces: the other state is the enemy', () => {
    const e = run('Ukrainian forces repelled Russian assaults near Pokrovsk on Monday, the General Staff said.', '2025-03-12').events[0]!;
    expect([e.actor1, e.actor2].sort()).toEqual(['Military Forces of Russia', 'Military Forces of Ukraine']);
  });
});

describe('extractReport: who claimed it', () => {
  it('a claim of responsibility in a sentence of its own names actor1', () => {
    const e = run('A bomb exploded in a market in Jalalabad on Friday, killing four people. Islamic State Khorasan later claimed responsibility.', '2025-03-12').events[0]!;
    expect(e.actor1).toMatch(/Khorasan/);
    expect(e.inter1).toBe(2);
  });
  it('a speaker is no party: "killing nine people, police said" is an attack on civilians', () => {
    const e = run('Gunmen stormed a hotel in Kismayo on Friday, killing nine people, police said.', '2025-03-12').events[0]!;
    expect(e.sub_event_type).toBe('Attack');
    expect(e.actor2).toMatch(/Civilians/);
  });
});

describe('extractReport: a headline naming only the region', () => {
  it('joins the one event the body tells that day', () => {
    const x = run('Israeli strike kills two in south Lebanon\n\nAn Israeli drone strike on a car in Bint Jbeil killed two people on Tuesday, the Lebanese health ministry said.', '2025-03-12');
    expect(x.events).toHaveLength(1);
    expect(x.events[0]!.location).toMatch(/B[ie]nt J/);
    expect(x.events[0]!.fatalities).toBe(2);
  });
});

describe('extractReport: a protest called violent beside force named against it', () => {
  it('is excessive force when only the word "disturbances" says the crowd was violent', () => {
    const x = run(
      'Soldiers used live ammunition on Wednesday to disperse residents protesting in Bangui, wounding seven. ' +
        'The disturbances broke out when several hundred people marched towards the presidential palace in a demonstration against the killings.',
      '2025-03-12',
    );
    expect(x.events.some((e) => e.sub_event_type === 'Excessive force against protesters')).toBe(true);
    expect(x.events.some((e) => e.sub_event_type === 'Violent demonstration')).toBe(false);
  });
});

describe('extractReport: a named part of a city', () => {
  it('"the Lyon suburb of Villeurbanne" is Villeurbanne itself', () => {
    const e = run('Rioters set fire to dozens of cars in the Lyon suburb of Villeurbanne on Tuesday night, police said.', '2025-03-12').events[0]!;
    expect(e.location).toBe('Villeurbanne');
    expect(e.geo_precision).toBe(1);
  });
});

describe('extractReport: an "including" aside', () => {
  it('is part of the event, not what kind of event it was', () => {
    const e = run('At least 20 people were killed in fighting between the army and rebels near Kadugli on Sunday, including seven civilians killed by shelling, medics said.', '2025-03-12').events[0]!;
    expect(e.sub_event_type).toBe('Armed clash');
    expect(e.fatalities).toBe(20);
  });
});

describe('extractReport: a person and their kin', () => {
  it('"killed a farmer and his three sons" is four dead', () => {
    expect(run('Gunmen killed a farmer and his three sons in Zamfara on Sunday.', '2025-03-12').events[0]!.fatalities).toBe(4);
  });
});

describe('extractReport: rules that must not fire', () => {
  const one = (text: string) => run(text, '2025-06-10').events;
  it('what an anniversary remembers is not this week\'s event', () => {
    expect(one('Thousands gathered in Kigali on Sunday to mark the anniversary of the genocide, in which about 800,000 people were killed.').every((e) => e.fatalities === 0)).toBe(true);
    const march = one('Protesters marched in Nairobi on Sunday to mark the first anniversary of the protests, when police shot dead more than 60 people.');
    expect(march).toHaveLength(1);
    expect(march[0]!.sub_event_type).toBe('Peaceful protest');
    expect(march[0]!.fatalities).toBe(0);
  });
  it('"gunmen shot dead Mr X": the gunmen are the attackers, one person died', () => {
    const e = one('Gunmen shot dead Mr Zaria Ibrahim in Funtua on Friday.')[0]!;
    expect(e.sub_event_type).toBe('Attack');
    expect(e.fatalities).toBe(1);
  });
  it('two named rival gangs fight each other', () => {
    const e = one('Members of rival gangs Barrio 18 and MS-13 clashed in San Pedro Sula on Sunday, killing four.')[0]!;
    expect(e.actor1).not.toBe(e.actor2);
  });
  it('a denied claim or a claim of another attack names no attacker', () => {
    expect(one('A bomb killed nine people at a market in Jalalabad on Saturday. Islamic State did not claim responsibility.')[0]!.actor1).toMatch(/Unidentified/);
    const dosso = one('Gunmen killed six soldiers in an ambush near Dosso on Sunday. On Monday, Islamic State Sahel Province claimed responsibility for an attack on a convoy near Tillaberi.').find((e) => e.location === 'Dosso');
    expect(dosso?.actor1).toMatch(/Unidentified/);
  });
  it('a day beats a span told in the same sentence; a running total over weeks is no event', () => {
    expect(one('Al-Shabaab, which has carried out a string of attacks over the past three weeks, killed four soldiers in Afgoye on Sunday.')[0]!.event_date).toBe('2025-06-08');
    const x = one('Gunmen killed five villagers in Kajuru on Sunday. Over the past three weeks, more than 60 people have been killed in the area.');
    expect(x.reduce((n, e) => n + e.fatalities, 0)).toBe(5);
  });
  it('"at least 6 … and up to 10" is a range, not a sum; "also killed among them" is no extra death', () => {
    expect(one('Clashes in Tripoli on Sunday killed at least 6 people and up to 10, according to medics.')[0]).toMatchObject({ fatalities: 6, fatalities_high: 10 });
    expect(one('Two people were killed in Kharkiv on Monday, the governor said, adding that a child was also killed among them.')[0]!.fatalities).toBe(2);
  });
  it('"the al-Shabaab-linked militia" is still al-Shabaab when no other group is named', () => {
    expect(one('The al-Shabaab-linked militia attacked a police station in Garissa on Sunday.')[0]!.actor1).toMatch(/Shabaab/);
  });
});

describe('extractReport: more red-team cases', () => {
  const one = (text: string) => run(text, '2025-06-10').events;
  it('a grievance opening the sentence ends at its comma', () => {
    const e = one('In solidarity with civilians killed in Gaza, thousands rallied in Amman on Friday; police fired tear gas.')[0]!;
    expect(e.location).toBe('Amman');
    expect(e.fatalities).toBe(0);
  });
  it('a protest after a killing does not carry its dead', () => {
    expect(one('Residents protested in Bunia on Monday after militiamen killed 9 people in nearby Djugu on Sunday.').find((e) => e.event_type === 'Protests')?.fatalities).toBe(0);
  });
  it('"Police in Lagos said" places nothing; the act does', () => {
    expect(one('Police in Lagos said a mob lynched a suspected thief in Ikorodu on Monday.')[0]!.location).toBe('Ikorodu');
  });
  it("an air strike no one is said to have made is the speaking military's when one speaks", () => {
    expect(one('An air strike killed five people in Khan Younis on Sunday, the Israeli military said.')[0]!.actor1).toBe('Military Forces of Israel');
  });
});

describe('extractReport: the date of the act in a sentence that reports speech', () => {
  it('a day told with the act, before "told reporters", dates the act', () => {
    expect(run('Police shot dead two protesters in Kisumu on Sunday, a police spokesman told reporters in Nairobi.', '2025-06-10').events[0]!.event_date).toBe('2025-06-08');
  });
});

describe('extractReport: a mob\'s victim', () => {
  it('a policeman killed by a mob is the police, not a civilian', () => {
    const e = run('A policeman was stabbed to death by a mob in Kano on Monday.', '2025-06-10').events[0]!;
    expect(e.sub_event_type).toBe('Mob violence');
    expect(e.inter2).toBe(1);
  });
});

describe('extractReport: clauses set off by a semicolon', () => {
  it('each clause with its own town is its own event with its own dead', () => {
    const x = run("Gunmen in Zamfara's Tsafe killed 8 people; in neighbouring Katsina, bandits killed 5 more in Funtua on Sunday, officials said.", '2025-06-10');
    const by = new Map(x.events.map((e) => [e.location, e.fatalities]));
    expect(by.get('Tsafe')).toBe(8);
    expect(by.get('Funtua')).toBe(5);
  });
});

describe('extractReport: a second event told in full', () => {
  it('is kept beside a stronger one', () => {
    const x = run('Boko Haram fighters killed six farmers near Gwoza on Sunday. Separately, ISWAP fighters attacked an army base in Monguno, killing three soldiers.', '2025-06-10');
    expect(x.events.map((e) => e.location).sort()).toEqual(['Gwoza', 'Monguno']);
  });
});
