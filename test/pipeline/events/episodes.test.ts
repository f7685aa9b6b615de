/**
 * Earlier episodes of a report's own story, and acts dated by counting back from a told day.
 * Sentences written for these tests, run through the whole pipeline on the built data.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/pipeline/extract.js';
import { findDates } from '../../../src/pipeline/mentions/dates/index.js';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findCues } from '../../../src/pipeline/events/cues.js';

const run = (text: string, published = '2023-06-14') => extractReport({ id: 't', text, published });
/** The date mentions of a text, published on `published`. */
const dates = (text: string, published: string) => {
  const doc = cleanReport({ id: 't', text, published });
  return findDates(doc, splitSentences(doc), published);
};

describe('an earlier episode of the same story', () => {
  const story =
    'Hundreds of people marched peacefully through Nakuru on Tuesday to demand lower fuel prices. ' +
    'The demonstrations began on 20 May, when traders in Nakuru marched against the new tax and police fired tear gas at them.';
  it('is not an event of its own when it is of the lead event’s type and weeks older', () => {
    const x = run(story);
    expect(x.events.map((e) => e.event_date)).toEqual(['2023-06-13']);
  });
  it('is kept when it is of another type (an attack before a protest)', () => {
    const x = run(
      'Hundreds of people marched peacefully through Nakuru on Tuesday to demand justice. ' +
        'On 20 May, gunmen shot dead three traders in Nakuru.',
    );
    expect(x.events.map((e) => e.event_type).sort()).toEqual(['Protests', 'Violence against civilians']);
  });
  it('is kept when it lies within a week of the lead event', () => {
    const x = run(
      'Hundreds of people marched peacefully through Nakuru on Tuesday to demand lower fuel prices. ' +
        'On Saturday, traders in Eldoret also marched against the new tax.',
    );
    expect(x.events).toHaveLength(2);
  });
});

describe('"on Wednesday, two days after an attack"', () => {
  it('dates the act two days before the weekday, and the weekday is when the rest was told', () => {
    const found = dates('Doctors were still treating the wounded on Wednesday, two days after an attack on the market in Gao.', '2023-06-15');
    const act = found.find((d) => /after an attack/.test(d.text));
    expect(act?.date).toBe('2023-06-12');
    expect(found.find((d) => d.text === 'Wednesday')?.reporting).toBe(true);
  });
  it('dates the event of the sentence to the act', () => {
    const x = run('Doctors were still treating the wounded on Wednesday, two days after a bombing at the market in Gao killed five people.', '2023-06-15');
    expect(x.events.map((e) => e.event_date)).toEqual(['2023-06-12']);
  });
  it('needs a told day: "two days after the attack, police arrested" gives no date of its own', () => {
    const found = dates('Two days after the attack, police arrested three men in Gao.', '2023-06-15');
    expect(found.some((d) => /after the attack/.test(d.text))).toBe(false);
  });
});

