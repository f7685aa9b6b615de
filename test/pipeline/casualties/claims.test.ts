import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../src/pipeline/clean/index.js';
import { splitSentences } from '../../../src/pipeline/sentences/index.js';
import { findClaims } from '../../../src/pipeline/mentions/casualties/index.js';
import type { Claim, ClaimKind, VictimSide } from '../../../src/model/index.js';

function claimsOf(text: string): Claim[] {
  const doc = cleanReport({ id: 't', text, published: '2026-03-12' });
  const cs = findClaims(doc, splitSentences(doc));
  for (const c of cs) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
  return cs;
}

interface NumberCase {
  name: string;
  text: string;
  kind: ClaimKind;
  low: number;
  best: number;
  high: number;
}

const numberForms: NumberCase[] = [
  { name: 'digits', text: 'Gunmen killed 14 traders at the market.', kind: 'killed', low: 14, best: 14, high: 14 },
  { name: 'grouped digits', text: 'The siege has left 1,250 people dead.', kind: 'killed', low: 1250, best: 1250, high: 1250 },
  { name: 'number word', text: 'Nine fishermen were killed when the boat was shelled.', kind: 'killed', low: 9, best: 9, high: 9 },
  { name: 'hyphenated number word', text: 'Twenty-three recruits died in the blast.', kind: 'killed', low: 23, best: 23, high: 23 },
  { name: 'number words with a scale', text: 'One hundred and twenty villagers were abducted.', kind: 'abducted', low: 120, best: 120, high: 120 },
  { name: 'a dozen', text: 'A dozen herders were shot dead near the well.', kind: 'killed', low: 12, best: 12, high: 12 },
  { name: 'dozens (ACLED: 12)', text: 'Dozens of worshippers were wounded in the stampede that followed.', kind: 'injured', low: 12, best: 12, high: 12 },
  { name: 'tens (ACLED: 10)', text: 'Tens of demonstrators were detained by riot police.', kind: 'arrested', low: 10, best: 10, high: 10 },
  { name: 'hundreds (ACLED: 100)', text: 'Hundreds of students were arrested after the sit-in.', kind: 'arrested', low: 100, best: 100, high: 100 },
  { name: 'scores (20)', text: 'Scores of civilians were killed in the bombardment.', kind: 'killed', low: 20, best: 20, high: 20 },
  { name: 'at least', text: 'At least eight guards were killed in the assault.', kind: 'killed', low: 8, best: 8, high: 8 },
  { name: 'more than (the stated number)', text: 'More than 30 miners were killed by the armed men.', kind: 'killed', low: 30, best: 30, high: 30 },
  { name: 'between X and Y', text: 'Between 10 and 15 pilgrims were killed on the road.', kind: 'killed', low: 10, best: 10, high: 15 },
  { name: 'X to Y', text: 'The raid left five to seven farmers dead.', kind: 'killed', low: 5, best: 5, high: 7 },
  { name: 'up to', text: 'Up to 20 passengers were feared dead after the ambush.', kind: 'killed', low: 1, best: 20, high: 20 },
  { name: 'nearly', text: 'Nearly 40 fighters died in the counter-offensive.', kind: 'killed', low: 40, best: 40, high: 40 },
  { name: 'around', text: 'Around 58 insurgents were slain, the army claimed.', kind: 'killed', low: 58, best: 58, high: 58 },
  { name: 'a couple of', text: 'A couple of policemen were injured by stones.', kind: 'injured', low: 2, best: 2, high: 2 },
  { name: 'a + person noun is one', text: 'A soldier was killed at the checkpoint.', kind: 'killed', low: 1, best: 1, high: 1 },
  { name: 'two + plural noun', text: 'Two policemen were hurt when the crowd charged.', kind: 'injured', low: 2, best: 2, high: 2 },
  { name: 'killing N (object after the cue)', text: 'A roadside bomb hit the bus, killing three.', kind: 'killed', low: 3, best: 3, high: 3 },
  { name: 'N people dead', text: 'The fire at the depot left six people dead.', kind: 'killed', low: 6, best: 6, high: 6 },
  { name: 'death toll rose to N', text: 'The death toll rose to 27 on Monday.', kind: 'killed', low: 27, best: 27, high: 27 },
  { name: 'N bodies', text: 'Rescuers pulled 11 bodies from the rubble.', kind: 'killed', low: 11, best: 11, high: 11 },
  { name: 'losing their lives', text: 'At least four rangers lost their lives in the ambush.', kind: 'killed', low: 4, best: 4, high: 4 },
  { name: 'several (3, vague)', text: 'Several villagers were killed in the raid.', kind: 'killed', low: 3, best: 3, high: 3 },
];

