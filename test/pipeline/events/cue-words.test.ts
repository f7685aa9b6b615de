/**
 * Cue words of the lexicon (data/lexicons/triggers.json) that type an event: sentences written for
 * these tests, run through the whole pipeline on the built data.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/pipeline/extract.js';

const run = (text: string, published = '2023-06-14') => extractReport({ id: 't', text, published });

describe('a killing by villagers who took the law into their own hands', () => {
  it('is mob violence by rioters, not an attack by the police who warned about it', () => {
    const x = run(
      'Police in Mzuzu have warned residents against meting out their own justice after villagers killed a man they caught stealing cattle early on Monday. ' +
        'They assaulted him until he died, a police spokesman said.',
    );
    expect(x.events.map((e) => `${e.sub_event_type}|${e.actor1}`)).toEqual(['Mob violence|Rioters (Malawi)']);
  });
});

describe('a base handed over', () => {
  it('with the place between the base and "to" ("hands Gao camp to", "handed its camp in the city of Gao over to")', () => {
    for (const text of [
      'UN mission hands Gao camp to Malian authorities\nThe handover took place on Tuesday, officials said.',
      'The UN mission has handed its camp in the northern city of Gao over to the Malian authorities, state television reported on Tuesday.',
    ]) {
      const x = run(text);
      expect(x.events.map((e) => `${e.sub_event_type}|${e.location}`)).toEqual(['Non-violent transfer of territory|Gao']);
    }
  });
});

describe('trees and crops destroyed', () => {
  it('"destroyed a plot of young olive trees" is property destruction', () => {
    const x = run('Residents of Kisan said Israeli settlers destroyed a plot of young olive trees near Bethlehem on Friday evening.');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Looting/property destruction']);
  });
});

describe('what is frequent or common is background', () => {
  it('"attacks by settlers … are frequent across the West Bank" is no attack', () => {
    expect(run('According to UN monitors, attacks by settlers on Palestinian people and property are frequent across the West Bank.').events).toEqual([]);
    expect(run('Grenade attacks on bars have become a recurring feature of life in Bujumbura.').events).toEqual([]);
  });
});

describe('people gathered at a place', () => {
  it('to wait for news is no protest', () => {
    expect(run('Parents gathered at the school on Monday waiting for news of their children.').events).toEqual([]);
    expect(run('Relatives gathered outside the hospital in Kano on Monday to await word from the doctors.').events).toEqual([]);
  });
  it('with no such purpose, is a protest', () => {
    const x = run('Hundreds of traders gathered outside the governor’s office in Kano on Monday, chanting against the new market levy.');
    expect(x.events.map((e) => e.event_type)).toEqual(['Protests']);
  });
});

describe('people taken away', () => {
  it('"took away around 80 of its students" is an abduction', () => {
    const x = run('Armed men took away around 80 of its students from a boarding school in Bamenda on Sunday night, officials said.');
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Abduction/forced disappearance']);
  });
});

describe('"demonstrated" meaning "showed"', () => {
  it('is no protest: "the launch demonstrated Iran’s continued backing"', () => {
    const x = run(
      'Saudi air defences shot down a missile fired by the Houthis towards Jizan on Thursday, the coalition said.\n' +
        'Its spokesman said the launch demonstrated Iran’s continued backing for the Houthis.',
      '2018-07-19',
    );
    expect(x.events.map((e) => e.sub_event_type)).toEqual(['Disrupted weapons use']);
  });
  it('is a protest when people demonstrated somewhere or for something', () => {
    expect(run('Hundreds of students demonstrated outside the ministry in Dakar on Monday.').events.map((e) => e.event_type)).toEqual(['Protests']);
    expect(run('Thousands demonstrated in Abidjan on Monday, demanding lower fuel prices.').events.map((e) => e.event_type)).toEqual(['Protests']);
  });
});

describe('"strike" meaning a labour strike', () => {
  it('needs the strikers: "no comment on the Makhmour strike by Monday evening" is no protest', () => {
    expect(run('There had been no official comment on the Kano strike by Monday evening.').events.filter((e) => e.event_type === 'Protests')).toEqual([]);
  });
  it('"a strike by teachers" is one', () => {
    expect(run('A strike by public school teachers in Nairobi entered its third day on Monday.').events.map((e) => e.event_type)).toEqual(['Protests']);
  });
});

describe('what a government "has repeatedly" done', () => {
  it('is background: "Baghdad has repeatedly protested such operations"', () => {
    expect(run('Baghdad has repeatedly protested such operations as violations of Iraqi sovereignty.').events).toEqual([]);
  });
});
