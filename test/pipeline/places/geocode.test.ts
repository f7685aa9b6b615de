import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findPlaces, loadGazetteer } from '../../../src/pipeline/mentions/places/index.js';
import type { PlaceMention } from '../../../src/model/index.js';

const gaz = loadGazetteer();

function places(text: string): PlaceMention[] {
  const doc = cleanReport({ id: 't', text });
  return findPlaces(doc, splitSentences(doc), gaz);
}

interface Expect {
  /** surface text of the mention */
  mention: string;
  /** null: the word must not be taken for a place */
  name?: string | null;
  country?: string;
  admin1?: string;
  role?: PlaceMention['role'];
  precision?: 1 | 2 | 3;
  kind?: string;
}

// Hard cases, written for this test (not taken from any report).
const CASES: { why: string; text: string; expect: Expect[] }[] = [
  {
    why: 'same-named town resolved by the country named in the text (Lebanon)',
    text: 'Clashes broke out overnight in Tripoli, in northern Lebanon, between two neighbourhoods.',
    expect: [{ mention: 'Tripoli', country: 'Lebanon', precision: 1 }],
  },
  {
    why: 'same-named town resolved by the country named in the text (Libya)',
    text: 'Militias exchanged fire in Tripoli on Sunday, the Libyan health ministry said.',
    expect: [{ mention: 'Tripoli', country: 'Libya' }],
  },
  {
    why: 'a town that is also a person’s name: only the place reading is kept',
    text: 'Opposition leader Chad Okonkwo spoke to supporters in Enugu before travelling north.',
    expect: [
      { mention: 'Chad', name: null },
      { mention: 'Enugu', country: 'Nigeria', precision: 1 },
    ],
  },
  {
    why: 'a dateline city far from the event is a dateline, the event place is a location',
    text: 'NAIROBI, May 4 (Newswire) - Gunmen attacked a market in Mandera town near the Somali border, police said.',
    expect: [
      { mention: 'NAIROBI', name: 'Nairobi', role: 'dateline' },
      { mention: 'Mandera', country: 'Kenya', role: 'location' },
    ],
  },
  {
    why: 'a district named with its generic word resolves to the district (precision 2)',
    text: 'Security forces raided a compound in Mastung district of Balochistan on Friday.',
    expect: [
      { mention: 'Mastung district', name: 'Mastung', kind: 'admin2', precision: 2, admin1: 'Balochistan' },
      { mention: 'Balochistan', kind: 'admin1', precision: 3 },
    ],
  },
  {
    why: 'a transliteration variant (Kharkov) resolves to Kharkiv',
    text: 'Three missiles struck an industrial area of Kharkov late on Tuesday.',
    expect: [{ mention: 'Kharkov', name: 'Kharkiv', country: 'Ukraine' }],
  },
  {
    why: 'a city named after a speech verb is where the figure was told, not where the attack was',
    text: 'Jihadists killed nine herders in an attack in northern Mali on Sunday, local officials told reporters in Dakar.',
    expect: [{ mention: 'Dakar', name: 'Dakar', role: 'dateline' }, { mention: 'Mali', country: 'Mali', role: 'location' }],
  },
  {
    why: 'a unit word written before the name ("the state of") picks the province, and the bare name elsewhere follows it',
    text: 'Gunmen kill mayor in Guerrero\n\nA mayor in the southern Mexican state of Guerrero was shot dead on Sunday.',
    expect: [{ mention: 'Guerrero', kind: 'admin1', country: 'Mexico', precision: 3 }],
  },
  {
    why: 'a church named after a saint is a building, not the town of that name',
    text: 'Attackers opened fire at St Francis church in Owo during Sunday mass.',
    expect: [{ mention: 'St Francis', name: null }, { mention: 'Owo', country: 'Nigeria' }],
  },
  {
    why: '"department" names a first-order unit in Colombia',
    text: 'Dissidents attacked a police station in Cordoba department, the Colombian army said.',
    expect: [{ mention: 'Cordoba', kind: 'admin1', country: 'Colombia', precision: 3 }],
  },
  {
    why: '"districts of" a city are its parts: the city stays a city',
    text: 'Several more rallies were held in residential districts of Minsk on Sunday.',
    expect: [{ mention: 'Minsk', kind: 'place', country: 'Belarus' }],
  },
  {
    why: 'a name set off after a person word ("a youth, Kamal,") is a person, not the town of that name',
    text: 'A youth, Kamal, who had been missing for a week, was shot dead by gunmen in Turbat on Thursday.',
    expect: [{ mention: 'Kamal', name: null }, { mention: 'Turbat', country: 'Pakistan' }],
  },
  {
    why: 'a camp named with lower-case generic words ("the Jenin refugee camp")',
    text: 'Troops raided the Jenin refugee camp on Tuesday, the Palestinian health ministry said.',
    expect: [{ mention: 'Jenin refugee camp', country: 'Palestine', precision: 1 }],
  },
  {
    why: 'a news outlet named after a place ("Al Masirah TV") is no place',
    text: 'Air strikes hit the port of Hodeidah overnight, the Houthi-run Al Masirah TV said.',
    expect: [{ mention: 'Masirah', name: null }, { mention: 'Hodeidah', country: 'Yemen' }],
  },
  {
    why: 'a country whose strikes hit somewhere is the actor, the place hit the location',
    text: 'US strikes hit the port in Hodeidah overnight, residents said.',
    expect: [{ mention: 'US', role: 'actor' }, { mention: 'Hodeidah', country: 'Yemen', role: 'location' }],
  },
  {
    why: 'where a speaker’s office sits ("a spokesman for the police command in Faizabad") is no place of the act',
    text: 'Taliban fighters attacked Baharak in Afghanistan. A spokesman for the provincial police command in Faizabad said the militants carried away their dead.',
    expect: [{ mention: 'Faizabad', role: 'actor' }],
  },
  {
    why: 'a capital beside another that would speak ("Neither Addis Ababa nor the Somali government commented") is an actor',
    text: 'Ethiopian troops pulled out of El-Bur in Somalia on Monday. Neither Addis Ababa nor the Somali government commented on the pullout.',
    expect: [{ mention: 'Addis Ababa', role: 'actor' }],
  },
  {
    why: 'a French-style spelling too short for a skeleton ("Tarhouna" for Tarhuna) in the country the report is about',
    text: 'Forensic teams pulled five bodies from two graves in Tarhouna, Libya, on Sunday.',
    expect: [{ mention: 'Tarhouna', name: 'Tarhuna', country: 'Libya' }],
  },
  {
    why: 'a British spelling of a common word ("Health Centre") is no town abroad (Centre, Alabama)',
    text: 'The man was declared dead at Chileka Health Centre near Lilongwe, Malawi.',
    expect: [{ mention: 'Centre', name: null }, { mention: 'Lilongwe', country: 'Malawi' }],
  },
  {
    why: 'a region across provinces (supplement row) is only its large area: geo_precision 3',
    text: 'Paramilitary fighters burned three villages in Darfur this week, aid groups said.',
    expect: [{ mention: 'Darfur', name: 'Darfur', country: 'Sudan', precision: 3 }],
  },
  {
    why: 'a country name used for its government is an actor, the other country a location',
    text: 'Jordan said it would reopen the crossing with Syria next week.',
    expect: [
      { mention: 'Jordan', country: 'Jordan', role: 'actor' },
      { mention: 'Syria', country: 'Syria', role: 'location', precision: 3 },
    ],
  },
  {
    why: 'a capital used for its government is an actor',
    text: 'Kabul said the strike in Khost province had killed civilians.',
    expect: [
      { mention: 'Kabul', role: 'actor' },
      { mention: 'Khost', kind: 'admin1', country: 'Afghanistan', role: 'location' },
    ],
  },
  {
    why: 'lower-case text: well-known places and places after a preposition are found, common words are not',
    text: 'hundreds of teachers marched in nairobi on monday and police used tear gas near the central park. protesters also gathered in kisumu.',
    expect: [
      { mention: 'nairobi', name: 'Nairobi', country: 'Kenya' },
      { mention: 'kisumu', name: 'Kisumu', country: 'Kenya' },
      { mention: 'central', name: null },
      { mention: 'park', name: null },
    ],
  },
  {
    why: 'a state named with "State" and an admin variant (NWFP) are admin1 units',
    text: 'Gunmen abducted 20 travellers on a highway in Kaduna State; a similar attack was reported in NWFP.',
    expect: [
      { mention: 'Kaduna State', name: 'Kaduna', kind: 'admin1', country: 'Nigeria', precision: 3 },
      { mention: 'NWFP', name: 'Khyber Pakhtunkhwa', kind: 'admin1', country: 'Pakistan' },
    ],
  },
  {
    why: 'near X gives precision 2',
    text: 'A roadside bomb exploded near Kandahar on Wednesday.',
    expect: [{ mention: 'Kandahar', country: 'Afghanistan', precision: 2 }],
  },
  {
    why: 'ordinary capitalised words at the start of a sentence are not places',
    text: 'Police said the attackers fled. Reading the statement, the governor condemned the violence in Maiduguri.',
    expect: [
      { mention: 'Police', name: null },
      { mention: 'Reading', name: null },
      { mention: 'Maiduguri', country: 'Nigeria' },
    ],
  },
  {
    why: 'ACLED country naming and variants',
    text: 'Fighting resumed in eastern DRC, while refugees crossed into Burma’s neighbour.',
    expect: [
      { mention: 'DRC', country: 'Democratic Republic of Congo', kind: 'country', precision: 3 },
      { mention: 'Burma', country: 'Myanmar' },
    ],
  },
  {
    why: 'a demonym alone gives the country when no place is named',
    text: 'Congolese soldiers clashed with rebels overnight, a spokesman said.',
    expect: [{ mention: 'Congolese', country: 'Democratic Republic of Congo', precision: 3 }],
  },
];

