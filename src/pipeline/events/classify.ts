/**
 * Sentence classification: trigger cues (plus the actors and casualty claims of the sentence)
 * → the ACLED sub-event type the sentence reports, if any.
 *
 * Rules follow the ACLED codebook's definitions:
 * - the weapon decides among Explosions/Remote violence sub-types (an IED that kills
 *   civilians is still "Remote explosive/landmine/IED");
 * - demonstrations: protesters' own violence makes a Riot (Violent demonstration); lethal
 *   force or beatings against peaceful protesters is "Excessive force against protesters";
 *   arrests, tear gas, dispersal is "Protest with intervention"; otherwise "Peaceful protest";
 * - a one-sided attack on civilians is Violence against civilians / Attack; an attack on
 *   an armed or state target is a Battle (Armed clash);
 * - territory taken by a non-state actor / retaken by the state are their own Battle sub-types.
 */
import type { ActorMention, Claim, SubEventType } from '../../model/index.js';
import { isCrowdCue, isDescriptiveRiotCue, isForceCue, type Cue, type CueCategory } from './cues.js';

/** The classification of one sentence. */
export interface SentenceClass {
  sub_event_type: SubEventType;
  /** Summed cue weight behind the choice: higher is more certain. */
  score: number;
  /** The cue that decided the type (evidence for event_type). */
  trigger: Cue;
  /** Demonstration family (Protests/Riots): merged with each other, not with political violence. */
  family: 'demonstration' | 'violence' | 'strategic';
}

/** Context from the rest of the document. */
export interface ClassifyContext {
  /** The document talks about a protest somewhere (a protest cue outside boilerplate). */
  docIsProtest: boolean;
}

const SPECIFIC_VIOLENCE: [CueCategory, SubEventType][] = [
  ['chemical', 'Chemical weapon'],
  ['suicide', 'Suicide bomb'],
  ['air', 'Air/drone strike'],
  ['grenade', 'Grenade'],
  ['ied', 'Remote explosive/landmine/IED'],
  ['shelling', 'Shelling/artillery/missile attack'],
  ['sexual', 'Sexual violence'],
  ['abduction', 'Abduction/forced disappearance'],
  ['regain', 'Government regains territory'],
  ['overtake', 'Non-state actor overtakes territory'],
  ['mob', 'Mob violence'],
];

const STRATEGIC: [CueCategory, SubEventType][] = [
  ['agreement', 'Agreement'],
  ['disrupted', 'Disrupted weapons use'],
  ['transfer', 'Non-violent transfer of territory'],
  ['hq', 'Headquarters or base established'],
  ['looting', 'Looting/property destruction'],
  ['arrest', 'Arrests'],
  ['change_group', 'Change to group/activity'],
  ['other_sd', 'Other'],
];

function bestCue(cues: Cue[], cat: CueCategory): Cue | undefined {
  let best: Cue | undefined;
  for (const c of cues) if (c.category === cat && (!best || c.weight > best.weight)) best = c;
  return best;
}

function sum(cues: Cue[], cat: CueCategory): number {
  let s = 0;
  for (const c of cues) if (c.category === cat) s = Math.max(s, c.weight) + (s > 0 ? 0.25 : 0);
  return s;
}

/** Words naming a crowd of civilians in a crowd act ("killed by villagers", "beaten by residents"). */
const CROWD_WORDS = /\b(?:villagers|residents|locals|youths|neighbou?rs|crowds?|mobs?|community members|passers-by)\b/i;

/** The other_sd cues that tell of a grave found or opened ("mass graves", "exhumed"). */
const GRAVE_WORDS = /grave|exhum|burial|unearth/i;

/** True when a claim tells of someone killed or injured (not denied, not zero). */
export function hurtSomeone(claims: Claim[]): boolean {
  return claims.some((c) => (c.kind === 'killed' || c.kind === 'injured') && !c.negated && c.best > 0);
}

/** The cue a casualty figure stands for, with its weight. */
const CLAIM_CUE: Partial<Record<Claim['kind'], [CueCategory, number]>> = {
  killed: ['attack_generic', 1.5],
  abducted: ['abduction', 3],
  arrested: ['arrest', 2],
};

