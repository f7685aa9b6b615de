import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActorMention, CleanText } from '../../../src/model/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import {
  actorForCountry,
  compileActorDictionary,
  DEFAULT_ACTORS_DIR,
  findActors,
  type ActorContext,
} from '../../../src/pipeline/mentions/actors/index.js';

function docOf(text: string): CleanText {
  return { docId: 't', text, published: null, source: null, url: null, title: null, marked: [] };
}

function run(text: string, ctx: ActorContext): ActorMention[] {
  const doc = docOf(text);
  return findActors(doc, splitSentences(doc), ctx);
}

/** The mention whose text is `surface` (first one). */
function mention(text: string, ctx: ActorContext, surface: string): ActorMention | undefined {
  return run(text, ctx).find((m) => m.text === surface);
}

describe('named groups by name and abbreviation', () => {
  const cases: [string, string | null, string, string, number][] = [
    ['Fighters of the Baloch Liberation Army ambushed a convoy near Turbat.', 'Pakistan', 'Baloch Liberation Army', 'Baloch Liberation Army', 2],
    ['A BLA statement said the group hit a camp.', 'Pakistan', 'BLA', 'Baloch Liberation Army', 2],
    ['Militants of the Tehreek-e-Taliban Pakistan raided a post.', 'Pakistan', 'Tehreek-e-Taliban Pakistan', 'Tehrik-i-Taliban Pakistan (TTP)', 2],
    ['al-Shabab gunmen stormed a hotel in the capital.', 'Somalia', 'al-Shabab gunmen', 'Al Shabaab', 2],
    ['ISWAP fighters overran a base in Borno.', 'Nigeria', 'ISWAP fighters', 'Islamic State West Africa Province (ISWAP)', 2],
    ['Houthi rebels fired a missile at a tanker.', 'Yemen', 'Houthi rebels', 'Houthis (Ansar Allah)', 2],
    ['The M23 seized the town after two days of fighting.', 'Democratic Republic of Congo', 'M23', 'M23: March 23 Movement', 2],
    ['Hayat Tahrir al-Sham shelled a village in Idlib.', 'Syria', 'Hayat Tahrir al-Sham', 'Hayat Tahrir al-Sham (HTS)', 2],
    ['The RSF besieged the city for weeks.', 'Sudan', 'RSF', 'Rapid Support Forces', 2],
    ['Supporters of the BNP marched to the party office.', 'Bangladesh', 'BNP', 'BNP: Bangladesh Nationalist Party', 3],
    ['CJNG gunmen killed a local official.', 'Mexico', 'CJNG gunmen', 'CJNG: Jalisco New Generation Cartel', 3],
    ['Members of Viv Ansanm set fire to a police station.', 'Haiti', 'Viv Ansanm', 'Viv Ansanm', 3],
    ['CODECO militiamen attacked a displacement site.', 'Democratic Republic of Congo', 'CODECO militiamen', 'CODECO: Cooperative for Development of Congo', 4],
    ['The Arakan Army captured a border post.', 'Myanmar', 'Arakan Army', 'Arakan Army', 2],
    ['Wagner mercenaries and soldiers entered the village.', 'Mali', 'Wagner mercenaries', 'Wagner Group', 8],
  ];
  it.each(cases)('%s', (text, country, surface, actor, inter) => {
    const m = mention(text, { country }, surface);
    expect(m, `no mention "${surface}" in: ${JSON.stringify(run(text, { country }).map((x) => x.text))}`).toBeDefined();
    expect(m!.actor).toBe(actor);
    expect(m!.inter).toBe(inter);
    expect(m!.generic).toBe(false);
  });

  it('matches abbreviations only in their own case', () => {
    expect(run('He said bla bla and left; the fc game was cancelled.', { country: 'Pakistan' })).toEqual([]);
  });

  it('names the Islamic State after the country it operates in', () => {
    expect(mention('Islamic State claimed a bombing in Kirkuk.', { country: 'Iraq' }, 'Islamic State')!.actor).toBe('Islamic State (Iraq)');
    expect(mention('Islamic State claimed a raid near Lake Chad.', { country: 'Nigeria' }, 'Islamic State')!.actor).toBe('Islamic State West Africa Province (ISWAP)');
    expect(mention('Islamic State claimed the attack.', { country: null }, 'Islamic State')!.actor).toBe('Islamic State');
  });

  it('reads the Taliban by country and date', () => {
    const text = 'The Taliban attacked a district centre.';
    expect(mention(text, { country: 'Afghanistan', date: '2019-06-01' }, 'Taliban')).toMatchObject({ actor: 'Taliban', inter: 2 });
    expect(mention(text, { country: 'Afghanistan', date: '2023-06-01' }, 'Taliban')).toMatchObject({ actor: 'Military Forces of Afghanistan (2021-)', inter: 1 });
    expect(mention(text, { country: 'Afghanistan' }, 'Taliban')).toMatchObject({ actor: 'Taliban', inter: 2 });
    expect(mention(text, { country: 'Pakistan' }, 'Taliban')).toMatchObject({ actor: 'Tehrik-i-Taliban Pakistan (TTP)', inter: 2 });
  });
});