describe('findPlaces: hard cases', () => {
  for (const c of CASES) {
    it(c.why, () => {
      const ms = places(c.text);
      for (const e of c.expect) {
        const m = ms.find((x) => x.text === e.mention);
        if (e.name === null) {
          expect(m?.place ?? null, `"${e.mention}" should not be a place`).toBeNull();
          continue;
        }
        expect(m, `mention "${e.mention}" in ${JSON.stringify(ms.map((x) => x.text))}`).toBeDefined();
        const p = m!.place!;
        expect(p).not.toBeNull();
        if (e.name) expect(p.name).toBe(e.name);
        if (e.country) expect(p.country).toBe(e.country);
        if (e.admin1) expect(p.admin1).toBe(e.admin1);
        if (e.kind) expect(p.kind).toBe(e.kind);
        if (e.role) expect(m!.role).toBe(e.role);
        if (e.precision) expect(m!.geo_precision).toBe(e.precision);
      }
    });
  }

  it('gives offsets into the cleaned text and coordinates to 4 decimals', () => {
    const text = 'Protesters gathered in Peshawar.';
    const ms = places(text);
    const m = ms.find((x) => x.text === 'Peshawar')!;
    expect(text.slice(m.start, m.end)).toBe('Peshawar');
    expect(m.sentence).toBe(0);
    expect(m.place!.iso).toBe(586);
    expect(m.place!.iso2).toBe('PK');
    expect(m.place!.admin1).toBe('Khyber Pakhtunkhwa');
    expect(Math.round(m.place!.latitude * 1e4) / 1e4).toBe(m.place!.latitude);
    expect(m.candidates[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('never throws on odd text', () => {
    for (const t of ['', '   ', '\u0000\u0001', 'Київ і Харків', '—'.repeat(500), 'A'.repeat(10000)]) expect(() => places(t)).not.toThrow();
  });
});

describe('findPlaces: one sense per report', () => {
  it('a respelling read as a place with a cue ("the town of Makhmour") is that place where the headline names it bare', () => {
    const ms = places(
      'Drone strike on Makhmour camp kills two as Turkey widens campaign against PKK\n' +
        'A Turkish drone attack on a refugee camp near the northern Iraqi town of Makhmour late on Saturday left two PKK militants dead, Kurdish officials said.\n' +
        'The camp, southeast of Mosul, shelters Kurds who fled southeastern Turkey in the 1990s, and Ankara describes it as a recruiting ground for the PKK.',
    );
    expect(ms.filter((m) => m.text === 'Makhmour').map((m) => m.place?.country)).toEqual(['Iraq', 'Iraq']);
  });
  it('but not in other letters or case ("trading centre" beside "Health Centre")', () => {
    const ms = places('A thief was beaten to death near the Nsundwe trading centre west of Lilongwe. He was declared dead at Chileka Health Centre.');
    expect(ms.some((m) => m.text === 'centre' && m.place)).toBe(false);
  });
});