const STATE_KINDS = new Set(['military', 'police', 'state_other']);
const ARMED_KINDS = new Set(['rebel', 'political_militia', 'identity_militia', 'unidentified_armed', 'external']);

/**
 * Classify one sentence. Returns null when nothing event-like is reported.
 * `actors` and `claims` are those inside the sentence.
 */
export function classifySentence(cues: Cue[], actors: ActorMention[], claims: Claim[], ctx: ClassifyContext): SentenceClass | null {
  // A casualty figure is itself evidence of an act: "three martyrs", "a man beaten to death",
  // "six abducted". It backs the generic type of its kind when no trigger word names the act.
  const fromClaims: Cue[] = [];
  // (remains dug out of graves tell of a discovery, not of an act: ACLED codes it "Other")
  const discovery = cues.some((q) => q.category === 'other_sd' && GRAVE_WORDS.test(q.text));
  if (discovery) cues = cues.filter((q) => !(q.category === 'attack_generic' && /\b(?:bod(?:y|ies)|remains)\b/i.test(q.text)));
  for (const c of claims) {
    if (c.negated || c.hypothetical || (discovery && c.kind === 'killed')) continue;
    const category = CLAIM_CUE[c.kind];
    if (!category || cues.some((q) => q.category === category[0])) continue;
    fromClaims.push({ category: category[0], start: c.start, end: c.end, text: c.text, weight: category[1] });
  }
  cues = fromClaims.length ? [...cues, ...fromClaims] : cues;
  if (cues.length === 0) return null;
  // "Police clashed with students": a clash led by the state is its intervention, not the
  // protesters' violence. The acting side is the nearest actor named just before the cue.
  cues = cues.map((c) => {
    if (c.category !== 'riot_violence' || !/^clash/i.test(c.text)) return c;
    const before = actors.filter((a) => a.end <= c.start && c.start - a.end <= 60).sort((a, b) => b.end - a.end)[0];
    return before && STATE_KINDS.has(before.kind) ? { ...c, category: 'protest_intervention' as const, weight: 2 } : c;
  });
  // "Gunmen killed five vigilantes": a crowd word naming the victims is no mob acting.
  cues = cues.filter((c) => c.category !== 'mob' || !actors.some((a) => a.role_hint === 'patient' && a.start <= c.start && c.end <= a.end));
  const s = (cat: CueCategory) => sum(cues, cat);
  // those only speaking ("…, police said") are no party to what happened
  actors = actors.filter((a) => !(a.speaker && !a.role_hint && !a.claimed));
  // "Villagers beat a suspected thief to death": civilians killing with their hands, no armed or
  // state side named, is a mob (ACLED: Mob violence), told without the word "mob".
  const civiliansOnly = actors.some((a) => a.kind === 'civilians') && !actors.some((a) => STATE_KINDS.has(a.kind) || ARMED_KINDS.has(a.kind));
  const crowdKilling = cues.find((c) => c.category === 'mob' && c.weight === 0);
  // (a killing told as the crowd's own, "killed by villagers", is theirs even with police named
  // beside it, unless a state or armed actor is told doing it)
  const crowdNamed =
    !!crowdKilling && CROWD_WORDS.test(crowdKilling.text) && !actors.some((a) => (STATE_KINDS.has(a.kind) || ARMED_KINDS.has(a.kind)) && a.role_hint === 'agent');
  if (crowdKilling && (civiliansOnly || crowdNamed) && !cues.some((c) => c.category === 'mob' && c.weight > 0)) cues = [...cues, { ...crowdKilling, weight: 4 }];
  // …done by soldiers or gunmen, the same killing is their attack
  else if (crowdKilling && !civiliansOnly) cues = [...cues, { ...crowdKilling, category: 'attack_generic', weight: 2 }];
  const hasState = actors.some((a) => STATE_KINDS.has(a.kind));
  const hasArmed = actors.some((a) => ARMED_KINDS.has(a.kind));
  const hasCivilians = actors.some((a) => a.kind === 'civilians');
  const killed = claims.filter((c) => c.kind === 'killed' && !c.negated);
  const victimsCivil = killed.some((c) => c.victims === 'civilians') || (hasCivilians && !hasState);
  const victimsArmed = killed.some((c) => c.victims === 'state_forces' || c.victims === 'armed_group');

  // Demonstrations first: a protest cue in the sentence (or a protest document and a
  // crowd-control cue) makes this a demonstration unless a weapon of war is named.
  const weaponScore = Math.max(s('chemical'), s('suicide'), s('air'), s('grenade'), s('ied') >= 5 ? 5 : 0, s('shelling') >= 4 ? 4 : 0);
  const protestScore = s('protest') + (actors.some((a) => a.kind === 'protesters') ? 2 : 0);
  const rioters = actors.some((a) => a.kind === 'rioters');
  // Stone-throwing or rioting with no armed group named is a crowd's violence even unnamed as a protest.
  // …and so is a civilian crowd burning or looting ("youths looted shops and set fire to cars")
  const crowdAgent = actors.some((a) => a.kind === 'civilians' && a.role_hint === 'agent');
  const crowdActsHere = sum(cues.filter((c) => !isDescriptiveRiotCue(c)), 'riot_violence');
  // (fighting back is no crowd's act when the state's forces do it: "troops fought back for
  // three hours" is a battle)
  const stateFightsBack =
    actors.some((a) => (a.kind === 'military' || a.kind === 'police') && a.role_hint === 'agent') && cues.every((c) => !isCrowdCue(c) || /^fought back/i.test(c.text));
  const crowdViolence = !hasArmed && !stateFightsBack && (cues.some((c) => isCrowdCue(c)) || (!hasState && crowdAgent && crowdActsHere >= 3));
  // (in a protest report a killing is force against the protest only when the state or a crowd
  // is named: "armed men fired at farmers" there is an attack)
  const demoContext = protestScore > 0 || rioters || crowdViolence || (ctx.docIsProtest && (s('protest_intervention') > 0 || s('riot_violence') > 0 || (s('protest_lethal') >= 2 && !(hasArmed && !hasState))));
  if (demoContext && weaponScore < 5) {
    const trigger = bestCue(cues, 'protest') ?? bestCue(cues, 'riot_violence') ?? bestCue(cues, 'protest_intervention') ?? cues[0]!;
    const score = Math.max(protestScore, 1.5) + s('riot_violence') + s('protest_intervention');
    const lethalByState = s('protest_lethal') >= 2;
    // "Security forces violently broke up the rally, shooting protesters": calling it violent
    // names no act of the crowd, so force against the protesters decides.
    const crowdActs = sum(cues.filter((c) => !isDescriptiveRiotCue(c)), 'riot_violence');
    const forceOnCrowd = cues.some((c) => isForceCue(c));
    const protesterViolence = rioters || crowdActs >= 3 || (s('riot_violence') >= 3 && !(lethalByState && forceOnCrowd));
    if (s('mob') >= 4 && s('protest') === 0) return { sub_event_type: 'Mob violence', score: s('mob'), trigger: bestCue(cues, 'mob')!, family: 'demonstration' };
    if (protesterViolence) return { sub_event_type: 'Violent demonstration', score, trigger: bestCue(cues, 'riot_violence') ?? trigger, family: 'demonstration' };
    if (lethalByState) return { sub_event_type: 'Excessive force against protesters', score, trigger: bestCue(cues, 'protest_lethal') ?? trigger, family: 'demonstration' };
    if (s('protest_intervention') > 0) return { sub_event_type: 'Protest with intervention', score, trigger: bestCue(cues, 'protest_intervention') ?? trigger, family: 'demonstration' };
    if (protestScore >= 1.5) return { sub_event_type: 'Peaceful protest', score, trigger, family: 'demonstration' };
  }

  // ACLED: ground taken without an armed engagement ("after the troops left", "in a handover
  // ceremony") is a non-violent transfer, whoever takes it; a battle needs fighting told.
  const peacefulTakeover =
    s('overtake') > 0 && cues.some((c) => c.category === 'transfer') && killed.length === 0 && weaponScore === 0 && s('armed_clash') === 0 && s('attack_generic') === 0;
  // Political violence: the most specific weapon or act wins; generic attack/clash decided by target.
  let best: SentenceClass | null = null;
  const consider = (sub: SubEventType, score: number, trigger: Cue | undefined, family: SentenceClass['family']) => {
    if (!trigger || score <= 0) return;
    if (!best || score > best.score) best = { sub_event_type: sub, score, trigger, family };
  };
  // A state's forces "bombing" a place is an air raid (ACLED: bombing from the air); planted
  // bombs and roadside devices stay explosives.
  const militaryAgent = actors.some((a) => a.kind === 'military' && a.role_hint !== 'patient');
  const bareBombing = cues.filter((c) => c.category === 'ied').every((c) => /^bomb(?:ing|ings|ed|s)?$/i.test(c.text));
  for (const [cat, sub] of SPECIFIC_VIOLENCE) {
    let score = s(cat);
    const fromAir = cat === 'air' && militaryAgent && bareBombing && s('ied') > 0;
    if (fromAir) score = Math.max(score, s('ied') + 0.5);
    if (cat === 'overtake' && hasState && !hasArmed) score *= 0.5; // the state taking ground is "regains"
    if (cat === 'overtake' && peacefulTakeover) continue;
    if (cat === 'mob' && score > 0 && ctx.docIsProtest) continue;
    // Killings with rapes among other abuses: the attack is the event (its deaths go with it);
    // sexual violence leads only where nobody is reported killed.
    if (cat === 'sexual' && killed.length > 0) score *= 0.3;
    consider(sub, score, bestCue(cues, cat) ?? (fromAir ? bestCue(cues, 'ied') : undefined), cat === 'mob' ? 'demonstration' : 'violence');
  }
  // Fire exchanged between two sides is a battle, whatever the weapons ("exchanged artillery fire")
  const exchange = cues.some((c) => c.category === 'armed_clash' && /^(?:exchang|traded)/i.test(c.text));
  const clash = s('armed_clash') + (exchange ? 2.5 : 0);
  const attack = s('attack_generic');
  if (clash > 0 || attack > 0) {
    const strongClash = clash >= 3;
    // A state or armed actor is the target when the dead are fighters or the actor is acted upon;
    // merely being named in the sentence (a patrol arriving afterwards) does not make a battle.
    const armedPatient = actors.some((a) => (STATE_KINDS.has(a.kind) || ARMED_KINDS.has(a.kind)) && a.role_hint === 'patient');
    const armedTarget = victimsArmed || armedPatient || (hasState && hasArmed && clash > 0);
    const civilianTarget = victimsCivil && !victimsArmed;
    const trigger = bestCue(cues, 'armed_clash') ?? bestCue(cues, 'attack_generic');
    if (strongClash || (clash > 0 && !civilianTarget) || (armedTarget && !civilianTarget)) {
      consider('Armed clash', Math.max(clash, attack) + (armedTarget ? 0.5 : 0), trigger, 'violence');
    } else {
      consider('Attack', Math.max(clash, attack) + (civilianTarget ? 0.5 : 0), bestCue(cues, 'attack_generic') ?? trigger, 'violence');
    }
  }
  for (const [cat, sub] of STRATEGIC) {
    let score = s(cat);
    if (cat === 'transfer' && peacefulTakeover) score = Math.max(score, s('overtake')) + 0.5;
    // a missile or bomb intercepted or defused, nobody hurt: the weapon never struck
    // (ACLED: Disrupted weapons use), however strongly the weapon itself is named
    if (cat === 'disrupted' && score > 0 && !hurtSomeone(claims)) {
      const current = best as SentenceClass | null;
      if (current && current.family === 'violence') score = Math.max(score, current.score / 0.9 + 0.1);
    }
    if (cat === 'arrest' && ctx.docIsProtest) score *= 0.5;
    consider(sub, score * 0.9, bestCue(cues, cat), 'strategic');
  }
  return best;
}