describe('findClaims: number forms', () => {
  it.each(numberForms)('$name', (c) => {
    const cs = claimsOf(c.text).filter((x) => x.kind === c.kind && !x.negated);
    expect(cs, JSON.stringify(claimsOf(c.text))).toHaveLength(1);
    expect([cs[0]!.low, cs[0]!.best, cs[0]!.high]).toEqual([c.low, c.best, c.high]);
  });
});

describe('findClaims: kinds', () => {
  it('tells killed, injured, abducted and arrested apart in one sentence', () => {
    const cs = claimsOf(
      'The bandits killed four farmers, wounded six others and kidnapped 12 women before police arrested three suspects.',
    );
    const byKind = Object.fromEntries(cs.map((c) => [c.kind, c.best]));
    expect(byKind).toEqual({ killed: 4, injured: 6, abducted: 12, arrested: 3 });
  });
  it('keeps injured apart from killed when both are counted', () => {
    const cs = claimsOf('Seven traders were killed and 19 were injured in the blast.');
    expect(cs.map((c) => [c.kind, c.best])).toEqual([
      ['killed', 7],
      ['injured', 19],
    ]);
  });
  it('"shot" alone is an injury, "shot dead" a death', () => {
    expect(claimsOf('A teenager was shot in the leg.').map((c) => c.kind)).toEqual(['injured']);
    expect(claimsOf('A teenager was shot dead in the street.').map((c) => c.kind)).toEqual(['killed']);
  });
  it('an attacker counted before an active verb is not a victim', () => {
    const cs = claimsOf('Twenty gunmen killed five villagers.');
    expect(cs).toHaveLength(1);
    expect(cs[0]!.best).toBe(5);
    expect(cs[0]!.victims).toBe('civilians');
  });
  it('counts of things are not casualties', () => {
    expect(claimsOf('Raiders seized hundreds of rifles and burned 40 houses.')).toHaveLength(0);
    expect(claimsOf('Troops captured 12 strategic positions two days ago.')).toHaveLength(0);
  });
});

describe('findClaims: victim side', () => {
  const sides: [string, VictimSide][] = [
    ['Three soldiers were killed in the ambush.', 'state_forces'],
    ['Four police officers died when the station was stormed.', 'state_forces'],
    ['Eleven militants were killed in the air raid.', 'armed_group'],
    ['Troops killed nine bandits in the forest.', 'armed_group'],
    ['Six civilians were killed by a stray shell.', 'civilians'],
    ['Five children were wounded at the school gate.', 'civilians'],
    ['Two protesters were killed when police fired live rounds.', 'protesters'],
    ['Eight people died in the stampede.', 'unknown'],
    ['Police said two members of the security forces were killed.', 'state_forces'],
  ];
  it.each(sides)('%s → %s', (text, side) => {
    const cs = claimsOf(text);
    expect(cs.length).toBeGreaterThan(0);
    expect(cs[0]!.victims).toBe(side);
  });
  it('splits a coordinated subject into one claim per side', () => {
    const cs = claimsOf('Nine rebels and two soldiers were killed in the clash.');
    expect(cs.map((c) => [c.victims, c.best])).toEqual([
      ['armed_group', 9],
      ['state_forces', 2],
    ]);
  });
  it('does not count an aside inside dashes twice', () => {
    const cs = claimsOf('Six people — four from one clan and two from another — were killed.');
    expect(cs.map((c) => c.best)).toEqual([6]);
  });
});