describe('state forces', () => {
  const cases: [string, string | null, string, string, number, string | null][] = [
    ['Soldiers repulsed the assault on the camp.', 'Mali', 'Soldiers', 'Military Forces of Mali', 1, 'context'],
    ['Nigerian police arrested six suspects.', 'Nigeria', 'Nigerian police', 'Police Forces of Nigeria', 1, 'text'],
    ["Kenya's police fired tear gas.", 'Kenya', "Kenya's police", 'Police Forces of Kenya', 1, 'text'],
    ['Russian troops shelled the outskirts of the city.', 'Ukraine', 'Russian troops', 'Military Forces of Russia', 8, 'text'],
    ['US forces struck a depot near the border.', 'Syria', 'US forces', 'Military Forces of the United States', 8, 'dictionary'],
    ['FARDC soldiers retook the hill.', 'Democratic Republic of Congo', 'FARDC soldiers', 'Military Forces of the Democratic Republic of Congo', 1, 'dictionary'],
    ['The Frontier Corps cordoned off the area.', 'Pakistan', 'Frontier Corps', 'Military Forces of Pakistan', 1, 'dictionary'],
    ['CTD officials said the suspects were held.', 'Pakistan', 'CTD officials', 'Police Forces of Pakistan', 1, 'dictionary'],
    ['The IDF said it struck a launch site in Lebanon.', 'Lebanon', 'IDF', 'Military Forces of Israel', 8, 'dictionary'],
    ['The Tatmadaw bombed a monastery.', 'Myanmar', 'Tatmadaw', 'Military Forces of Myanmar', 1, 'dictionary'],
    ['The junta ordered a curfew.', 'Burkina Faso', 'junta', 'Military Forces of Burkina Faso', 1, 'context'],
    ['Gendarmes were deployed to the market.', 'Cameroon', 'Gendarmes', 'Police Forces of Cameroon', 1, 'context'],
    ['The police of Kenya denied the report.', 'Kenya', 'police of Kenya', 'Police Forces of Kenya', 1, 'text'],
    ['Philippine troops clashed with gunmen.', 'Philippines', 'Philippine troops', 'Military Forces of the Philippines', 1, 'text'],
    ['Israeli forces raided a refugee camp.', 'Palestine', 'Israeli forces', 'Military Forces of Israel', 8, 'text'],
  ];
  it.each(cases)('%s', (text, country, surface, actor, inter, source) => {
    const m = mention(text, { country }, surface);
    expect(m, `no mention "${surface}" in: ${JSON.stringify(run(text, { country }).map((x) => x.text))}`).toBeDefined();
    expect(m!.actor).toBe(actor);
    expect(m!.inter).toBe(inter);
    expect(m!.country_source).toBe(source);
  });

  it('without a country leaves the country out of the name', () => {
    const m = mention('Troops moved into the valley.', { country: null }, 'Troops')!;
    expect(m).toMatchObject({ actor: 'Military Forces', inter: 1, country: null, country_source: null });
    expect(m.template).toBe('Military Forces of {the_country}');
  });

  it('does not read the pronoun "us" as the United States', () => {
    const ms = run('A witness told us that soldiers opened fire.', { country: 'Nigeria' });
    expect(ms.map((m) => m.actor)).toEqual(['Military Forces of Nigeria']);
  });

  it('does not read the AFP news agency as an actor', () => {
    expect(run('AFP reported the news on Monday.', { country: 'Philippines' })).toEqual([]);
  });
});