describe('events told as the cause or the past of the report’s event', () => {
  it('"the strike came … after a bombing in Ankara": the bombing is no event of that sentence', () => {
    const x = run(
      'A drone struck a camp near Makhmour in northern Iraq on Saturday, killing two militants. ' +
        'Three others were wounded, officials said. ' +
        'The strike came amid rising Turkish operations against the group after a bombing in Ankara at the start of the month.',
      '2023-10-09',
    );
    expect(x.events.map((e) => e.location)).not.toContain('Ankara');
    expect(x.events.some((e) => e.sub_event_type === 'Air/drone strike')).toBe(true);
  });
  it('a toll told in the perfect ("strikes that have killed thousands") is a running total, not the event’s', () => {
    const x = run(
      "Saudi air defences shot down a missile that Yemen's Houthi rebels fired at Najran on Thursday, the coalition said. " +
        'It was intercepted before reaching its target, a spokesman said. ' +
        "Najran has been a frequent target of Houthi rockets since the coalition intervened in Yemen's war in 2015. " +
        'The Houthis, who seized Sanaa in 2014, say their missile attacks answer coalition air strikes that have killed thousands of Yemeni civilians. ' +
        "The group did not comment on Thursday's launch.",
      '2018-07-21',
    );
    expect(x.events.length).toBeGreaterThan(0);
    expect(x.events.every((e) => e.fatalities < 1000)).toBe(true);
  });
  it('a place in a relative clause with an older date is where that was, not where the sentence’s event is', () => {
    const x = run('Rebel fighters shelled the port of Hodeidah on Thursday, killing three civilians, residents said. The rebels, who seized Sanaa in 2014, fired more shells on Friday, a local official said.', '2018-07-21');
    expect(x.events.map((e) => e.event_date).sort()).toEqual(['2018-07-19', '2018-07-20']);
    expect(x.events.map((e) => e.location)).not.toContain('Sanaa');
  });
  it('a place a missile was launched from, past a clock time, is not where it struck', () => {
    const x = run(
      "Yemen's Houthi rebels fired a missile at Jizan on Thursday, and Saudi air defences intercepted it, the coalition fighting in Yemen said. " +
        "The projectile was detected at 10:50 a.m. on 19 July after being launched from the direction of Saada, the Houthis' stronghold in Yemen, a spokesman said.",
      '2018-07-21',
    );
    expect(x.events.map((e) => e.location)).toEqual(['Jizan']);
  });
});