describe('findClaims: source', () => {
  const sources: [string, string][] = [
    ['Twelve soldiers were killed, according to the military.', 'the military'],
    ['Nine civilians were killed, hospital officials said.', 'hospital officials'],
    ['The Interior Minister said that 15 attackers were killed.', 'The Interior Minister'],
    ['Witnesses told reporters that 20 people died.', 'Witnesses'],
    ['Four policemen were killed, said the provincial governor.', 'the provincial governor'],
    ['The group claimed it had killed 40 soldiers.', 'The group'],
  ];
  it.each(sources)('%s', (text, source) => {
    const cs = claimsOf(text);
    expect(cs.length).toBeGreaterThan(0);
    expect(cs[0]!.source).toBe(source);
  });
  it('is null when nobody is named', () => {
    expect(claimsOf('Five traders were killed in the market.')[0]!.source).toBeNull();
  });
  it('resolves "he said" to the last named speaker', () => {
    const cs = claimsOf('A district officer told reporters that the outpost had been overrun. Seven guards were killed, he said.');
    expect(cs[0]!.source).toBe('A district officer');
  });
});

describe('findClaims: negation and vagueness', () => {
  it('"denied that anyone was killed" is a negated claim of 0', () => {
    const cs = claimsOf('The army denied that anyone was killed during the operation.');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind: 'killed', low: 0, best: 0, high: 0, negated: true });
  });
  it.each([
    ['No one was hurt in the explosion.', 'injured'],
    ['There were no casualties, officials said.', 'killed'],
    ['Nobody was killed in the fire.', 'killed'],
  ] as const)('%s', (text, kind) => {
    const cs = claimsOf(text);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind, best: 0, negated: true });
  });
  it('deaths without a number give a vague claim with the limited-attack default', () => {
    const cs = claimsOf('Civilians were killed when the market was shelled.');
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind: 'killed', best: 3, vague: true, victims: 'civilians' });
  });
  it('"heavy casualties" gives the significant-attack default', () => {
    const cs = claimsOf('The garrison suffered heavy casualties.');
    expect(cs[0]).toMatchObject({ kind: 'killed', best: 10, vague: true, includes_injured: true });
  });
  it('a modal marks a claim as hypothetical', () => {
    const cs = claimsOf('The bomb could have killed 50 people if it had exploded.');
    expect(cs[0]?.hypothetical).toBe(true);
  });
});

describe('findClaims: conflicting claims', () => {
  it('keeps both figures with their sources', () => {
    const cs = claimsOf(
      'The rebels said they had killed 35 soldiers in the raid. The defence ministry said only six soldiers were killed.',
    );
    expect(cs.map((c) => [c.best, c.victims, c.source])).toEqual([
      [35, 'state_forces', 'The rebels'],
      [6, 'state_forces', 'The defence ministry'],
    ]);
  });
});