describe('generic patterns', () => {
  const cases: [string, string | null, string, string, number][] = [
    ['Unidentified gunmen shot a trader.', 'Burkina Faso', 'Unidentified gunmen', 'Unidentified Armed Group (Burkina Faso)', 3],
    ['Bandits abducted farmers on the road.', 'Nigeria', 'Bandits', 'Armed Bandits (Nigeria)', 3],
    ['Bandits robbed a bus.', 'Kenya', 'Bandits', 'Unidentified Armed Group (Kenya)', 3],
    ['Jihadists burned the school.', 'Niger', 'Jihadists', 'Unidentified Armed Group (Niger)', 3],
    ['Demonstrators blocked the highway.', 'Chile', 'Demonstrators', 'Protesters (Chile)', 6],
    ['A mob beat the man to death.', 'India', 'mob', 'Rioters (India)', 5],
    ['Villagers fled to the forest.', 'Mali', 'Villagers', 'Civilians (Mali)', 7],
    ['Journalists were detained at the airport.', 'Belarus', 'Journalists', 'Civilians (Belarus)', 7],
    ['Vigilantes handed the suspects over.', 'Nigeria', 'Vigilantes', 'Unidentified Communal Militia (Nigeria)', 4],
    ['Separatists torched a school in Bamenda.', 'Cameroon', 'Separatists', 'Ambazonian Separatists', 2],
    ['Fulani gunmen attacked the hamlet.', 'Mali', 'Fulani gunmen', 'Fulani Ethnic Militia (Mali)', 4],
    ['Afghan civilians crossed the border.', 'Pakistan', 'Afghan civilians', 'Civilians (Afghanistan)', 7],
    ['Gang members torched houses.', 'Haiti', 'Gang members', 'Unidentified Gang (Haiti)', 3],
    ['Clan militias fought over a well.', 'Somalia', 'Clan militias', 'Unidentified Clan Militia (Somalia)', 4],
  ];
  it.each(cases)('%s', (text, country, surface, actor, inter) => {
    const m = mention(text, { country }, surface);
    expect(m, `no mention "${surface}" in: ${JSON.stringify(run(text, { country }).map((x) => x.text))}`).toBeDefined();
    expect(m!.actor).toBe(actor);
    expect(m!.inter).toBe(inter);
  });

  it('marks pattern matches as generic and dictionary names as not', () => {
    const ms = run('Gunmen and Hamas fighters exchanged fire.', { country: 'Palestine' });
    expect(ms.map((m) => [m.text, m.generic])).toEqual([['Gunmen', true], ['Hamas fighters', false]]);
  });

  it('with no country known gives the bare name', () => {
    const ms = run('Gunmen killed three people.', { country: null });
    expect(ms.map((m) => [m.actor, m.country])).toEqual([['Unidentified Armed Group', null], ['Civilians', null]]);
  });

  it('keeps "student leader" out of the civilians', () => {
    expect(run('The student leader spoke.', { country: 'Kenya' })).toEqual([]);
  });
});

describe('places and objects', () => {
  it('drops capitalised place names built on an actor word', () => {
    const ms = run('A shop on Army Road was looted and a blast hit near Police Lines in the city.', { country: 'Pakistan' });
    expect(ms.some((m) => /Army|Police/.test(m.text))).toBe(false);
  });

  it('keeps the actor of a facility but flags it', () => {
    const m = mention('Militants attacked a police station overnight.', { country: 'Pakistan' }, 'police')!;
    expect(m.facility).toBe(true);
    expect(m.role_hint).toBe('patient');
  });
});

describe('roles, claims and speakers', () => {
  it('reads agent and patient around a violent verb', () => {
    const ms = run('Gunmen killed four policemen in Dera Ismail Khan.', { country: 'Pakistan' });
    expect(ms.map((m) => [m.text, m.role_hint])).toEqual([['Gunmen', 'agent'], ['policemen', 'patient']]);
  });

  it('reads passives and "by"', () => {
    expect(mention('Three soldiers were killed in the blast.', { country: 'Mali' }, 'soldiers')!.role_hint).toBe('patient');
    expect(mention('The convoy was ambushed by militants.', { country: 'Niger' }, 'militants')!.role_hint).toBe('agent');
  });

  it('marks the claimant', () => {
    const a = run('The TTP claimed responsibility for the attack on the police.', { country: 'Pakistan' });
    expect(a.find((m) => m.text === 'TTP')).toMatchObject({ claimed: true, role_hint: 'agent' });
    expect(a.find((m) => m.text === 'police')?.claimed).toBeUndefined();
    const b = run('Responsibility for the bombing was claimed by the BLA.', { country: 'Pakistan' });
    expect(b.find((m) => m.text === 'BLA')).toMatchObject({ claimed: true });
  });

  it('marks who is only speaking', () => {
    const ms = run('Police said the attackers opened fire on a bus.', { country: 'Nigeria' });
    expect(ms.find((m) => m.text === 'Police')?.speaker).toBe(true);
    expect(ms.find((m) => m.text === 'attackers')?.role_hint).toBe('agent');
  });

  it('shares a role across "and"', () => {
    const ms = run('The blast killed two soldiers and a policeman.', { country: 'Somalia' });
    expect(ms.map((m) => m.role_hint)).toEqual(['patient', 'patient']);
  });
});

