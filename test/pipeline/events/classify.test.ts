import { describe, expect, it } from 'vitest';
import type { ActorMention, Claim } from '../../../src/model/index.js';
import { classifySentence } from '../../../src/pipeline/events/classify.js';
import { findCues } from '../../../src/pipeline/events/cues.js';

const actor = (kind: ActorMention['kind'], over: Partial<ActorMention> = {}): ActorMention => ({
  sentence: 0, start: 0, end: 1, text: 'x', actor: kind, inter: 3, kind, country: null, generic: true, ...over,
});
const death = (victims: Claim['victims']): Claim => ({
  sentence: 0, start: 0, end: 1, kind: 'killed', low: 3, high: 3, best: 3, victims, source: null, text: 'x',
});

function classify(text: string, actors: ActorMention[] = [], claims: Claim[] = [], docIsProtest = false) {
  return classifySentence(findCues(text, 0), actors, claims, { docIsProtest })?.sub_event_type ?? null;
}

// Sentences written for this test, one per sub-event type or rule.
const cases: [string, string | null, ActorMention[]?, Claim[]?, boolean?][] = [
  ['Government aircraft dropped chlorine canisters on the suburb.', 'Chemical weapon'],
  ['A drone strike hit a car on the highway.', 'Air/drone strike'],
  ['A suicide bomber blew himself up at the checkpoint.', 'Suicide bomb'],
  ['Artillery shelling hit the northern districts overnight.', 'Shelling/artillery/missile attack'],
  ['A roadside bomb struck a patrol vehicle.', 'Remote explosive/landmine/IED'],
  ['Unknown men threw a grenade into the bar.', 'Grenade'],
  ['Soldiers raped two women in the village.', 'Sexual violence'],
  ['Gunmen kidnapped eleven passengers from a bus.', 'Abduction/forced disappearance'],
  ['The army recaptured the town after a week.', 'Government regains territory', [actor('military', { inter: 1 })]],
  ['Rebels seized control of the district headquarters.', 'Non-state actor overtakes territory', [actor('rebel', { inter: 2 })]],
  ['Troops clashed with insurgents near the border.', 'Armed clash'],
  ['Gunmen stormed the village and shot dead four farmers.', 'Attack', [actor('unidentified_armed'), actor('civilians', { inter: 7 })], [death('civilians')]],
  ['A mob lynched a man accused of theft.', 'Mob violence'],
  ['Thousands of teachers marched peacefully to parliament.', 'Peaceful protest'],
  ['Police fired tear gas to disperse the demonstrators.', 'Protest with intervention', [actor('protesters', { inter: 6 })]],
  ['Security forces opened fire on the protesters, killing three.', 'Excessive force against protesters', [actor('protesters', { inter: 6 })], [death('protesters')]],
  ['Rioters torched cars and threw stones at police during the protest.', 'Violent demonstration'],
  ['The two sides signed a ceasefire agreement in the capital.', 'Agreement'],
  ['Police arrested 40 opposition activists overnight.', 'Arrests'],
  ['Army engineers defused a bomb found under the bridge.', 'Disrupted weapons use'],
  ['The militia established a base in the forest.', 'Headquarters or base established'],
  ['Fighters looted shops and burned houses in the market.', 'Looting/property destruction'],
  ['French troops withdrew from the base and handed it over to the national army.', 'Non-violent transfer of territory'],
  ['The two armed groups announced the formation of a new coalition.', 'Change to group/activity'],
  ['The march turned violent when soldiers opened fire on the crowd of students.', 'Excessive force against protesters', [actor('protesters', { inter: 6 })]],
  ['The protest turned violent as demonstrators hurled stones and torched a police van.', 'Violent demonstration'],
  ['Hundreds marched through the town to demand justice for the murder of a local teacher.', 'Peaceful protest'],
  ['Residents protested the killing of two farmers by unknown gunmen.', 'Peaceful protest'],
  ['Riot police had to intervene at the rally in the old town.', 'Protest with intervention'],
  ['Drivers protested after fuel prices shot up from 50 to 80 cents.', 'Peaceful protest'],
  ['Border troops of the two countries exchanged artillery and small-arms fire overnight.', 'Armed clash'],
  ['The warring parties agreed to a 72-hour ceasefire on Monday.', 'Agreement'],
  ['Miners blocked the Pan-American Highway on Tuesday to protest a mining law.', 'Peaceful protest'],
  ['A military jet bombed a monastery on Sunday.', 'Air/drone strike'],
  ['The group threatened to storm the city if talks failed.', null],
  ['Officials denied that anyone was killed in the raid.', null],
  ['The weather was calm on Sunday.', null],
];

describe('classifySentence', () => {
  it.each(cases)('%s → %s', (text, expected, actors, claims, docIsProtest) => {
    expect(classify(text, actors ?? [], claims ?? [], docIsProtest ?? false)).toBe(expected);
  });
  it('reads "air strike" as a weapon, not a labour strike', () => {
    expect(classify('An air strike destroyed the depot.')).toBe('Air/drone strike');
  });
  it('in a protest report, armed men killing farmers is an attack, not force against a protest', () => {
    expect(classify('Armed men fired at farmers in the fields, killing two.', [actor('unidentified_armed'), actor('civilians', { inter: 7 })], [death('civilians')], true)).toBe('Attack');
    expect(classify('Police opened fire, killing two.', [actor('police', { inter: 1 })], [death('unknown')], true)).toBe('Excessive force against protesters');
  });
  it('a civilian crowd looting and burning is a violent demonstration, not looting by an armed group', () => {
    expect(classify('Youths looted shops and set fire to cars overnight.', [actor('civilians', { inter: 7, role_hint: 'agent' })])).toBe('Violent demonstration');
    expect(classify('Fighters looted shops and burned houses in the market.', [actor('unidentified_armed', { role_hint: 'agent' })])).toBe('Looting/property destruction');
  });
  it('a state\'s forces bombing a place is an air strike; a planted bomb stays an explosive', () => {
    expect(classify('The army\'s bombing of the camp killed four.', [actor('military', { inter: 8, role_hint: 'agent' })])).toBe('Air/drone strike');
    expect(classify('A roadside bomb struck a patrol vehicle.', [actor('military', { inter: 1, role_hint: 'patient' })])).toBe('Remote explosive/landmine/IED');
  });
  it('police confronting protesters is an intervention; charging them with people taken to hospital is excessive force', () => {
    expect(classify('Riot police confronted the protesters outside the ministry.', [actor('police', { inter: 1 }), actor('protesters', { inter: 6 })])).toBe('Protest with intervention');
    expect(classify('Police charged several hundred demonstrators and ten were treated in hospital.', [actor('police', { inter: 1 }), actor('protesters', { inter: 6 })])).toBe('Excessive force against protesters');
  });
  it('does not read the month of March as a march', () => {
    expect(classify('The law was passed in March 2019.')).toBe(null);
  });
});