describe('findClaims: headlines and tolls', () => {
  it.each([
    ['Trader found dead near the border', 1],
    ['Bandits kill health worker, teacher in raid on clinic', 2],
    ['One dead as drones hit fuel depot', 1],
    ['Farmer shot dead after his house was raided in the valley.', 1],
    ['Night raid | Reporter “Ali Hassan” assassinated near the checkpoint', 1],
    ['Young woman dies of her wounds in city hospital', 1],
    ["Herder's body found in a ditch outside the village.", 1],
    ["Militants 'execute' four villagers accused of spying", 4],
    ['Guard killed and three injured in attack on depot', 1],
    ['A martyr killed by army gunfire near the camp.', 1],
    ['Member of the village guard killed in clashes with rebels', 1],
    ['Son of the former governor killed in ambush, family says', 1],
    ['Farmer abducted and shot dead near the river', 1],
    ['Night raid: a teacher beaten and then killed by unknown men', 1],
    ['A commander of the rebel group, Ali, also known as Abu Omar, was killed in an army operation.', 1],
    ['Policemen killed in ambush on highway', 3],
    ['Gunmen attacked a bus near the pass, killing 11 passengers, two residents and a nurse said.', 11],
    ['One woman later died of her injuries, a local health official said.', 1],
    ['A member of the local defence force said 23 people had died.', 23],
    ['Residents stoned and burned to death three men they accused of theft.', 3],
    ['Hooded men invaded a house and killed a former police officer and his friend.', 2],
  ] as const)('%s → %i killed', (text, n) => {
    const cs = claimsOf(text).filter((c) => c.kind === 'killed');
    expect(cs.reduce((a, c) => a + c.best, 0)).toBe(n);
  });
  it('a singular noun in running text is not counted without an article', () => {
    expect(claimsOf('Police said the suspect died in custody.')).toHaveLength(0);
    expect(claimsOf('His body was found on Sunday.')).toHaveLength(0);
    expect(claimsOf('His driver was also killed.').find((c) => c.kind === 'killed')?.best).toBe(1);
    expect(claimsOf('Gunmen killed the chief near his farm.').filter((c) => c.kind === 'killed' && c.best === 1 && /^Gunmen/.test(c.text))).toHaveLength(0);
  });
  it('a toll verb after a toll noun counts deaths', () => {
    const cs = claimsOf('The toll from the floods of gunfire in the camp has risen to 31.');
    expect(cs[0]).toMatchObject({ kind: 'killed', best: 31 });
  });
  it('"as many as 40 may have been killed" is an estimate; "up to 100 could have been killed if…" a hypothetical', () => {
    const est = claimsOf('Officials said as many as 40 people may have been killed.').find((x) => x.kind === 'killed');
    expect(est).toMatchObject({ high: 40 });
    expect(est?.hypothetical).toBeUndefined();
    expect(claimsOf('Up to 100 people could have been killed if the bomb had exploded.').find((x) => x.kind === 'killed')?.hypothetical).toBe(true);
  });
  it('"the toll could be as high as 22" is an upper estimate, not a hypothetical', () => {
    const c = claimsOf('Residents said the death toll could be as high as 22.').find((x) => x.kind === 'killed');
    expect(c).toMatchObject({ high: 22, qualifier: 'at_most' });
    expect(c?.hypothetical).toBeUndefined();
  });
  it('a headline’s present tense ("Death Toll From Arsi Massacre Rise To 34", "toll climbs to 12") counts deaths', () => {
    expect(claimsOf('Death Toll From Arsi Massacre Rise To 34').find((c) => c.kind === 'killed')).toMatchObject({ best: 34 });
    expect(claimsOf('Market blast toll climbs to 12').find((c) => c.kind === 'killed')).toMatchObject({ best: 12 });
  });
  it('a toll noun with a long complement still reaches its verb', () => {
    const cs = claimsOf("The death toll from Sunday's raid on a crowded church in the hill town has risen to 22, officials said.");
    expect(cs.find((c) => c.kind === 'killed')).toMatchObject({ best: 22 });
  });
});

describe('findClaims: robustness', () => {
  it.each(['', '???', '1 2 3 4 5 killed killed killed', 'killed '.repeat(500), '— — ( ) , , dozens of of of', '\u0000 at least between and'])(
    'does not throw on odd text %#',
    (text) => {
      expect(() => claimsOf(text)).not.toThrow();
    },
  );
});

describe('headline lists of victims', () => {
  const killed = (text: string) => claimsOf(text).filter((c) => c.kind === 'killed');
  it('count each listed person and numbered group once, in one claim', () => {
    const a = killed('Drone strike kills man and three children in border town');
    expect(a).toHaveLength(1);
    expect(a[0]!.best).toBe(4);
    const b = killed('Rebels kill aid worker, teacher in market town');
    expect(b).toHaveLength(1);
    expect(b[0]!.best).toBe(2);
  });
  it('a verb right before a figure binds it before a list after it does', () => {
    const cs = claimsOf('Bomb attack in city centre claims the life of a police officer, 15 people injured');
    expect(cs.map((c) => [c.kind, c.best])).toEqual([
      ['killed', 1],
      ['injured', 15],
    ]);
  });
  it('read an age as a modifier, not a figure', () => {
    const a = killed('48-year-old man shot dead outside mosque');
    expect(a).toHaveLength(1);
    expect(a[0]!.best).toBe(1);
  });
});

describe('who speaks for a figure', () => {
  it('a speaker after a semicolon speaks only for the clause after it', () => {
    const cs = claimsOf('Fighters attacked a checkpoint in Ghazni on Saturday, killing two soldiers; the Taliban said they had killed ten.').filter((c) => c.kind === 'killed');
    expect(cs.find((c) => c.best === 2)?.source ?? null).toBeNull();
    expect(cs.find((c) => c.best === 10)?.source).toMatch(/Taliban/);
  });
});