describe('offsets', () => {
  it('are exact into the text for every mention, with the right sentence', () => {
    const text = [
      'QUETTA: Heavily armed men attacked a Levies post on Saturday, officials said.',
      'The Balochistan Liberation Army (BLA) claimed the attack; two FC personnel and a civilian were killed.',
      'In a separate incident, Pakistan’s security forces killed five militants, the ISPR said.',
      'Protesters later blocked the road and a mob set a vehicle on fire near the U.S. consulate, where U.S. troops were not present.',
    ].join('\n');
    const doc = docOf(text);
    const sentences = splitSentences(doc);
    const ms = findActors(doc, sentences, { country: 'Pakistan' });
    expect(ms.length).toBeGreaterThan(8);
    for (const m of ms) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      const s = sentences[m.sentence]!;
      expect(m.start).toBeGreaterThanOrEqual(s.start);
      expect(m.end).toBeLessThanOrEqual(s.end);
    }
    expect(ms.map((m) => m.text)).toEqual(expect.arrayContaining(['Heavily armed men', 'Levies', 'Balochistan Liberation Army', 'BLA', 'FC personnel', 'civilian', 'Pakistan’s security forces', 'militants', 'ISPR', 'Protesters', 'mob', 'U.S. troops']));
    expect(ms.find((m) => m.text === 'U.S. troops')).toMatchObject({ actor: 'Military Forces of the United States', inter: 8 });
  });

  it('never overlap and come in text order', () => {
    const ms = run('Nigerian Army troops and CJTF volunteers repelled Boko Haram fighters, while bandits attacked villagers.', { country: 'Nigeria' });
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
    expect(ms.map((m) => m.actor)).toEqual([
      'Military Forces of Nigeria',
      'CJTF: Civilian Joint Task Force',
      'Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad',
      'Armed Bandits (Nigeria)',
      'Civilians (Nigeria)',
    ]);
  });
});

describe('actorForCountry', () => {
  it('re-names a mention named after the document country, and fixes inter for state forces', () => {
    const [civ] = run('Civilians fled.', { country: 'Sudan' });
    expect(actorForCountry(civ!, 'South Sudan')).toMatchObject({ actor: 'Civilians (South Sudan)', country: 'South Sudan' });
    expect(civ!.actor).toBe('Civilians (Sudan)');
    const [ru] = run('Russian troops advanced.', { country: 'Ukraine' });
    expect(ru!.inter).toBe(8);
    expect(actorForCountry(ru!, 'Russia')).toMatchObject({ actor: 'Military Forces of Russia', inter: 1 });
  });
});

describe('dictionary files', () => {
  it('load from another folder, so a test can use a small dictionary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actors-'));
    cpSync(DEFAULT_ACTORS_DIR, dir, { recursive: true });
    const groups = { suffixes: ['fighters'], entries: [{ actor: 'Test Front', inter: 2, kind: 'rebel', country: 'Chad', aliases: ['Test Front'], abbr: ['TF'] }] };
    writeFileSync(join(dir, 'groups.json'), JSON.stringify(groups));
    const dict = compileActorDictionary(dir);
    const doc = docOf('TF fighters raided a town. The BLA was not there.');
    const ms = findActors(doc, splitSentences(doc), { country: 'Chad' }, dict);
    expect(ms.map((m) => [m.text, m.actor, m.inter])).toEqual([['TF fighters', 'Test Front', 2]]);
  });

  it('reject a bad inter code with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actors-'));
    cpSync(DEFAULT_ACTORS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'groups.json'), JSON.stringify({ entries: [{ actor: 'X', inter: 9, kind: 'rebel', aliases: ['X'] }] }));
    expect(() => compileActorDictionary(dir)).toThrow(/groups\.json.*inter must be 1\.\.8/);
  });

  it('reject a missing file with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actors-'));
    expect(() => compileActorDictionary(dir)).toThrow(/cannot read .*countries\.json/);
  });

  it('every entry of the shipped dictionary names a source', () => {
    for (const f of ['state.json', 'groups.json', 'generic.json', 'ethnic.json', 'countries.json']) {
      const j = JSON.parse(readFileSync(join(DEFAULT_ACTORS_DIR, f), 'utf8'));
      expect(typeof j._about, f).toBe('string');
    }
  });
});