describe('which day dates the act', () => {
  it('a clock time does not make "4 o\'clock on Wednesday" an explicit date: the weekday is read', () => {
    const x = run("The incident happened at about 4 o'clock on Wednesday morning at Chisikwa village near Lilongwe, where villagers beat a suspected thief to death.", '2017-04-22');
    expect(x.events.map((e) => e.event_date)).toEqual(['2017-04-19']);
  });
  it('a day told before "for whoever hurled a grenade" dates the hunt, not the attack', () => {
    const x = run('Police in Bujumbura were hunting on Tuesday for whoever hurled a grenade into a bar in the Kinama district on Sunday night, wounding eight people.', '2019-01-30');
    expect(x.events.map((e) => e.event_date)).toEqual(['2019-01-27']);
  });
  it('an undated act takes the day a source spoke of it within the week, not the publication day', () => {
    const x = run(
      "Nigeria's army has broken ground on a new forward operating base in Isa, in Sokoto State. " +
        'The army chief, speaking at the ceremony on Tuesday, said the base would help troops plan operations. ' +
        'He urged communities to work with the military.',
      '2022-05-07',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2022-05-03']);
  });
  it('a sign half as strong as the strongest does not type the event because it names the place', () => {
    const x = run(
      'Police were hunting on Tuesday for whoever hurled a grenade into a bar on Sunday night, wounding eight people. ' +
        'The explosion tore through the yard of a house in the Ntahangwa commune of Bujumbura on the evening of 27 January.',
      '2019-01-30',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Grenade']);
  });
});

describe('nights and what an event followed', () => {
  it('"the night from Sunday to Monday" is dated by the day it ends', () => {
    const found = dates('Air defences shot down two drones heading for the city during the night from Sunday to Monday, officials said.', '2024-11-19');
    expect(found.map((d) => d.date)).toEqual(['2024-11-18']);
  });
  it('two days that do not follow each other are no night', () => {
    const found = dates('Talks ran through the night from Friday to Monday.', '2024-11-19');
    expect(found.map((d) => d.date)).not.toContain('2024-11-18');
  });
  it('"the latest incident followed an assault on Sunday": the assault is no event of that sentence', () => {
    const x = run(
      'Russia said it shot down two drones heading for Moscow early on Monday, the mayor said. ' +
        'No one was hurt, he said. ' +
        'The latest incident followed a massive assault on Sunday involving missiles that targeted power plants, killing several people.',
      '2024-11-19',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2024-11-18']);
  });
});

describe('property destruction and yearly tallies', () => {
  const story =
    'A Palestinian farmer near Hebron said he lost twenty young olive trees on Friday evening when Israeli settlers came onto his land and tore them out of the ground. ' +
    'He managed to drive them off, the village council said. ' +
    'Monitors record hundreds of settler attacks on Palestinians and their property across the West Bank every year, including assaults on farmers.';
  it('trees "torn out of the ground" are property destroyed, and a yearly tally does not type the event', () => {
    const x = run(story, '2021-02-27');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Looting/property destruction']);
  });
  it('the destroyer is the armed or state actor named, the civilians named are whose property it was', () => {
    const x = run('A Palestinian farmer from a village near Hebron said on Saturday that Israeli settlers uprooted fifty of his olive trees on Friday evening.', '2021-02-27');
    expect(x.events[0]!.actor1).toMatch(/Settlers/);
    expect(x.events[0]!.actor2).toMatch(/Civilians/);
  });
});

describe('background spans, advice and the day a spokesman spoke', () => {
  it('"his 2019-2020 offensive" is background', () => {
    const found = dates('The town was held by a militia that sided with the commander during his 2019-2020 offensive on the capital.', '2021-09-28');
    expect(found.length).toBe(1);
    expect(found[0]!.background).toBe(true);
  });
  it('"Speaking on Monday, the spokesman said" dates the speech', () => {
    const found = dates('Speaking on Monday, police spokesman Pierre Ndayishimiye said eight people were wounded.', '2019-01-30');
    expect(found[0]!.reporting).toBe(true);
  });
  it('what suspects "should be" handed over to is advice, and "killed by villagers" beside the police is a mob', () => {
    const x = run(
      'Police have renewed appeals to communities not to take the law into their own hands after a suspected livestock thief was killed by villagers on the outskirts of Lilongwe this week. ' +
        'An officer said villagers caught one of the suspects, whom they beat until he died. ' +
        'Nobody has been arrested over the killing. ' +
        'Police say suspects caught by members of the public should be handed over to the nearest police unit so that they can face the law.',
      '2017-04-22',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Mob violence']);
  });
  it('"previously unknown burial sites" is no background: the sentence’s event stands', () => {
    const x = run('Forensic teams in the Libyan town of Tarhuna have exhumed five bodies from two previously unknown burial sites, officials said on Monday.', '2021-09-28');
    expect(x.events.map((e) => e.location)).toEqual(['Tarhuna']);
  });
});

describe('a cause named in a clause', () => {
  it('"unrest that followed the fatal police shooting" does not make a calm march force against protesters', () => {
    const x = run(
      'A march for peace passed off calmly in Ferguson on Tuesday night, a sign the suburb is stepping back from two weeks of unrest that followed the fatal police shooting of a teenager. ' +
        'About 100 people took part in the walk.',
      '2014-08-27',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Peaceful protest']);
  });
});

describe('graves found', () => {
  it('remains recovered from graves are a discovery (Other), not an attack', () => {
    const x = run('Search teams recovered the remains of five unidentified people from two graves in Tarhuna on Monday, the missing persons authority said.', '2021-09-28');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Other']);
  });
  it('"the graves had been uncovered on Sunday" is the earlier step of that discovery, not a second event', () => {
    const x = run(
      'Search teams recovered the remains of five unidentified people from two mass graves in Tarhuna on Monday, the missing persons authority said. ' +
        'The graves had been uncovered in Tarhuna on Sunday.',
      '2021-09-28',
    );
    expect(x.events).toHaveLength(1);
  });
});

describe('a faction splitting, placed by its province', () => {
  const story =
    "A new armed faction has emerged in South Sudan's Northern Bahr el Ghazal after officers serving in the SPLA-IO announced they were quitting the movement. " +
    'The split was made public on Tuesday by a colonel. ' +
    'The defection comes only weeks after Machar returned to Juba and was sworn in as First Vice-President, after a war that has killed tens of thousands of people.';
  it('quitting the movement is a change to the group, placed in the province its sentence names, not at a town named in passing', () => {
    const x = run(story, '2016-05-12');
    expect(x.events.map((e) => [e.sub_event_type, e.admin1])).toEqual([['Change to group/activity', 'Northern Bahr el Ghazal']]);
  });
});

describe('days of searches and loose nights', () => {
  it('"combing the hills on Tuesday for schoolchildren snatched …" dates the search, not the abduction', () => {
    const x = run(
      'Security forces were combing the hills around Bamenda on Tuesday for 79 schoolchildren snatched from their boarding school. ' +
        'The students were taken on Sunday night from a school in the Nkwen neighbourhood of Bamenda.',
      '2018-11-06',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2018-11-04']);
  });
  it('"overnight" read from the publication day folds into the written day a few days before at the same place', () => {
    const x = run(
      'At least 14 protesters were killed when security forces broke up a sit-in in Karbala overnight, a rights group said. ' +
        'Witnesses said riot police fired live rounds at demonstrators gathered in Karbala on 28 October.',
      '2019-10-31',
    );
    expect(x.events.map((e) => e.event_date)).toEqual(['2019-10-28']);
  });
});

describe('causes told with "since", and weak signs at the default place', () => {
  it('"it has stepped up operations since a suicide bombing in Ankara" tells the cause, not an event', () => {
    const x = run(
      'Two militants were killed on Saturday evening when a Turkish drone hit a group of them in the Makhmur camp in northern Iraq, officials said. ' +
        'Three others were wounded. ' +
        'Ankara has stepped up operations since a suicide bombing outside the interior ministry in Ankara on 1 October.',
      '2023-10-09',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Air/drone strike']);
  });
  it('officers who "defect" in a province stay its event beside a weak sign carried to a town named in passing', () => {
    const x = run(
      'Opposition officers in Northern Bahr el Ghazal defect, vow to continue armed struggle\n\n' +
        'Officers of the SPLA-IO announced their departure from the movement, a colonel said on Tuesday. ' +
        '"We have split from the SPLA-IO," he said. ' +
        'Machar returned to Juba in late April. ' +
        'Analysts have warned that splinter groups could undermine the return of displaced people.',
      '2016-05-12',
    );
    expect(x.events.map((e) => [e.sub_event_type, e.admin1])).toEqual([['Change to group/activity', 'Northern Bahr el Ghazal']]);
  });
});

describe('lengths of violence and signatures', () => {
  it('"closing two years of sporadic fighting" is no battle, and negotiators putting their signatures to a ceasefire is an agreement', () => {
    const x = run(
      "MAPUTO - Negotiators for Mozambique's government and the Renamo movement put their signatures to a ceasefire declaration in Maputo late on Sunday, closing almost two years of sporadic fighting in the centre of the country.",
      '2014-08-25',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Agreement']);
  });
});

describe('where a missile was headed, a march went through, and the lead’s day', () => {
  it('a missile "fired towards Jizan" and shot down is placed at Jizan, not at the country it came from', () => {
    const x = run("RIYADH - Saudi air defences shot down a ballistic missile fired by Yemen's Houthi rebels towards Jizan on Thursday morning, a spokesman said. No casualties were reported.", '2018-07-19');
    expect(x.events.map((e) => e.location)).toEqual(['Jizan']);
  });
  it('a march "through Ferguson" organised by a group named after St. Louis is in Ferguson', () => {
    const x = run('About a hundred people took part in a peaceful march through Ferguson on Tuesday night organised by 100 Black Men of Metropolitan St. Louis.', '2014-08-27');
    expect(x.events.map((e) => e.location)).toEqual(['Ferguson']);
  });
  it('"transferred its base in Timbuktu to the state" is a transfer', () => {
    const x = run(
      'UN peacekeepers quit Timbuktu base\n\n' +
        'The United Nations mission in Mali has formally transferred its base in Timbuktu to the Malian state. ' +
        'The governor thanked the mission on Thursday.',
      '2023-12-30',
    );
    expect(x.events.map((e) => [e.location, e.sub_event_type])).toEqual([['Timbuktu', 'Non-violent transfer of territory']]);
  });
});

describe('engaged', () => {
  it('people urged to "stay engaged" name no fighting; troops that "engaged the militants" do', () => {
    const clash = (text: string) => findCues(text, 0).filter((c) => c.category === 'armed_clash');
    expect(clash('"We want people to stay engaged and register to vote," the organiser said.')).toEqual([]);
    expect(clash('Soldiers engaged the militants near Baharak on Thursday.')).toHaveLength(1);
    expect(clash('Troops were engaged in heavy fighting with the rebels.')).not.toEqual([]);
  });
});

describe('a capital that protests', () => {
  it('"Baghdad has repeatedly protested against Turkish strikes" does not make a drone strike force against protesters', () => {
    const x = run(
      'ERBIL, Iraq, Oct. 9 -- An armed drone believed to belong to the Turkish military hit the Mexmur camp for Kurdish refugees on Saturday night, killing two people and injuring several others, officials said. ' +
        'Camp residents said those killed were civilians. ' +
        'Baghdad has repeatedly protested against Turkish strikes on Iraqi territory as breaches of its sovereignty.',
      '2023-10-09',
    );
    expect(x.events.map((e) => e.event_type)).toEqual(['Explosions/Remote violence']);
  });
});

describe('a bomb that tore through a bus', () => {
  it('is a remote explosive, not an attack', () => {
    const x = run('A bomb tore through a passenger bus in Khost province on Wednesday, killing at least 10 civilians, police said.', '2009-03-25');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Remote explosive/landmine/IED']);
  });
});

describe('children marched away, suspects not arrested, a night before a named day', () => {
  it('armed men who "marched away around 80 children" abducted them; nobody marched in protest', () => {
    const x = run('Armed men stormed a boarding school in Bamenda overnight and marched away around 80 children along with their principal, church officials said.', '2018-11-05');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Abduction/forced disappearance']);
  });
  it('"no suspect had been arrested as of Wednesday" is no arrest', () => {
    const x = run(
      'A crowd beat a suspected thief to death in Tafo, Kumasi, on Monday night, residents said. ' +
        'Police said investigations had begun but that no suspect had been arrested as of Wednesday.',
      '2022-06-02',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Mob violence']);
  });
  it('"woke up on Tuesday to the body of a man beaten to death overnight" is dated Tuesday, not the publication day', () => {
    const x = run('Residents of Tafo in Kumasi woke up on Tuesday to the body of a young man who had been beaten to death overnight by a crowd.', '2022-06-02');
    expect(x.events.map((e) => e.event_date)).toEqual(['2022-05-31']);
  });
});

describe('drones brought down, a killing by villagers', () => {
  it('air defences that "brought down two drones" disrupted them', () => {
    const x = run('Russian air defences brought down two drones flying towards Moscow during the night, the mayor said on Monday.', '2024-11-18');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Disrupted weapons use']);
  });
  it('police condemning "the killing of a suspected thief by angry villagers" tell of a mob', () => {
    const x = run('Lilongwe Police have condemned the killing of a suspected livestock thief by angry villagers at Chisikwa village, close to Nsundwe in the west of Lilongwe district, on Wednesday.', '2017-04-22');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Mob violence']);
  });
});

describe('a dateline’s date and a weekday after its dash', () => {
  it('are two dates, not one span: "ERBIL, Oct 10 - Saturday’s drone attack …"', () => {
    const found = dates("ERBIL, Oct 10 - Saturday's drone attack on the Makhmour camp in Iraq left two dead.", '2023-10-10');
    expect(found.map((d) => `${d.text}:${d.date}`)).toEqual(['Oct 10:2023-10-10', 'Saturday:2023-10-07']);
  });
});