describe('coordination and context-bound names', () => {
  it('gives a coordinated country word the shared head', () => {
    const ms = run('Malian and Russian troops entered the town.', { country: 'Mali' });
    expect(ms.map((m) => [m.text, m.actor, m.inter])).toEqual([
      ['Malian', 'Military Forces of Mali', 1],
      ['Russian troops', 'Military Forces of Russia', 8],
    ]);
  });

  it('reads "Kurdish forces" by country', () => {
    expect(mention('Kurdish forces advanced on the town.', { country: 'Iraq' }, 'Kurdish forces')!.actor).toBe('Peshmerga (Kurdistan Regional Government)');
    expect(mention('Kurdish forces advanced on the town.', { country: 'Syria' }, 'Kurdish forces')!.actor).toBe('SDF: Syrian Democratic Forces');
  });

  it('reads the side that lost ground as acted on', () => {
    const ms = run('Government troops retook the village from the rebels.', { country: 'Chad' });
    expect(ms.map((m) => [m.text, m.role_hint])).toEqual([['Government troops', 'agent'], ['rebels', 'patient']]);
  });
});

describe('renderActorName', () => {
  it('writes ACLED names with the article and the ACLED country name', async () => {
    const { renderActorName } = await import('../../../src/pipeline/mentions/actors/index.js');
    expect(renderActorName('Military Forces of {the_country}', 'Philippines')).toBe('Military Forces of the Philippines');
    expect(renderActorName('Police Forces of {the_country}', 'Kenya')).toBe('Police Forces of Kenya');
    expect(renderActorName('Civilians ({country})', 'DR Congo')).toBe('Civilians (Democratic Republic of Congo)');
    expect(renderActorName('Unidentified Armed Group ({country})', null)).toBe('Unidentified Armed Group');
  });
});

describe('acts named by a country word', () => {
  it('reads "Israeli strike" and "Russian shelling" as state forces, not "national strike"', () => {
    expect(mention('An Israeli strike hit a car near Tyre.', { country: 'Lebanon' }, 'Israeli strike')).toMatchObject({ actor: 'Military Forces of Israel', inter: 8, role_hint: 'agent' });
    expect(mention('Russian shelling killed two civilians.', { country: 'Ukraine' }, 'Russian shelling')).toMatchObject({ actor: 'Military Forces of Russia', inter: 8 });
    expect(run('Unions called a national strike on Monday.', { country: 'Kenya' })).toEqual([]);
  });

  it('reads "the occupiers" in a Ukrainian report and "occupation forces" in a Palestinian one', () => {
    expect(mention('The occupiers shelled the village overnight.', { country: 'Ukraine' }, 'The occupiers')!.actor).toBe('Military Forces of Russia');
    expect(mention('Occupation forces stormed the camp at dawn.', { country: 'Palestine' }, 'Occupation forces')!.actor).toBe('Military Forces of Israel');
  });
});

describe('ethnic names acting alone', () => {
  it('reads "Misseriya kill …" as the ethnic militia, and the victims as civilians', () => {
    const ms = run('Misseriya kill four Ngok Dinka villagers near Abyei.', { country: 'Sudan' });
    expect(ms.map((m) => [m.text, m.actor, m.inter])).toEqual([
      ['Misseriya', 'Misseriya Ethnic Militia (Sudan)', 4],
      ['villagers', 'Civilians (Sudan)', 7],
    ]);
  });
});

describe('nationals and protesting civilians', () => {
  it('reads plural nationals as that country\'s civilians', () => {
    expect(mention('Three Afghans were killed at the crossing.', { country: 'Pakistan' }, 'Afghans')).toMatchObject({ actor: 'Civilians (Afghanistan)', inter: 7, role_hint: 'patient' });
    expect(mention('Afghans killed in a strike near the border.', { country: 'Pakistan' }, 'Afghans')).toMatchObject({ actor: 'Civilians (Afghanistan)', inter: 7 });
  });
  it('reads a speaker with a place between ("authorities in Erbil said") as a source, and "Turkish unmanned aircraft" as Turkey\'s forces', () => {
    const ms = run('Kurdish authorities in Erbil said a Turkish unmanned aircraft struck a car near Sinjar.', { country: 'Iraq' });
    expect(ms.find((m) => m.text === 'authorities')?.speaker).toBe(true);
    expect(ms.find((m) => /unmanned aircraft/.test(m.text))).toMatchObject({ actor: 'Military Forces of Turkey', inter: 8 });
  });
  it('reads "its troops" after a state\'s military as that state\'s forces, and drops a group named only as a modifier', () => {
    expect(mention('The Israeli military said its troops shot two gunmen in Tubas.', { country: 'Palestine' }, 'troops')).toMatchObject({ actor: 'Military Forces of Israel' });
    const ms = run('Fighters of the al-Qaeda-linked group JNIM attacked a post near Djibo.', { country: 'Burkina Faso' });
    expect(ms.some((m) => m.actor === 'Al Qaeda')).toBe(false);
    expect(ms.some((m) => /JNIM/.test(m.actor))).toBe(true);
  });
  it('reads "the occupation" in reports from Gaza as Israel\'s forces', () => {
    expect(mention('Two killed in the occupation\'s shelling of Khan Younis.', { country: 'Palestine' }, 'the occupation')).toMatchObject({ actor: 'Military Forces of Israel', inter: 8 });
  });
  it('drops a group named in apposition as whom another answers to ("JNIM militants, an al-Qaeda affiliate")', () => {
    const ms = run('The army said it killed dozens of JNIM militants, an al-Qaeda affiliate, near Djibo.', { country: 'Burkina Faso' });
    expect(ms.some((m) => m.actor === 'Al Qaeda')).toBe(false);
  });
  it('reads a group that "said it had killed" as the claimant, not a mere source', () => {
    expect(mention('Al-Shabaab said it had killed 12 soldiers near Jowhar.', { country: 'Somalia' }, 'Al-Shabaab')).toMatchObject({ claimed: true, role_hint: 'agent' });
    expect(mention('Al-Shabaab said the army had lied.', { country: 'Somalia' }, 'Al-Shabaab')?.claimed).toBeFalsy();
  });
  it('reads "the militants" right after a named group as that group', () => {
    const ms = run('Al-Shabaab fighters have stepped up raids in recent weeks. On Sunday, the militants attacked a base near Afgoye.', { country: 'Somalia' });
    expect(ms.find((m) => m.text === 'militants')).toMatchObject({ actor: 'Al Shabaab', generic: false });
  });
  it('reads "its fighters" after a named group as that group', () => {
    expect(mention('The Arakan Army said its fighters overran a police outpost near Maungdaw.', { country: 'Myanmar' }, 'fighters')).toMatchObject({ actor: 'Arakan Army', inter: 2, generic: false });
    expect(mention('Unidentified fighters overran a police outpost near Maungdaw.', { country: 'Myanmar' }, 'Unidentified fighters')).toMatchObject({ inter: 3, generic: true });
  });
  it('reads plural nationals named by acts of war as their country\'s forces, external abroad', () => {
    expect(mention('Russians shelled the village with artillery overnight.', { country: 'Ukraine' }, 'Russians')).toMatchObject({ actor: 'Military Forces of Russia', inter: 8 });
    expect(mention('Russians killed two farmers near the front.', { country: 'Ukraine' }, 'Russians')).toMatchObject({ actor: 'Military Forces of Russia', inter: 8 });
  });

  it('turns civilians who march or demonstrate into protesters, and keeps their targets civilians', () => {
    const ms = run('Students marched to the ministry; police fired tear gas at the students.', { country: 'Togo' });
    expect(ms.map((m) => [m.text, m.actor, m.inter, m.role_hint])).toEqual([
      ['Students', 'Protesters (Togo)', 6, 'agent'],
      ['police', 'Police Forces of Togo', 1, 'agent'],
      ['students', 'Civilians (Togo)', 7, 'patient'],
    ]);
  });

  it('reads lower-case demonyms that are no English word, but not "polish"', () => {
    expect(run('about 200 angolans demonstrated on tuesday.', { country: 'Angola' }).map((m) => m.actor)).toEqual(['Protesters (Angola)']);
    expect(run('They sell polish troops of shoes.', { country: 'Ukraine' }).map((m) => m.actor)).toEqual(['Military Forces of Ukraine']);
  });
});
