/**
 * Event stage: mentions → ACLED events.
 *
 * 1. Each sentence (not boilerplate, not background) is classified from its trigger cues.
 * 2. It gets its places (a listed series "in A, B and C" gives one event per place), else the
 *    place the text is currently about, else the report's lead place, else its country.
 * 3. Its date: a date in the sentence, else the report's lead date, else the reference date.
 * 4. Candidates at the same place and day are one event (ACLED: one event per location per day);
 *    a candidate known only at province/country level folds into a finer one of the same day.
 * 5. Actors by role and ACLED defaults; fatalities from death claims, a toll covering several
 *    events split across them.
 */
import { createHash } from 'node:crypto';
import type {
  ActorMention,
  Claim,
  DateMention,
  Evidence,
  GeoPrecision,
  InterCode,
  Place,
  PlaceMention,
  Sentence,
  SitrepEvent,
  SubEventType,
  TextSpan,
  TimePrecision,
} from '../../model/index.js';
import { civilianTargetingOf, disorderTypeOf, eventTypeOf, interactionOf } from '../../model/index.js';
import { readDataJson } from '../data.js';
import { actorForCountry, renderActorName } from '../mentions/actors/index.js';
import type { CleanText } from '../../model/index.js';
import { backgroundSpan, findCues, grievanceAt, isDescriptiveRiotCue, isStatement, loadTriggerLexicon, type Cue } from './cues.js';
import { classifySentence, hurtSomeone, type SentenceClass } from './classify.js';
import { fatalitiesFromClaims, splitToll, type FatalityRange } from './fatalities.js';

export { fatalitiesFromClaims, splitToll } from './fatalities.js';
export { classifySentence } from './classify.js';
export { findCues } from './cues.js';

/** Everything the event stage reads about one document. */
export interface EventInput {
  doc: CleanText;
  sentences: Sentence[];
  places: PlaceMention[];
  actors: ActorMention[];
  dates: DateMention[];
  claims: Claim[];
  /** YYYY-MM-DD the relative dates were resolved against. */
  referenceDate: string;
  /** The document's main country (English name), or null. */
  country: string | null;
  /** Country-level place for the main country (its centroid), used when no finer place is named. */
  countryPlace?: Place | null;
}

/** How many days before the reference date a date may lie and still be this report's news. */
export const RECENT_DAYS = 21;
/** How many days back a date written out in full may date this report's news (dates older are background). */
const WRITTEN_DATE_DAYS = 62;
/** A group weaker than this is dropped when the report has a clearly reported (score >= 3) event. */
const MIN_SCORE_BESIDE_STRONG = 1.5;

interface Candidate {
  cls: SentenceClass;
  sentence: Sentence;
  place: PlaceMention | null;
  /** True when the place is named in the sentence itself. */
  explicitPlace: boolean;
  /** True when the sentence named a place of its own, though its group is now another's (a province folded into a town in it). */
  namedOwnPlace?: boolean;
  date: DateMention | null;
  actors: ActorMention[];
  claims: Claim[];
}

interface Group {
  key: string;
  members: Candidate[];
  place: PlaceMention | null;
  date: string;
  time_precision: TimePrecision;
  dateMention: DateMention | null;
}

/**
 * A group's members as they join another group: the place they named is no longer the event's,
 * but they remember having named one of their own (the lead's ranking reads it).
 */
function movedMembers(g: Group): Candidate[] {
  return g.members.map((m) => ({ ...m, explicitPlace: false, namedOwnPlace: m.explicitPlace || m.namedOwnPlace }));
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/** Items grouped by sentence index, in one pass (lookups stay O(1) as reports grow). */
function bySentence<T extends TextSpan>(items: T[]): (s: Sentence) => T[] {
  const map = new Map<number, T[]>();
  for (const it of items) {
    const list = map.get(it.sentence);
    if (list) list.push(it);
    else map.set(it.sentence, [it]);
  }
  return (s) => map.get(s.index) ?? [];
}


const KIND_RANK: Record<string, number> = { place: 0, admin2: 1, admin1: 2, country: 3 };
// (a region across provinces, "Darfur", is as coarse as a province)
const isFine = (p: PlaceMention) => p.place != null && (p.place.kind === 'place' || p.place.kind === 'admin2') && p.place.feature_code !== 'RGN';

/** The event places of a sentence: a listed series of fine places, else its finest place. */
function sentencePlaces(doc: CleanText, mentions: PlaceMention[], country: string | null): PlaceMention[] {
  const usable = mentions.filter((m) => m.place && m.role === 'location').sort((a, b) => a.start - b.start);
  if (usable.length === 0) return [];
  const allFine = usable.filter(isFine);
  // Towns of the report's country beat a foreign one named in passing ("... who died in Yaoundé").
  const home = country ? allFine.filter((m) => m.place!.country === country) : [];
  const fine = home.length > 0 ? home : allFine;
  // "in Khartoum, Al Jazirah, White Nile states and El Fasher": places (towns or provinces)
  // joined only by commas / "and", each an event place when the list holds a town.
  const listable = usable.filter((m) => m.place!.kind !== 'country');
  let best: PlaceMention[] = [];
  for (let i = 0; i < listable.length; i++) {
    const series: PlaceMention[] = [listable[i]!];
    const LIST_SEP = /^\s*(?:(?:states?|provinces?|regions?|districts?|governorates?|counties|county|areas?)\b)?\s*(?:,|,?\s*and|,?\s*&|\/)\s*(?:in\s+|at\s+)?$/i;
    for (let j = i + 1; j < listable.length; j++) {
      const between = doc.text.slice(listable[j - 1]!.end, listable[j]!.start);
      if (!LIST_SEP.test(between)) break;
      // "in Tafo, Kumasi": a bigger town close by, after a bare comma and ending the list, says
      // which city the quarter or suburb is in; it is no second event place
      const prev = series[series.length - 1]!.place!;
      const cur = listable[j]!.place!;
      const ends = j + 1 >= listable.length || !LIST_SEP.test(doc.text.slice(listable[j]!.end, listable[j + 1]!.start));
      if (/^\s*,\s*$/.test(between) && ends && cur.kind === 'place' && prev.kind === 'place' && (cur.population ?? 0) > (prev.population ?? 0) && roughKm(prev, cur) <= 15) continue;
      series.push(listable[j]!);
    }
    if (series.length > best.length) best = series;
  }
  const distinct = best.filter((m, i) => best.findIndex((o) => o.place!.id === m.place!.id) === i);
  if (distinct.length > 1 && distinct.some(isFine)) return distinct;
  // "Gunmen in Zamfara killed 8; in neighbouring Katsina, bandits killed 5 more": clauses set off
  // by semicolons, each with its own town, are each an event place.
  const semis = [...doc.text.slice(usable[0]!.start, usable[usable.length - 1]!.end).matchAll(/;/g)].map((m) => usable[0]!.start + m.index!);
  if (semis.length) {
    const clauseOf = (m: PlaceMention) => semis.filter((x) => x < m.start).length;
    const byClause = new Map<number, PlaceMention>();
    // (the last town of each clause, else its province: "in neighbouring Katsina, bandits killed 5 in Funtua")
    for (const m of listable) {
      const k = clauseOf(m);
      const had = byClause.get(k);
      if (!had || isFine(m) || !isFine(had)) byClause.set(k, m);
    }
    const perClause = [...byClause.values()].filter((m, i, a) => a.findIndex((o) => o.place!.id === m.place!.id) === i);
    if (perClause.length > 1 && perClause.some(isFine)) return perClause;
  }
  // "three protesters in Nairobi and two in Mombasa": each place with its own figure is an event place.
  const counted = fine.filter((m) => COUNT_BEFORE_PLACE.test(doc.text.slice(Math.max(0, m.start - 50), m.start)));
  const countedDistinct = counted.filter((m, i) => counted.findIndex((o) => o.place!.id === m.place!.id) === i);
  if (countedDistinct.length > 1) return countedDistinct;
  if (fine.length > 1) {
    // "the Lyon suburb of Villeurbanne", "the Kabul district of Shakardara": the part named last
    const part = fine.find((m) => /\b(?:suburbs?|neighbou?rhoods?|districts?|quarters?|townships?|villages?|towns?|outskirts) of\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, m.start - 30), m.start)));
    if (part) return [part];
    // "in Gaza's Rafah", "Helmand's Sangin": the place a named place possesses is a part of it
    const possessed = fine.find((m) => usable.some((o) => o !== m && o.end <= m.start && /^['’]s\s+$/.test(doc.text.slice(o.end, m.start))));
    if (possessed) return [possessed];
    // Otherwise the place after "in/at/near/through" wins, else the first.
    const cued = fine.find((m) => /\b(?:in|at|near|outside|on|into|of|through|across|around)\s+(?:the\s+)?(?:\w+\s+){0,2}$/i.test(doc.text.slice(Math.max(0, m.start - 30), m.start)));
    return [cued ?? fine[0]!];
  }
  if (fine.length === 1) return fine;
  const sorted = [...usable].sort((a, b) => KIND_RANK[a.place!.kind]! - KIND_RANK[b.place!.kind]!);
  return [sorted[0]!];
}

/** A toll told in the present perfect or as a tally: a running total, not one event's. */
const RUNNING_TOTAL = /\b(?:have|has) (?:now )?(?:died|been killed|killed|lost (?:their|his|her) li(?:fe|ves)|perished)\b|\b(?:according to (?:an? )?(?:\w+ )?(?:tally|tallies|estimates?|count))\b/i;

/** A verb of taking ground right before a place's name: "captured El Fasher", "retook Kidal". */
const TAKEN_BEFORE = /\b(?:(re)captur(?:ed|es|ing)|(re)took|(re)gained control of|(re)took control of|captur(?:ed|es|ing)|seiz(?:ed|es|ing)(?: control of)?|overr(?:an|uns?)|took (?:over|control of)|tak(?:es|ing) (?:over|control of))\s+(?:the\s+)?(?:(?:strategic|key|northern|southern|eastern|western|central|border|provincial|regional)\s+)?(?:(?:town|city|village|capital|district|province|state|region|area)\s+of\s+)?$/i;

/**
 * Cues the trigger lexicon cannot see alone: taking ground named by a place ("RSF fighters
 * captured El Fasher"), territory taken (overtake) or taken back (regain, a "re-" verb).
 */
function placeTakenCues(text: string, s: Sentence, places: PlaceMention[]): Cue[] {
  const out: Cue[] = [];
  for (const p of places) {
    if (p.sentence !== s.index || !p.place || p.place.kind === 'country') continue;
    const before = text.slice(Math.max(s.start, p.start - 70), p.start);
    const m = TAKEN_BEFORE.exec(before);
    if (!m) continue;
    const start = p.start - before.length + m.index;
    const regain = !!(m[1] || m[2] || m[3] || m[4]);
    out.push({ category: regain ? 'regain' : 'overtake', start, end: p.start, text: m[0].trim(), weight: regain ? 5 : 3.5 });
  }
  return out;
}

/** Words that open a clause of its own after the event words: a date beyond them dates something else. */
// ("than" before a number is a quantity, "more than 400", not a comparison's own clause)
const SUBORDINATE = /\b(?:who|which|whom|whose|than(?!\s+(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|dozens?|scores|about|around|some)\b))|since|after|following|before|compared|when|while|unlike|as in|like)\b|[;(—–]/i;

/** A clause of a sentence that tells something else than its event: [start, end) document offsets. */
interface OtherClause {
  start: number;
  end: number;
}

/**
 * The clause holding document offset `at` (an old date, a background phrase) when it is not the
 * clause of the sentence's event words; null when it is theirs. It is another clause when it is a
 * relative clause set off by commas with event words outside it ("X, who had previously been
 * abducted, was shot dead"), or when it comes after the strongest cue behind a relative or
 * comparative word ("…protesting the ouster a year ago", "…fewer than last month"; it then runs
 * to the sentence's end). A phrase before the strongest cue ("On 3 May 2019, gunmen killed…") or
 * after it in the same clause ("…killed on 3 May 2019") dates the event words: null.
 */
function otherClause(text: string, sentence: Sentence, at: number, cues: Cue[], phraseEnd = at): OtherClause | null {
  if (cues.length === 0) return null;
  const before = text.slice(sentence.start, at);
  // (also over an apposition: ", the opposition movement that waged a long civil war against …,")
  const open = /,\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:that|who|which|whose|whom)|who|which|whose|whom)\b[^,]*$/i.exec(before);
  if (open) {
    const start = sentence.start + open.index;
    const close = text.slice(at, sentence.end).search(/\)?,\s/);
    const end = close >= 0 ? at + close + 1 : sentence.end;
    if (close >= 0 && cues.some((c) => c.start < start || c.start >= end)) return { start, end };
  }
  const main = cues.reduce((a, b) => (b.weight > a.weight ? b : a));
  if (at < main.end) return null;
  const m = SUBORDINATE.exec(text.slice(main.end, phraseEnd));
  return m ? { start: Math.min(main.end + m.index, at), end: Infinity } : null;
}

/** After an arrest: the earlier event it is about ("in connection with the bombing", "over last week's attack"). */
const REFERRED_EVENT = /\b(?:in connection with|in relation to|over|for|accused of|suspected of|on suspicion of|linked to|responsible for|behind)\s+(?:the\s+|a\s+|an\s+|last\s+\w+['’]s\s+|\w+['’]s\s+|(?:their|his|her|its)\s+(?:alleged\s+)?(?:role|involvement|part)\s+in\s+(?:the\s+)?)(?:\w+\s+){0,3}?(?:attacks?|bombings?|blasts?|explosions?|killings?|killing|murders?|massacres?|shootings?|kidnappings?|abductions?|raids?|ambush(?:es)?|assassinations?|lynching|riots?|violence)\b/i;

/** Where a sentence starts telling what an anniversary remembers. */
const ANNIVERSARY = /\b(?:(?:to\s+)?(?:mark|marking|marked|commemorat\w*|remember\w*|observ\w*)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})?anniversary of\b/i;

/** Two sides of one kind: "between two rival gangs", "rival militias", "inter-clan". */
const RIVALS = /\b(?:between|among)\s+(?:two\s+|several\s+)?(?:rival\s+)?(?:armed\s+)?(?:gangs|militias|factions|clans|tribes|groups|armed groups|communities)\b|\brival\s+(?:armed\s+)?(?:gangs?|militias?|factions?|clans?|groups?|tribes?|cartels?)\b|\binter-?(?:gang|clan|communal|tribal|factional|militia)\b/i;

/** A purpose against a kind of violence: "to help root out banditry", "to tackle violent crime", "aimed at curbing kidnappings". */
const PURPOSE_AGAINST =
  /\b(?:(?:in order )?to (?:help )?(?:root out|tackle|fight|combat|curb|stem|end|counter|stop|prevent|reduce|deter|crack down on|clamp down on|curtail|check|wipe out|eradicate)|aimed at (?:rooting out|tackling|fighting|combating|curbing|stemming|ending|countering|stopping|preventing|reducing|deterring|cracking down on|curtailing|eradicating))\s+(?:[\w-]+\s+){0,2}?(?:banditry|crimes?|criminality|kidnappings?|abductions?|insecurity|insurgency|terrorism|extremism|militancy|cattle rustling|rustling|piracy|trafficking|attacks by|violence against)\b/i;

/** An aside on what a place has suffered: ", a part of the state badly affected by banditry". */
const AFFECTED_ASIDE = /,\s*(?:[\w-]+\s+){0,6}?(?:worst|hardest|badly|most|heavily|severely|long)[\s-]+(?:hit|affected)\s+by\b[^,;]*/i;

/** Events referred to as those just told: "in those clashes", "these attacks". */
const THOSE_EVENTS = /\b(?:those|these|such)\s+(?:\w+\s+)?(?:clashes|attacks|ambushes|raids|killings|bombings|battles|incidents|assaults|operations|massacres|offensives|protests|riots)\b/i;

/** A sentence opening on an event already told: "The march …", "The attack …", "This blast …". */
const BACK_REFERENCE = /^\s*(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:violence|unrest|crackdown|march|protest|rally|demonstration|sit-in|strike|attack|blast|explosion|bombing|raid|ambush|assault|shooting|killing|operation|offensive|clash|gunfight|firefight|gun battle|battle|skirmish|fighting|abduction|kidnapping|interception|incursion|incident|handover|transfer|takeover|lynching|defection|split|withdrawal|pullout|ceasefire|truce|deal|agreement|airstrike|air strike|drone strike|seizure|capture)(?:es|s)?\b/i;

/** "came amid …, after", "followed", "in retaliation for", "came as": what a referred-back event is told to follow or go with ("the latest incident followed a massive assault on Sunday", "the crackdown came as protests swept the south"). */
const CAME_AFTER = /^[^,;]{0,60}?\b(?:(?:came|comes|followed|follows|happened|occurred|took place)\b[^.;]{0,100}?\b(?:after|following|in the wake of|in response to|in retaliation for)|(?:came|comes)\s+(?:just\s+|only\s+)?(?:as|amid|while)|followed|follows)\s+/i;

/** "(unrest) that followed", "which was sparked by", "has stepped up operations since a", "the latest in a wave of strikes since a": what a clause names as the cause of the event told. */
const CAUSED_BY = /\b(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:followed|erupted\s+after|broke\s+out\s+after|began\s+after|started\s+after|(?:was|were|had\s+been|has\s+been)\s+(?:sparked|triggered|prompted|provoked|fuelled|fueled)\s+by)\s+|\b(?:has|have)\s+(?:\w+\s+){1,4}?since\s+(?=(?:a|an|the)\s)|\b(?:latest|newest|last)\s+in\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?since\s+(?=(?:a|an|the)\s)/i;

/** A projectile sent on its way before a destination: "a missile fired towards", "drones heading for". */
const PROJECTILE_BEFORE = /\b(?:missiles?|rockets?|drones?|projectiles?|shells?|UAVs?)\b[^.;:]{0,50}?\b(?:fired|launched|heading|headed|flying|flew|aimed|sent)\b[^.;:]{0,50}$/i;

/** A search under way before a date: "were combing the hills (on Tuesday)", "police are hunting". */
const SEARCH_BEFORE = /\b(?:search(?:ing|ed)?|hunt(?:ing|ed)?|comb(?:ing|ed)|look(?:ing|ed)|scour(?:ing|ed)|track(?:ing|ed))\b[^.;]{0,60}$/i;

/** A past participle, regular or one of the common irregular ones ("killed", "taken", "fled", "hit"). */
const PARTICIPLE = String.raw`(?:\w+(?:ed|en|wn|ht|ck|ung|ot|ut)|spread|led|fled|held|hit|cut|put|set|shut|left|kept|met|sent|spent|lost|built|become|come|run|done|gone|seen|grown|known|struck|made)`;

/** A past perfect ("had been uncovered", "had already fled"): a step before the time told. */
const PAST_PERFECT = new RegExp(String.raw`\bhad\s+(?:\w+ly\s+|already\s+|just\s+)?(?:been\s+)?${PARTICIPLE}\b`, 'i');

/** A present perfect ("have also been fired", "has suffered") or a habit ("most often targeted", "record hundreds of attacks every year"). */
const PERFECT_OR_HABIT = new RegExp(
  String.raw`\b(?:has|have)\s+(?:\w+ly\s+|also\s+|long\s+|already\s+|since\s+|often\s+|twice\s+)?(?:been\s+\w+|${PARTICIPLE})\b|` +
    String.raw`\b(?:often|frequently|regularly|routinely|repeatedly)\s+(?:been\s+)?(?:targeted|attacked|hit|struck|shelled|bombed|raided)\b|\b(?:every|each|per)\s+(?:year|month|week)\b|\bannually\b`,
  'i',
);
/** A habit: "has repeatedly protested", "often targeted", "regularly carries out". */
const HABIT = /\b(?:has|have|had)\s+(?:repeatedly|often|long|regularly|frequently|routinely)\b|\b(?:often|frequently|regularly|routinely|repeatedly)\s+\w+(?:ed|s)\b/i;

/** A present perfect of speech ("police have said that …"): it reports news, not a habit. */
const PERFECT_SPEECH = /\b(?:has|have)\s+(?:\w+ly\s+|also\s+)?(?:said|told|confirmed|reported|announced|claimed|stated)\b/i;

/** Words before a place named as a bearing: "60 km south-east of", "north of the city of", "10 miles from", "the main road linking". */
const BEARING_BEFORE =
  /\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|(?:km|kilometres|kilometers|miles)\s+(?:from|outside)|(?:road|highway|route|motorway|railway|corridor|pipeline)\s+(?:that\s+|which\s+)?(?:linking|links|connecting|connects|from|to|between))\s+(?:the\s+)?(?:(?:city|town|village|provincial capital|regional capital|capital)\s+of\s+)?$/i;

/** Words before the town a quarter is part of: "a densely populated suburb of", "on the outskirts of". */
// (only "a … suburb of": in "the district of San Felix" or "the Lyon suburb of Villeurbanne" the
// name after "of" is the part itself)
const PART_OF_BEFORE =
  /\b[Aa]n?\s+(?:[a-z-]+\s+){0,3}(?:suburbs?|neighbou?rhood|quarter|district|township)\s+of\s+(?:the\s+)?(?:(?:city|town|capital)\s+of\s+)?$|\b(?:on|in|at)\s+the\s+outskirts\s+of\s+(?:the\s+)?(?:(?:city|town|capital)\s+of\s+)?$/;

/** Words before a coming date the act is measured against: "ahead of a", "before the", "by". */
const DEADLINE_BEFORE = /\b(?:ahead of|before|by|until|till|in time for|due on|deadline of)\s+(?:an?\s+|the\s+|its\s+|their\s+)?$/i;

/**
 * The opening of a clause telling what went on at the same time elsewhere ("… leaves 10 dead as
 * peace conference meets in Moscow", "… while envoys gathered in Doha"); fixed phrases with "as"
 * ("such as", "as well as", "known as") are not such openings.
 */
const CONCURRENT_CLAUSE = /(?<!\b(?:such|known|well|same|so|referred to|described|served|seen|acting))\s+(?:as|while|whilst|amid|ahead of|on the eve of)\s+(?!well\b|many\b|much\b|part\b|a result\b|long\b|soon\b|far\b|of\b|for\b|to\b|if\b|though\b|a\b|an\b)/i;

/** True for a date read from "overnight" (the publication day stands in for it). */
const isOvernight = (d: DateMention | null | undefined): boolean => !!d?.relative && /^overnight$/i.test(d.text.trim());

/** Words before a place people were headed for. */
const DESTINATION_BEFORE = /\b(?:towards?|heading (?:to|for)|headed (?:to|for)|bound for|en route to|on (?:their|its|his|her|the) way to|march(?:ing|ed)? on)\s+(?:the\s+)?$/i;

/** Words before the place a missile or drone was launched from ("launched … from Saada"). */
// (over clock times, "fired at 10:50 a.m. from the Yemeni province of Saada")
const ORIGIN_BEFORE = /\b(?:missiles?|rockets?|drones?|projectiles?|shells?|mortars?|UAVs?)\b(?:[^.;:]|[ap]\.m\.|\d[.:]\d){0,90}?\b(?:launched|fired|lobbed|sent)\b(?:[^.;:]|[ap]\.m\.|\d[.:]\d){0,60}?\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;

/** Relative clauses set off by commas in a sentence (", who …,", ", which …,"), as [start, end) document offsets. */
function relativeClauses(text: string, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  // ("whose" opens one even without a comma: "the 18-year-old whose funeral was held Monday")
  for (const m of s.text.matchAll(/,\s+(?:who|whom|whose|which)\b[^,;]*|(?<!,\s*)\bwhose\b[^,;]*/gi)) out.push([s.start + m.index!, s.start + m.index! + m[0].length]);
  return out;
}

/** True when the place starting at `start` is where a missile or drone was launched from (ORIGIN_BEFORE). */
function launchedFrom(text: string, start: number): boolean {
  // (the cheap test first: most places follow no "from")
  const near = text.slice(Math.max(0, start - 60), start);
  return /\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i.test(near) && ORIGIN_BEFORE.test(text.slice(Math.max(0, start - 160), start));
}

/**
 * A country people flee towards, that borders the scene or that a deal is made with
 * ("fled towards Chad", "on the border with Chad"), or that people come from ("refugees from
 * Turkey"): named, not where the event happened.
 */
function namedAsElsewhere(text: string, p: PlaceMention): boolean {
  if (p.place?.kind !== 'country') return false;
  const before = text.slice(Math.max(0, p.start - 40), p.start);
  return (
    /\b(?:towards?|border(?:s|ing)? with|with|fled (?:to|into)|flee(?:ing)? (?:to|into)|refuge in|crossed into|from neighbou?ring)\s+(?:the\s+)?$/i.test(before) ||
    /\b(?:refugees|migrants|asylum[- ]seekers|exiles|immigrants|nationals|citizens|pilgrims|returnees|deportees|workers)\s+(?:who\s+(?:had\s+)?fled\s+)?from\s+(?:the\s+)?$/i.test(before)
  );
}

/** A figure, maybe with its noun, right before "in <place>": "two in Mombasa", "five villagers at". */
const COUNT_BEFORE_PLACE = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|dozens?|scores)(?:\s+(?:more|others|people|civilians|protesters|soldiers|villagers|persons)){0,2}\s+(?:in|at)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$/i;

/** Between a figure and the place it is told for: "three protesters in Nairobi", "12 at the market in Gao". */
const FIGURE_PLACE = /^[\s,]*(?:were |was )?(?:(?:killed|dead|injured|wounded|died)\s+)?(?:in|at|near|outside|around)\s+(?:the\s+)?(?:(?:town|city|village|district|province|state|region|area|camp)\s+of\s+)?$/i;

function usableDate(d: DateMention, ref: string): boolean {
  if (d.background || d.future || d.publication) return false;
  const diff = daysBetween(ref, d.date);
  // A date written out ("Between January 2 and 4, 2025") may date a report's news up to two
  // months back; a relative one ("last Tuesday") only the last three weeks.
  const window = !d.relative && d.time_precision <= 2 ? WRITTEN_DATE_DAYS : RECENT_DAYS;
  return diff >= -1 && diff <= window;
}

const STATE_KINDS = new Set(['military', 'police', 'state_other']);
const ARMED_KINDS = new Set(['rebel', 'political_militia', 'identity_militia', 'unidentified_armed', 'external']);

interface ChosenActor {
  name: string;
  inter: InterCode;
  mention: ActorMention | null;
}

function fromMention(m: ActorMention | undefined): ChosenActor | null {
  return m ? { name: m.actor, inter: m.inter, mention: m } : null;
}

function generic(name: string, inter: InterCode): ChosenActor {
  return { name, inter, mention: null };
}

/** Pick actor1 (who acts) and actor2 (its target) for an event, with ACLED's defaults. */
function chooseActors(sub: SubEventType, mentions: ActorMention[], trigger: Cue, claims: Claim[], country: string): [ChosenActor | null, ChosenActor | null] {
  // Those only speaking ("…, police said") are sources, not parties, unless the clause makes them act or suffer.
  const parties = mentions.filter((m) => !(m.speaker && !m.role_hint && !m.claimed));
  const uniq = parties.filter((m, i) => parties.findIndex((o) => o.actor === m.actor) === i);
  const KIND_ORDER = ['military', 'police', 'rebel', 'political_militia', 'identity_militia', 'external', 'unidentified_armed', 'state_other'];
  const named = (kinds: Set<string>) =>
    uniq
      .filter((m) => kinds.has(m.kind))
      .sort((a, b) => Number(a.generic) - Number(b.generic) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const claimed = uniq.find((m) => m.claimed);
  const agents = uniq.filter((m) => m.role_hint === 'agent');
  const state = named(STATE_KINDS);
  const armed = named(ARMED_KINDS);
  const civ = uniq.filter((m) => m.kind === 'civilians');
  const protesters = uniq.find((m) => m.kind === 'protesters');
  const rioters = uniq.find((m) => m.kind === 'rioters');
  const name = (template: string) => renderActorName(template, country);
  // A "Government of X" mention is not its forces: the defaults below name the forces instead.
  const forces = state.filter((m) => m.kind !== 'state_other');
  const military = () => fromMention(forces.find((m) => m.kind === 'military')) ?? fromMention(forces[0]) ?? generic(name('Military Forces of {the_country}'), 1);
  const police = () => fromMention(forces.find((m) => m.kind === 'police')) ?? fromMention(forces[0]) ?? generic(name('Police Forces of {the_country}'), 1);
  const unidentified = () => generic(name('Unidentified Armed Group ({country})'), 3);
  const civilians = () => fromMention(civ[0]) ?? generic(name('Civilians ({country})'), 7);
  // The state's fighting arm: a government named in a battle is its forces ("government offices").
  const fighting = () => fromMention(forces[0]);
  const nonState = () => fromMention(claimed && ARMED_KINDS.has(claimed.kind) ? claimed : undefined) ?? fromMention(armed[0]);
  const civilianVictims = claims.some((c) => c.kind === 'killed' && c.victims === 'civilians') || civ.length > 0;
  const type = eventTypeOf(sub);

  switch (sub) {
    case 'Peaceful protest':
      return [fromMention(protesters) ?? generic(name('Protesters ({country})'), 6), null];
    case 'Protest with intervention':
    case 'Excessive force against protesters':
      return [fromMention(protesters) ?? generic(name('Protesters ({country})'), 6), police()];
    case 'Violent demonstration':
      return [fromMention(rioters) ?? generic(name('Rioters ({country})'), 5), state.length ? fromMention(state[0]) : null];
    case 'Mob violence': {
      // a mob's victim may be a policeman or soldier ("a policeman was stabbed to death by a mob")
      const stateVictim = uniq.find((m) => STATE_KINDS.has(m.kind) && m.kind !== 'state_other' && m.role_hint === 'patient');
      return [fromMention(rioters) ?? generic(name('Rioters ({country})'), 5), fromMention(stateVictim) ?? civilians()];
    }
    case 'Arrests':
      return [police(), fromMention(uniq.find((m) => !STATE_KINDS.has(m.kind))) ?? civilians()];
    case 'Government regains territory':
      return [military(), nonState() ?? null];
    case 'Non-state actor overtakes territory':
      return [nonState() ?? unidentified(), fighting() ?? military()];
    case 'Agreement': {
      // The named parties first; "the government" or "rebels" when that is all the text says.
      const parties = [...uniq.filter((m) => !m.generic), ...uniq.filter((m) => m.generic && m.kind !== 'civilians')];
      return [fromMention(parties[0]) ?? null, fromMention(parties[1]) ?? null];
    }
    default:
      break;
  }
  if (type === 'Violence against civilians') {
    const a1 = nonState() ?? fromMention(agents.find((m) => m.kind !== 'civilians')) ?? fromMention(state[0]) ?? unidentified();
    return [a1, civilians()];
  }
  if (type === 'Battles') {
    const ns = nonState();
    const agentFirst = fromMention(agents.find((m) => m.kind !== 'civilians'));
    if (ns && (!agentFirst || ARMED_KINDS.has(agentFirst.mention!.kind))) {
      const other = armed.find((m) => m.actor !== ns.name);
      return [ns, fighting() ?? (other ? fromMention(other) : military())];
    }
    if (state.length) {
      const first = fighting() ?? fromMention(state[0])!;
      // two states' forces ("Ukrainian forces repelled Russian assaults"): the other state is the enemy
      const enemy = forces.find((m) => m.actor !== first.name && m.country !== first.mention?.country);
      return [first, ns ?? (enemy ? fromMention(enemy) : unidentified())];
    }
    return [ns ?? unidentified(), military()];
  }
  if (type === 'Explosions/Remote violence') {
    const remote = sub === 'Air/drone strike' || sub === 'Shelling/artillery/missile attack';
    const ns = nonState();
    let a1: ChosenActor | null;
    // Aircraft and drones are states' (a named claimant still wins); artillery may be anyone's.
    // (with no force acting in the text, a military that speaks of the strike is likely its own:
    // "an air strike killed five in Khan Younis, the Israeli military said")
    const speakingMilitary = fromMention(mentions.find((m) => m.speaker && m.kind === 'military' && m.country_source !== 'context'));
    // a state named in the text ("Israeli jets") before one only assumed from the report's country ("an air strike")
    const namedState = fromMention(state.find((m) => !m.generic || m.country_source === 'text'));
    if (sub === 'Air/drone strike') a1 = (claimed ? fromMention(claimed) : null) ?? fromMention(uniq.find((m) => m.kind === 'external')) ?? namedState ?? speakingMilitary ?? fromMention(state[0]) ?? fromMention(agents.find((m) => m.kind !== 'civilians')) ?? ns ?? military();
    else if (remote) a1 = fromMention(agents.find((m) => m.kind !== 'civilians')) ?? fromMention(state[0]) ?? ns ?? military();
    // chemical weapons are dropped from states' aircraft far more often than not ("government
    // helicopters dropped chlorine"): a state's forces named, not as the victims, before any group
    else if (sub === 'Chemical weapon')
      a1 = (claimed ? fromMention(claimed) : null) ?? fromMention(state.find((m) => (!m.generic || m.country_source === 'text') && m.role_hint !== 'patient')) ?? ns ?? fromMention(agents.find((m) => m.kind !== 'civilians')) ?? unidentified();
    // (a bomb is an armed group's, hardly a foreign force's: "detonated by insurgents, according
    // to findings released by ISAF" is the insurgents')
    else a1 = ns && ns.mention?.kind !== 'external' ? ns : (fromMention(armed.find((m) => m.kind !== 'external')) ?? ns ?? fromMention(agents.find((m) => m.kind !== 'civilians')) ?? unidentified());
    const target = civilianVictims ? civilians() : (fromMention(uniq.find((m) => m.actor !== a1?.name && m.kind !== 'civilians')) ?? null);
    return [a1, target];
  }
  // A base is set up by a force: the state's or a group's, even one named only as speaking
  // ("the army chief … broke ground for a base and said …").
  if (sub === 'Headquarters or base established') {
    const force = (m: ActorMention) => m.kind !== 'state_other' && (STATE_KINDS.has(m.kind) || ARMED_KINDS.has(m.kind));
    return [fromMention(claimed ?? agents.find(force) ?? uniq.find(force) ?? mentions.find(force)) ?? null, null];
  }
  // Property is looted or destroyed by an armed or state actor when one is named; civilians
  // named are whose property it was ("a farmer said settlers tore out his olive trees").
  if (sub === 'Looting/property destruction') {
    const doer = nonState() ?? fromMention(agents.find((m) => m.kind !== 'civilians')) ?? fromMention(forces[0]) ?? fromMention(uniq.find((m) => m.kind !== 'civilians'));
    if (doer) return [doer, civ.length ? civilians() : (fromMention(uniq.find((m) => m.actor !== doer.name)) ?? null)];
  }
  // Other strategic developments: the first actor acts, the second is acted on.
  const first = fromMention(claimed ?? agents[0] ?? uniq[0]);
  const second = fromMention(uniq.find((m) => m.actor !== first?.name));
  void trigger;
  return [first, second];
}

let notesTemplates: Record<string, string> | null = null;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One-sentence ACLED-style summary generated from the fields (never from raw report text). */
export function notesFor(e: Pick<SitrepEvent, 'event_date' | 'time_precision' | 'sub_event_type' | 'actor1' | 'actor2' | 'location' | 'admin1' | 'country' | 'fatalities'>): string {
  notesTemplates ??= readDataJson<Record<string, string>>('lexicons', 'notes.json');
  const [y, m, d] = e.event_date.split('-').map(Number) as [number, number, number];
  const when = e.time_precision === 1 ? `On ${d} ${MONTH_NAMES[m - 1]} ${y}` : e.time_precision === 2 ? `In the week of ${d} ${MONTH_NAMES[m - 1]} ${y}` : `In ${MONTH_NAMES[m - 1]} ${y}`;
  let phrase = notesTemplates[e.sub_event_type] ?? '{a1} was involved in an event';
  phrase = phrase.replace('{a1}', e.actor1 ?? 'unidentified actors');
  phrase = e.actor2 ? phrase.replace('{a2}', e.actor2) : phrase.replace(/ (?:against|with|at|from|of|by|held by)? ?\{a2\}/, '').replace('{a2}', 'authorities');
  const where = [e.location, e.admin1, e.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ');
  const toll = e.fatalities > 0 ? ` ${e.fatalities} fatalit${e.fatalities === 1 ? 'y' : 'ies'}.` : '';
  return `${when}, ${phrase} in ${where}.${toll}`;
}

/** Distance in km between two points, equirectangular (good to a few % below 100 km). */
function roughKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
  const y = (b.latitude - a.latitude) * rad;
  return 6371 * Math.sqrt(x * x + y * y);
}

/** How many days before the report's lead event an earlier episode of its story starts to be background. */
const EARLIER_EPISODE_DAYS = 7;
/**
 * A report's events without the earlier episodes of its own story: an event of the lead event's
 * type (Protests and Riots as one) in its country dated more than 7 days before it ("protests
 * have shaken the city since police shot a teenager on Aug. 9", "the sit-ins began on
 * 1 October"). The lead event is the one told first. Such episodes are the story's background:
 * each was news in its own day's reports, and told in passing here it is dated, placed and typed
 * loosely. Earlier events of another type are kept (an attack a week before a battle): in the
 * gold reports those are coded, the same-type ones optional. Input and output are in text
 * order; nothing else changes.
 */
export function withoutEarlierEpisodes(events: SitrepEvent[]): SitrepEvent[] {
  if (events.length < 2) return events;
  const lead = events.reduce((a, b) => ((b.evidence.event_type?.sentence ?? Infinity) < (a.evidence.event_type?.sentence ?? Infinity) ? b : a));
  const family = (t: SitrepEvent['event_type']) => (t === 'Riots' ? 'Protests' : t);
  const earlierEpisode = (e: SitrepEvent) =>
    e !== lead && family(e.event_type) === family(lead.event_type) && e.country === lead.country && daysBetween(lead.event_date, e.event_date) > EARLIER_EPISODE_DAYS;
  return events.filter((e) => !earlierEpisode(e));
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function spanOf(m: TextSpan | null | undefined): TextSpan | undefined {
  return m ? { sentence: m.sentence, start: m.start, end: m.end } : undefined;
}

/** Build events from mentions. Pure: the same input always gives the same events and ids. */
export function buildEvents(input: EventInput): SitrepEvent[] {
  const { doc, sentences, referenceDate: ref } = input;
  const lex = loadTriggerLexicon();
  const usable = sentences.filter((s) => !s.boilerplate);
  const cuesBySentence = new Map<number, Cue[]>();
  // A cue inside a name ("Liberation" in "Baloch Liberation Army", a place called "Fort Battle") is no cue.
  const namesOf = bySentence<TextSpan>([...input.actors.filter((a) => !a.generic), ...input.places]);
  for (const s of usable) {
    const names = namesOf(s);
    const insideName = (c: Cue) => names.some((n) => n.start <= c.start && c.end <= n.end && n.end - n.start > c.end - c.start);
    cuesBySentence.set(s.index, [...findCues(s.text, s.start, lex).filter((c) => !insideName(c)), ...placeTakenCues(doc.text, s, input.places)]);
  }

  // A place inside a group's name ("Islamic State West Africa Province") is not where anything happened.
  const namedActors = input.actors.filter((a) => !a.generic);
  const places = input.places.filter((p) => !namedActors.some((a) => a.start <= p.start && p.end <= a.end));
  const locationMentions = places.filter(
    (p) => p.place && p.role === 'location' && !namedAsElsewhere(doc.text, p) && !(input.country && p.place.kind === 'country' && p.place.country !== input.country),
  );
  const placesOf = bySentence(places);
  const datesOf = bySentence(input.dates);
  const actorsOf = bySentence(input.actors);
  const sentenceClaims = bySentence(input.claims);
  // A protest report: a strong protest word, or a sentence that reads as a demonstration on its
  // own ("the women chanted…", "young people threw stones…"); its crowd-control words then mean
  // an intervention ("riot police intervened and 40 women were arrested").
  // (not an undated aside past the lead told as a habit: "Baghdad has repeatedly protested
  // against Turkish strikes" is diplomacy)
  // (a news lead, the first two sentences of the body, tells the news even in the perfect)
  const leadSentences = new Set(usable.filter((x) => !x.heading).slice(0, 2).map((x) => x.index));
  const habitAside = (s: Sentence) => !leadSentences.has(s.index) && !s.heading && datesOf(s).length === 0 && HABIT.test(s.text);
  const strongProtest = usable.some((s) => !habitAside(s) && (cuesBySentence.get(s.index) ?? []).some((c) => c.category === 'protest' && c.weight >= 3));
  const docIsProtest =
    strongProtest ||
    usable.some((s) => !habitAside(s) && classifySentence(cuesBySentence.get(s.index) ?? [], actorsOf(s), sentenceClaims(s), { docIsProtest: false })?.sub_event_type === 'Peaceful protest');
  // Paragraph of each sentence: a place carried over from an earlier sentence stays in its paragraph.
  // Paragraph of each sentence (count of line breaks before it), in one pass over the text.
  const paragraphIndex = new Map<number, number>();
  {
    let breaks = 0;
    let pos = 0;
    for (const x of [...sentences].sort((a, b) => a.start - b.start)) {
      for (let k = doc.text.indexOf('\n', pos); k >= 0 && k < x.start; k = doc.text.indexOf('\n', k + 1)) {
        breaks++;
        pos = k + 1;
      }
      paragraphIndex.set(x.index, breaks);
    }
  }
  const paragraphOf = (s: Sentence) => paragraphIndex.get(s.index) ?? 0;
  const sentenceOf = new Map(sentences.map((x) => [x.index, x]));

  interface Pending {
    s: Sentence;
    cls: SentenceClass;
    sPlaces: PlaceMention[];
    current: PlaceMention | null;
    date: DateMention | null;
    actors: ActorMention[];
    claims: Claim[];
  }
  const pending: Pending[] = [];
  let current: PlaceMention | null = null;
  // the place of the last event sentence, across paragraphs (for sentences referring back to it)
  let lastEventPlace: PlaceMention | null = null;
  let firstEventPlace: PlaceMention | null = null;
  let currentParagraph = -1;
  // the last sentence dropped whole as background (an earlier event): "those clashes" right after it are its
  let backgroundSentence = -2;
  for (const s of usable) {
    // "Dozens were killed in those clashes", right after a sentence telling an earlier campaign:
    // more of that campaign, not an event of the report
    if (backgroundSentence === s.index - 1 && THOSE_EVENTS.test(s.text) && !datesOf(s).some((d) => !d.background && !d.publication)) {
      backgroundSentence = s.index;
      continue;
    }
    // A foreign country named alone in a sentence ("a deal with Britain", "aid from Japan") is
    // rarely where the report's event happened: it does not place the sentence's event.
    // …nor a place in a relative clause that tells an older event ("the Houthis, who seized Sanaa
    // in 2014, say …"): it is where that was
    const olderClauses = relativeClauses(doc.text, s).filter(([a, b]) => datesOf(s).some((d) => d.background && d.start >= a && d.end <= b));
    const inOlderClause = (p: PlaceMention) => olderClauses.some(([a, b]) => p.start >= a && p.end <= b);
    const namedAll = placesOf(s).filter((p) => !(input.country && p.place?.kind === 'country' && p.place.country !== input.country) && !namedAsElsewhere(doc.text, p) && !inOlderClause(p));
    // …nor a place named as a bearing for another ("the town, south-east of Idlib city"), when
    // the sentence names another place or follows one told already
    // (and the town a named quarter is told to be part of: "at Tafo, a suburb of Kumasi", when
    // the sentence names the quarter itself)
    const otherNamed = (xs: PlaceMention[]) => namedAll.some((p) => p.place && p.role === 'location' && !xs.includes(p));
    const wholes = namedAll.filter((p) => PART_OF_BEFORE.test(doc.text.slice(Math.max(0, p.start - 50), p.start)));
    const bearings = [...namedAll.filter((p) => BEARING_BEFORE.test(doc.text.slice(Math.max(0, p.start - 50), p.start))), ...(otherNamed(wholes) ? wholes : [])];
    // …nor a place in a clause telling what went on meanwhile, when no act is told there and the
    // sentence placed its act before it ("Badakhshan fighting leaves 10 dead as peace conference
    // meets in Moscow")
    const concurrent = CONCURRENT_CLAUSE.exec(s.text);
    const concurrentFrom = concurrent ? s.start + concurrent.index : Infinity;
    const sentenceCues = cuesBySentence.get(s.index) ?? [];
    const meanwhile =
      concurrent && sentenceCues.some((c) => c.start < concurrentFrom) && !sentenceCues.some((c) => c.start >= concurrentFrom) && namedAll.some((p) => p.place && p.role === 'location' && p.start < concurrentFrom)
        ? namedAll.filter((p) => p.start >= concurrentFrom)
        : [];
    const named: PlaceMention[] = (bearings.length && (current || otherNamed(bearings)) ? namedAll.filter((p) => !bearings.includes(p)) : namedAll).filter((p) => !meanwhile.includes(p));
    // "farmers marching from Punjab towards New Delhi": where they were headed is not where it
    // happened, when the sentence names another place
    // …nor, for a missile or drone, where it was launched from: it struck or was downed elsewhere
    const launchSites = new Set(named.filter((p) => p.place && p.role === 'location' && launchedFrom(doc.text, p.start)));
    // (a missile's or drone's destination is where it struck or was downed: "fired towards Jizan")
    const destination = (p: PlaceMention) => DESTINATION_BEFORE.test(doc.text.slice(Math.max(0, p.start - 30), p.start)) && !PROJECTILE_BEFORE.test(doc.text.slice(Math.max(0, p.start - 80), p.start));
    const notDestinations = named.filter((p) => !destination(p) && !launchSites.has(p));
    // (a sentence whose only place is a launch site tells of the event placed before it)
    const onlyLaunchSites = launchSites.size > 0 && named.every((p) => !p.place || p.role !== 'location' || launchSites.has(p));
    let sPlaces = onlyLaunchSites ? [] : sentencePlaces(doc, notDestinations.some((p) => p.place && p.role === 'location') ? notDestinations : named, input.country);
    const sDates = datesOf(s);
    const paragraph = paragraphOf(s);
    if (paragraph !== currentParagraph || s.heading) current = null;
    currentParagraph = paragraph;
    let cues = cuesBySentence.get(s.index) ?? [];
    // Background ("years ago", "an earlier campaign") drops the sentence, unless it stands in a
    // clause of its own: then only that clause goes.
    const dropped: OtherClause[] = [];
    const outside = (x: { start: number }) => !dropped.some((c) => c.start <= x.start && x.start < c.end);
    // (not when the span was read as the act's own date: "on Wednesday, two days after an attack")
    const bgSpan = backgroundSpan(s.text, lex);
    const bg = bgSpan && !sDates.some((d) => !d.background && d.start <= s.start + bgSpan[0] && d.end >= s.start + bgSpan[1]) ? bgSpan : null;
    if (bg) {
      // (a span of time may open its clause itself: "…marched on Tuesday, one day before the deal")
      const opensClause = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+) (?:days?|weeks?|months?|years?) (?:after|before|earlier)/i.test(s.text.slice(bg[0], bg[1]));
      // (opening the sentence, or following its dateline, it sets the time of what follows its
      // comma: "A day after Brown was laid to rest, about a hundred people marched on Tuesday")
      // (only "after": "A week earlier, on 10 November, …" tells the earlier event itself)
      const comma = opensClause && /after$/i.test(s.text.slice(bg[0], bg[1])) && /^(?:.{0,60}\s[-–—]{1,2}\s+)?\s*$/.test(s.text.slice(0, bg[0])) ? s.text.indexOf(',', bg[1]) : -1;
      const opening = comma > 0 && cues.every((c) => c.start - s.start > comma) ? { start: s.start + bg[0], end: s.start + comma } : null;
      const clause = opening ?? otherClause(doc.text, s, s.start + bg[0], cues, opensClause ? s.start + bg[1] : s.start + bg[0]);
      if (!clause) {
        backgroundSentence = s.index;
        continue;
      }
      dropped.push(clause);
      cues = cues.filter(outside);
    }
    // "gathered on Sunday to mark the anniversary of the genocide, in which 800,000 were killed":
    // what an anniversary remembers is not this sentence's event (the gathering may be).
    {
      const ann = ANNIVERSARY.exec(s.text);
      if (ann) {
        dropped.push({ start: s.start + ann.index, end: s.end });
        cues = cues.filter(outside);
      }
    }
    // "…to help root out banditry, kidnapping and cattle rustling": what an act is meant to stop is
    // no event of the sentence.
    {
      const purpose = PURPOSE_AGAINST.exec(s.text);
      if (purpose) {
        const from = s.start + purpose.index;
        // (to the clause's end: a comma before a new clause, not one in a list of crimes)
        const close = doc.text.slice(from, s.end).search(/;|,\s+(?:and\s+)?(?:after|as|when|while|before|since|but|which|who|where|following|in|on|at|with|said|says|according)\b/);
        dropped.push({ start: from, end: close >= 0 ? from + close : s.end });
        cues = cues.filter(outside);
      }
    }
    // ", one of the towns worst affected by the ambushes": an aside on what a place has suffered
    // (told elsewhere or long ago), not an event of this sentence.
    {
      const aside = AFFECTED_ASIDE.exec(s.text);
      if (aside) {
        dropped.push({ start: s.start + aside.index, end: s.start + aside.index + aside[0].length });
        cues = cues.filter(outside);
      }
    }
    // "…in fighting between the army and the RSF, including 12 civilians killed by shelling": what
    // the "including" aside tells is part of the event, not what kind of event it was.
    {
      const incl = /,\s*including\b/i.exec(s.text);
      const at = incl ? s.start + incl.index : -1;
      if (incl && cues.some((c) => c.end <= at) && cues.some((c) => c.start > at)) {
        const close = doc.text.slice(at + 1, s.end).search(/[,;]/);
        dropped.push({ start: at, end: close >= 0 ? at + 1 + close : s.end });
        cues = cues.filter(outside);
      }
    }
    // "Police arrested a suspect in connection with last week's bombing that killed 12": the
    // arrest is this sentence's event; the bombing it refers to is told here as its reason.
    {
      const arrest = cues.find((c) => c.category === 'arrest' && c.weight >= 2);
      const ref = arrest ? REFERRED_EVENT.exec(doc.text.slice(arrest.end, s.end)) : null;
      if (arrest && ref) {
        const start = arrest.end + ref.index;
        dropped.push({ start, end: s.end });
        cues = cues.filter(outside);
      }
    }
    // "The strike came amid an escalation … after a bombing in Ankara at the start of the month":
    // a sentence placing the report's event (referred back to) after another tells that other
    // as its cause; it is no event of this sentence.
    {
      const back = BACK_REFERENCE.test(s.text);
      const cause = back ? CAME_AFTER.exec(s.text) : null;
      if (cause) {
        dropped.push({ start: s.start + cause.index + cause[0].length, end: s.end });
        cues = cues.filter(outside);
      }
    }
    // "…more than two weeks of unrest that followed the fatal police shooting of …": the event a
    // clause names as what started the one told is its cause, not this sentence's event.
    {
      const cause = CAUSED_BY.exec(s.text);
      if (cause) {
        const from = s.start + cause.index + cause[0].length;
        const close = doc.text.slice(from, s.end).search(/[,;]/);
        dropped.push({ start: from, end: close >= 0 ? from + close : s.end });
        cues = cues.filter(outside);
      }
    }
    // An earlier event told as background: every date of the sentence is old (a dateline's date
    // does not count). Only old dates in a clause of their own: the sentence's event stands, what
    // that clause tells (an earlier attack and its toll) is dropped.
    // (nor a coming deadline the act is told against: "… its withdrawal ahead of a 31 December deadline")
    let eventDates = sDates.filter((d) => !d.publication && !((d.future || daysBetween(ref, d.date) < 0) && DEADLINE_BEFORE.test(doc.text.slice(Math.max(0, d.start - 40), d.start))));
    // A date weeks old in a clause of its own after the event words ("…the latest clashes came
    // after the school attack that killed 140 on Dec. 16") dates that clause only: it goes.
    for (const d of [...eventDates]) {
      if (daysBetween(ref, d.date) <= RECENT_DAYS) continue;
      const clause = otherClause(doc.text, s, d.start, cues);
      if (clause && eventDates.length > 0 && cues.some((c) => c.start < clause.start)) {
        dropped.push(clause);
        cues = cues.filter(outside);
        eventDates = eventDates.filter((x) => x !== d);
      }
    }
    if (eventDates.length > 0 && eventDates.every((d) => !usableDate(d, ref))) {
      const clauses = eventDates.map((d) => (d.future || daysBetween(ref, d.date) < 0 ? null : otherClause(doc.text, s, d.start, cues)));
      if (clauses.some((c) => c === null)) {
        backgroundSentence = s.index;
        continue;
      }
      dropped.push(...(clauses as OtherClause[]));
      cues = cues.filter(outside);
    }
    const carried = current;
    // "The march was organised by 100 Black Men of Metropolitan St. Louis": a sentence opening on
    // the event already told, with no day of its own, tells more of it, not of another place
    const backRef = BACK_REFERENCE.exec(s.text);
    // (only when it tells no other act: every cue lies in the words that refer back; a day told in
    // a clause already dropped as its cause does not date it: "The defection comes two weeks after
    // Machar returned to Juba on 26 April")
    // (the event the report leads with, not an aside told since: "The fighting came on the same
    // day that Russia hosted a conference in Moscow", after a sentence on other districts)
    // (a told event known only by its country or province is placed by this sentence: "The clash
    // broke out in Ab-e-Khora, in Baharak district" after a lead naming only the province)
    const toldEvent = firstEventPlace ?? lastEventPlace;
    const toldPlace = toldEvent && !isFine(toldEvent) ? toldEvent.place : null;
    const refinesTold =
      !!toldPlace && sPlaces.some((p) => p.place?.country === toldPlace.country && (toldPlace.kind === 'country' || p.place.admin1 === toldPlace.admin1));
    if (toldEvent && backRef && !refinesTold && sPlaces.length && cues.every((c) => c.end - s.start <= backRef[0].length) && !sDates.some((d) => usableDate(d, ref) && !d.reporting && outside(d)) && !sPlaces.some((p) => p.place?.id === toldEvent.place?.id)) {
      sPlaces = [];
      current = toldEvent;
    }
    if (sPlaces.length) current = sPlaces[0]!;
    const actors = actorsOf(s).filter(outside);
    let claims = sentenceClaims(s).filter((c) => !c.hypothetical && outside(c));
    let eventPlaces = sPlaces;
    // "rallied in London in solidarity with civilians killed in El Fasher": the places and deaths
    // of what a protest is about are not the protest's.
    const grievanceIn = grievanceAt(s.text, lex);
    let grievance = grievanceIn >= 0 && cues.some((c) => c.category === 'protest' && c.start - s.start < grievanceIn) ? s.start + grievanceIn : -1;
    // "In solidarity with civilians killed in Gaza, thousands rallied in Amman": a grievance opening
    // the sentence ends at its comma; what follows is the protest
    let grievanceEnd = s.end;
    if (grievance < 0 && grievanceIn >= 0 && grievanceIn <= 3) {
      const comma = s.text.indexOf(',', grievanceIn);
      if (comma > 0 && cues.some((c) => c.category === 'protest' && c.start - s.start > comma)) {
        grievance = s.start;
        grievanceEnd = s.start + comma;
      }
    }
    if (grievance >= 0 && grievanceEnd < s.end) {
      const inside = (x: { start: number }) => x.start >= grievance && x.start < grievanceEnd;
      claims = claims.filter((c) => !inside(c));
      cues = cues.filter((c) => !inside(c));
      const after = sentencePlaces(doc, placesOf(s).filter((p) => !inside(p)), null);
      if (after.length) eventPlaces = after;
    } else if (grievance >= 0) {
      claims = claims.filter((c) => c.start < grievance);
      const before = sentencePlaces(doc, placesOf(s).filter((p) => p.start < grievance), null);
      if (before.length) eventPlaces = before;
    }
    let cls = classifySentence(cues, actors, claims, { docIsProtest });
    if (!cls) continue;
    const statement = isStatement(s.text, lex);
    if (statement) cls = { ...cls, score: cls.score * 0.6 };
    // "police said on Monday" dates the saying; an event date in the same sentence wins.
    // (a day beats a span told in the same sentence: "…which has carried out attacks over the past
    // three weeks, killed four soldiers on Sunday")
    // In a sentence that reports speech, a date told before the speech words belongs to the act
    // ("shot dead two protesters on Sunday, a spokesman told reporters"); one after it, to the saying.
    lex.speech.lastIndex = 0;
    const speechAt = statement ? (lex.speech.exec(s.text)?.index ?? 0) + s.start : Infinity;
    // (and after the act's words: "activists on Monday issued a statement condemning the raids" dates the statement)
    // (a day told inside a relative clause without the act's words dates that clause: "Brown's
    // family, who buried him on Monday, …")
    const relative = relativeClauses(doc.text, s);
    const inOwnRelative = (d: DateMention) => relative.some(([a, b]) => d.start >= a && d.end <= b && !cues.some((c) => c.start >= a && c.end <= b));
    // (a date right after the act's words told after the speech words dates the act too: "called
    // on Khartoum to stop … after at least eight of those killed in Nyala on 31 July …")
    const actJustBefore = (d: DateMention) => cues.some((c) => c.start >= speechAt && c.end <= d.start && d.start - c.end <= 40);
    // (the day of a search for the victims is not the day they were taken: "were combing the
    // hills on Tuesday for 79 schoolchildren snatched from their school")
    const datesSearch = (d: DateMention) =>
      d.end <= cls.trigger.start && SEARCH_BEFORE.test(doc.text.slice(Math.max(s.start, d.start - 60), d.start)) && /^\s*,?\s*for\b/i.test(doc.text.slice(d.end, cls.trigger.start));
    const usableHere = eventDates.filter(
      (d) => usableDate(d, ref) && !d.reporting && outside(d) && !inOwnRelative(d) && !datesSearch(d) && (!statement || (d.end <= speechAt && cues.some((c) => c.end <= d.start)) || actJustBefore(d)),
    );
    // Of several days in the sentence, the one told nearest the act's words ("funerals were held
    // on Monday for two men killed when a drone struck on Saturday night": Saturday)
    const byDay = usableHere.filter((d) => d.time_precision === 1);
    // (a day told before "after <the act>" dates what followed it: "still airing out homes on
    // Tuesday after what residents describe as a chlorine attack on Monday night")
    // (…or what someone described did: "police were hunting on Tuesday for whoever hurled a
    // grenade into a bar on Sunday night": Sunday)
    // (…and "overnight", read from the publication day, gives way to a day the sentence names:
    // "woke up on Tuesday to the body of a man beaten to death overnight")
    const gap = (d: DateMention) =>
      Math.max(0, d.start - cls.trigger.end, cls.trigger.start - d.end) +
      (d.end <= cls.trigger.start && /\b(?:after|who|whoever|whom)\b/i.test(doc.text.slice(d.end, cls.trigger.start)) ? 10_000 : 0) +
      (isOvernight(d) ? 20_000 : 0);
    const date = (byDay.length > 1 ? [...byDay].sort((a, b) => gap(a) - gap(b) || a.start - b.start)[0] : byDay[0]) ?? usableHere[0] ?? null;
    pending.push({ s, cls, sPlaces: eventPlaces, current: sPlaces.length ? carried : current, date, actors, claims });
    if (eventPlaces.length) lastEventPlace = eventPlaces[0]!;
    firstEventPlace ??= eventPlaces.find(isFine) ?? null;
  }
  // A running total ("More than 1,300 people have died", "well over 200 members have been
  // killed since 2020") in a sentence naming no place and no date is the conflict's toll, not
  // this report's event, when other sentences name where or when the event happened.
  // (a country or province named in passing does not make it an event's place; a news lead,
  // the first two sentences of the body, tells the news even in the present perfect)
  if (pending.some((p) => p.sPlaces.some(isFine) || p.date)) {
    for (let k = pending.length - 1; k >= 0; k--) {
      const p = pending[k]!;
      if (p.sPlaces.some(isFine) || p.date || leadSentences.has(p.s.index)) continue;
      if (p.claims.some((c) => c.kind === 'killed' && RUNNING_TOTAL.test(doc.text.slice(Math.max(p.s.start, c.start - 10), Math.min(p.s.end, c.end + 40))))) pending.splice(k, 1);
    }
  }
  // The report's lead place: the fine place of its clearest event sentence that names one,
  // else its first fine place, else the coarsest-ranked named place, else the dateline.
  // (the news lead's sentences first, as for the lead date: "after MINUSMA left Kidal on October 31,
  // the army took the town", told further down, does not place the handover of the lead)
  const leads = (p: { s: Sentence }) => Number(leadSentences.has(p.s.index) || !!p.s.heading);
  const byClarity = [...pending].filter((p) => p.sPlaces.some(isFine)).sort((a, b) => leads(b) - leads(a) || b.cls.score - a.cls.score || a.s.index - b.s.index);
  // (the body before the headline where it names a place in the headline's province: "mob
  // killing in Kumasi suburb" over "at Tafo, a suburb of Kumasi")
  const headlineLead = byClarity[0]?.s.heading ? byClarity[0].sPlaces.find(isFine)!.place! : null;
  const bodyLead = byClarity.find((p) => !p.s.heading);
  const bodyPlace = bodyLead?.sPlaces.find(isFine)?.place;
  const bodyRefines = !!headlineLead && !!bodyPlace && bodyLead!.cls.score >= byClarity[0]!.cls.score && bodyPlace.country === headlineLead.country && !!bodyPlace.admin1 && bodyPlace.admin1 === headlineLead.admin1;
  const leadFromEvents = (bodyRefines ? bodyLead : byClarity[0])?.sPlaces.find(isFine);
  // (else a province an event sentence names, before a town named only in passing elsewhere:
  // "a new faction has emerged in Northern Bahr el Ghazal" over "Machar returned to Juba")
  // (a district before a province)
  const eventProvince = [...pending]
    .sort((a, b) => b.cls.score - a.cls.score || a.s.index - b.s.index)
    .flatMap((p) => p.sPlaces.filter((m) => m.place && (m.place.kind === 'admin1' || m.place.kind === 'admin2')))
    .sort((a, b) => KIND_RANK[a.place!.kind]! - KIND_RANK[b.place!.kind]!)[0];
  const firstFine = [...locationMentions].filter(isFine).sort((a, b) => a.start - b.start)[0];
  // (a town inside that province refines it: "in the Chikun district" after "in Kaduna State")
  const fineInside = !!firstFine && !!eventProvince && firstFine.place!.country === eventProvince.place!.country && firstFine.place!.admin1 === eventProvince.place!.admin1;
  const leadPlace =
    leadFromEvents ??
    (eventProvince && !fineInside ? eventProvince : undefined) ??
    firstFine ??
    [...locationMentions].sort((a, b) => KIND_RANK[a.place!.kind]! - KIND_RANK[b.place!.kind]! || a.start - b.start)[0] ??
    places.find((p) => p.place && p.role === 'dateline') ??
    null;
  let leadDate: DateMention | null = null;
  const candidates: Candidate[] = [];
  for (const p of pending) {
    const eventPlaces: (PlaceMention | null)[] = p.sPlaces.length ? p.sPlaces : [p.current ?? leadPlace];
    for (const place of eventPlaces) {
      candidates.push({ cls: p.cls, sentence: p.s, place, explicitPlace: p.sPlaces.length > 0, date: p.date, actors: p.actors, claims: p.claims });
    }
  }
  if (candidates.length === 0) return [];

  // Group candidates: one event per place per day.
  // The report's own date for sentences without one: the date of its clearest dated event
  // sentence (a scene-setting "after cattle were stolen on Tuesday" should not date the ambush);
  // with no dated event sentence, the reference date.
  // (one of the news lead's first, before a clearer one told further down: "Earlier handovers have
  // been contested: … took the town on November 14" does not date the handover of the lead)
  const inLead = (c: Candidate) => leadSentences.has(c.sentence.index) || !!c.sentence.heading;
  const dated = candidates.filter((c) => c.date).sort((a, b) => Number(inLead(b)) - Number(inLead(a)) || b.cls.score - a.cls.score || a.sentence.index - b.sentence.index)[0];
  leadDate = dated?.date ?? null;
  if (!leadDate) {
    // No event sentence is dated: a date told on its own ("the incident happened on Tuesday,
    // May 31") within the week before publication, outside statements and boilerplate.
    leadDate =
      input.dates
        .filter((d) => usableDate(d, ref) && !d.reporting && daysBetween(ref, d.date) <= 7)
        .filter((d) => {
          const x = sentenceOf.get(d.sentence);
          return x && !x.boilerplate && !isStatement(x.text, lex);
        })
        .sort((a, b) => a.start - b.start)[0] ?? null;
  }
  if (!leadDate) {
    // Nor on its own: the day a source spoke of it ("the army chief, speaking at the ceremony on
    // Tuesday, said …"), within the week before publication, bounds it closer than publication.
    leadDate =
      input.dates
        .filter((d) => usableDate(d, ref) && d.time_precision === 1 && daysBetween(ref, d.date) <= 7)
        .filter((d) => !sentenceOf.get(d.sentence)?.boilerplate)
        .sort((a, b) => a.start - b.start)[0] ?? null;
  }
  const defaultDate = leadDate;
  const groups = new Map<string, Group>();
  // An undated sentence about a place that a dated sentence also names (a headline over its
  // lead) takes that sentence's date, not the report's lead date from another place.
  const datedAt = new Map<string, DateMention>();
  for (const c of [...candidates].filter((x) => x.date && x.place?.place).sort((a, b) => b.cls.score - a.cls.score || a.sentence.index - b.sentence.index)) {
    const k = `${c.place!.place!.kind}:${c.place!.place!.id}`;
    if (!datedAt.has(k)) datedAt.set(k, c.date!);
  }
  for (const c of candidates) {
    const samePlace = c.place?.place ? datedAt.get(`${c.place.place.kind}:${c.place.place.id}`) : undefined;
    const dm = c.date ?? samePlace ?? defaultDate;
    const date = dm?.date ?? ref;
    const tp: TimePrecision = dm?.time_precision ?? 1;
    const placeKey = c.place?.place ? `${c.place.place.kind}:${c.place.place.id}` : 'none';
    const key = `${placeKey}|${date}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, members: [], place: c.place, date, time_precision: tp, dateMention: dm };
      groups.set(key, g);
    }
    g.members.push(c);
    if (!g.dateMention && dm) g.dateMention = dm;
  }

  // A district named beside a town inside it, the same day ("in Buterere quarter (Ntahangwa
  // commune)", datelined from the city): one event, at the town.
  for (const g of [...groups.values()]) {
    const d = g.place?.place;
    if (!d || d.kind !== 'admin2') continue;
    const town = [...groups.values()].find(
      // (a town told only in the headline does not absorb the district the body names)
      (o) => o !== g && o.place?.place?.kind === 'place' && o.date === g.date && o.place.place.admin1 === d.admin1 && roughKm(o.place.place, d) <= 15 && o.members.some((m) => !m.sentence.heading),
    );
    if (town) {
      town.members.push(...movedMembers(g));
      groups.delete(g.key);
    }
  }
  // A headline's place and the body's place in the same province on the same day ("Gunmen kill 5
  // in Kaduna" over "…killed five villagers in Kajuru, Kaduna State"): the body tells where.
  // Likewise when the body tells exactly one such event in the country that day ("Roadside bomb
  // kills four north of Baghdad" over the Tarmiyah blast; "…in south Lebanon" over Bint Jbeil).
  for (const g of [...groups.values()]) {
    if (!g.members.every((m) => m.sentence.heading) || !g.place?.place) continue;
    const p = g.place.place;
    const family = g.members[0]!.cls.family;
    const bodies = [...groups.values()].filter(
      (o) => o !== g && o.date === g.date && o.place?.place && o.place.place.id !== p.id && o.place.place.country === p.country &&
        o.members.some((m) => !m.sentence.heading && m.cls.family === family),
    );
    const sameProvince = bodies.find((o) => !!p.admin1 && o.place!.place!.admin1 === p.admin1);
    const body = sameProvince ?? (bodies.length === 1 ? bodies[0] : undefined);
    if (body) {
      body.members.push(...movedMembers(g));
      groups.delete(g.key);
    }
  }
  // A site named for a town ("blocked the road at the Tole junction") near another place of an
  // event of the same kind that day is part of that event: the site lies away from its town.
  for (const g of [...groups.values()]) {
    const p = g.place;
    if (!p?.site || !p.place) continue;
    const family = g.members[0]!.cls.family;
    const host = [...groups.values()].find(
      (o) => o !== g && !o.place?.site && (o.place?.place?.kind === 'place' || o.place?.place?.kind === 'admin2') && o.date === g.date && o.place.place.country === p.place!.country && roughKm(o.place.place, p.place!) <= 30 && o.members.some((m) => m.cls.family === family),
    );
    if (host) {
      host.members.push(...movedMembers(g));
      groups.delete(g.key);
    }
  }
  /** Moves a group's members into the first other group at its very place that `fits`, and drops it. */
  const foldAtSamePlace = (g: Group, fits: (o: Group) => boolean): void => {
    const host = [...groups.values()].find((o) => o !== g && o.place?.place?.id === g.place!.place!.id && o.place.place.kind === g.place!.place!.kind && fits(o));
    if (!host) return;
    host.members.push(...g.members);
    groups.delete(g.key);
  };
  // A week told loosely ("earlier this week") and a day inside it at the same place, for the same
  // kind of event ("The violence took place late on Monday, 28 October"): one event, on that day.
  for (const g of [...groups.values()]) {
    // (a week or month told relatively, not a written span: "from 17 to 23 January" is days of protest)
    // (a month is too loose: "looting earlier this month" is another night than the march)
    if (g.time_precision !== 2 || !g.place?.place || !g.dateMention?.relative) continue;
    const family = g.members[0]!.cls.family;
    foldAtSamePlace(g, (o) => o.time_precision === 1 && o.members.some((m) => m.cls.family === family) && Math.abs(daysBetween(o.date, g.date)) <= 7 && daysBetween(o.date, ref) <= 0);
  }
  // "Overnight" read from the publication day, beside the same kind of event at the same place
  // on a day told a few days before ("broke up a sit-in in Karbala overnight" in a report
  // published days after "on 28 October"): the written day is when it happened.
  for (const g of [...groups.values()]) {
    if (!g.place?.place || !isOvernight(g.dateMention)) continue;
    const family = g.members[0]!.cls.family;
    // (a weekday counts as written out: "in the early hours of Thursday" beside a headline's "overnight")
    foldAtSamePlace(g, (o) => o.time_precision === 1 && !isOvernight(o.dateMention) && o.members.some((m) => m.cls.family === family) && daysBetween(g.date, o.date) > 0 && daysBetween(g.date, o.date) <= 3);
  }
  // A step told in the past perfect a few days before another event of its kind at the same
  // place ("The graves had been uncovered on Sunday" beside the remains recovered on Monday):
  // the earlier step of that event, not an event of its own.
  for (const g of [...groups.values()]) {
    if (!g.place?.place || !g.members.every((m) => PAST_PERFECT.test(m.sentence.text))) continue;
    const sub = g.members[0]!.cls.sub_event_type;
    foldAtSamePlace(g, (o) => o.members.some((m) => m.cls.sub_event_type === sub && !PAST_PERFECT.test(m.sentence.text)) && daysBetween(o.date, g.date) > 0 && daysBetween(o.date, g.date) <= 3);
  }
  // Fold coarse groups (province / country / no place) into a fine one of the nearest day within
  // a week (same country; same province when the coarse one names a province). Coarse groups
  // left over become one event per country: a report rarely tells two events apart only by date
  // without naming any place.
  const all = [...groups.values()];
  const fine = all.filter((g) => g.place && isFine(g.place));
  for (const g of all) {
    if (g.place && isFine(g.place)) continue;
    const host = fine
      .filter((f) => Math.abs(daysBetween(f.date, g.date)) <= 7)
      .filter((f) => !g.place?.place || f.place!.place!.iso2 === g.place.place.iso2)
      .filter((f) => !g.place?.place || g.place.place.kind !== 'admin1' || f.place!.place!.admin1 === g.place.place.admin1)
      .sort((a, b) => Math.abs(daysBetween(a.date, g.date)) - Math.abs(daysBetween(b.date, g.date)) || b.members.length - a.members.length)[0];
    if (host) {
      host.members.push(...movedMembers(g));
      groups.delete(g.key);
    }
  }
  const coarse = [...groups.values()].filter((g) => !(g.place && isFine(g.place)));
  for (const g of coarse) {
    // Two named provinces stay apart; a country-level (or unplaced) group joins another of its country.
    const countryLevel = (x: Group) => !x.place?.place || x.place.place.kind === 'country';
    const sameCountry = coarse.find(
      (o) =>
        o !== g &&
        groups.has(o.key) &&
        (o.place?.place?.iso2 ?? null) === (g.place?.place?.iso2 ?? null) &&
        (countryLevel(o) || countryLevel(g)),
    );
    if (sameCountry && groups.has(g.key)) {
      const datedScore = (x: Group) => Math.max(0, ...x.members.filter((m) => m.date).map((m) => m.cls.score));
      const [keep, drop] =
        datedScore(sameCountry) > datedScore(g) || (datedScore(sameCountry) === datedScore(g) && sameCountry.members.length >= g.members.length)
          ? [sameCountry, g]
          : [g, sameCountry];
      keep.members.push(...drop.members);
      // The merged event is placed at the finer of the two (a province beats the country).
      if (countryLevel(keep) && !countryLevel(drop)) keep.place = drop.place;
      groups.delete(drop.key);
    }
  }
  // A country-level event in another country than the report's is a mention of elsewhere
  // ("a similar attack in Israel last year"), not this report's news, when it has news of its own.
  if (input.country && [...groups.values()].some((g) => g.place?.place?.country === input.country)) {
    for (const g of [...groups.values()]) {
      const p = g.place?.place;
      if (p && p.kind === 'country' && p.country !== input.country) groups.delete(g.key);
    }
  }
  // A province- or country-level event beside events at named towns is usually context
  // ("the Jalisco cartel", "violence in the north"): kept only when clearly reported.
  // (beside a town event told at least as strongly: a weak sign carried to a town named in
  // passing does not make the province's clearly told event context)
  const strongestOf = (g: Group) => Math.max(...g.members.map((m) => m.cls.score));
  const fineStrength = Math.max(-Infinity, ...[...groups.values()].filter((g) => g.place && isFine(g.place)).map(strongestOf));
  for (const g of [...groups.values()]) {
    if (!(g.place && isFine(g.place)) && strongestOf(g) < 3 && fineStrength >= strongestOf(g)) groups.delete(g.key);
  }
  // An aside in the present perfect or told as a habit, with no day of its own and outside the
  // lead, about another place ("Longer-range missiles have also been fired at Riyadh", "among the
  // cities most often targeted"), is context when the report dates its news.
  // (per sentence, once: the group type's sort asks again and again)
  const asideSentence = new Map<number, boolean>();
  const aside = (m: Candidate) => {
    if (m.date || leadSentences.has(m.sentence.index)) return false;
    let v = asideSentence.get(m.sentence.index);
    if (v === undefined) asideSentence.set(m.sentence.index, (v = PERFECT_OR_HABIT.test(m.sentence.text) && !PERFECT_SPEECH.test(m.sentence.text)));
    return v;
  };
  if ([...groups.values()].some((g) => g.members.some((m) => m.date))) {
    for (const g of [...groups.values()]) if (g.members.every(aside)) groups.delete(g.key);
  }
  // Weak groups (a lone "killed", an "offensive") next to a clearly reported event are its echoes.
  const strength = (g: Group) => Math.max(...g.members.map((m) => m.cls.score));
  const strongest = Math.max(...[...groups.values()].map(strength));
  // (but not one told with its own place, day and dead: "killed six farmers near Gwoza on Sunday")
  const toldInFull = (g: Group) => g.members.some((m) => m.explicitPlace && m.date && m.claims.some((c) => c.kind === 'killed' && !c.vague && !c.negated && c.best > 0));
  for (const g of [...groups.values()]) {
    if (strongest >= 3 && strength(g) < MIN_SCORE_BESIDE_STRONG && !toldInFull(g)) groups.delete(g.key);
    // (nor a sign under a point, a lone "displaced", with no place of its own, beside an event
    // told with a full cue: it only lands at the report's default place)
    else if (strongest >= MIN_SCORE_BESIDE_STRONG && strength(g) < 1 && g.members.every((m) => !m.explicitPlace && !m.date)) groups.delete(g.key);
  }

  // ACLED codes one event per place, day, sub-event type and actor pair: a second kind of
  // political violence told strongly enough at the same place and day ("police fought the
  // bandits" beside the bandits' attack on the village) is an event of its own.
  const finalGroups: Group[] = [];
  const SPLIT_MIN = 3;
  for (const g of groups.values()) {
    finalGroups.push(g);
    const byType = new Map<string, Candidate[]>();
    for (const m of g.members) {
      if (m.cls.family !== 'violence') continue;
      const t = eventTypeOf(m.cls.sub_event_type);
      byType.set(t, [...(byType.get(t) ?? []), m]);
    }
    if (byType.size < 2) continue;
    const ranked = [...byType.entries()].sort((a, b) => Math.max(...b[1].map((m) => m.cls.score)) - Math.max(...a[1].map((m) => m.cls.score)));
    for (const [t, ms] of ranked.slice(1)) {
      if (Math.max(...ms.map((m) => m.cls.score)) < SPLIT_MIN || !ms.some((m) => m.explicitPlace)) continue;
      g.members = g.members.filter((m) => !ms.includes(m));
      finalGroups.push({ ...g, key: `${g.key}|${t}`, members: ms });
    }
  }
  // The one armed group the report names at least twice (and no other named armed group), if any.
  const namedArmed = new Map<string, { m: ActorMention; n: number }>();
  for (const a of input.actors) {
    // (a foreign force, "ISAF", "AMISOM", is no armed group the report's attacks default to)
    if (a.generic || !ARMED_KINDS.has(a.kind) || a.kind === 'unidentified_armed' || a.kind === 'external') continue;
    const e = namedArmed.get(a.actor);
    if (e) e.n++;
    else namedArmed.set(a.actor, { m: a, n: 1 });
  }
  // (not when the report says nobody claimed the attack: the group is then only suspected)
  const unclaimed = /\bno (?:group|one|organi[sz]ation|faction)\b[^.;]{0,40}?\b(?:claimed|took responsibility)\b|\bnot (?:yet |immediately )?(?:been )?claimed\b|\bunclaimed\b/i.test(doc.text);
  const dominantGroup = !unclaimed && namedArmed.size === 1 && [...namedArmed.values()][0]!.n >= 2 ? [...namedArmed.values()][0]!.m : null;
  // The one group the report says claimed the attack, told in a sentence of its own
  // ("Islamic State Khorasan later claimed responsibility"): ACLED codes the claimant as actor1.
  // (not a denial, a claim of some other attack, or a habit: "did not claim", "claimed an attack on
  // a convoy near Tillabéri", "has in the past claimed attacks")
  const claimSentenceOk = (a: ActorMention) => {
    const text = sentenceOf.get(a.sentence)?.text ?? '';
    if (/\b(?:not|never|denied|denies|deny|no)\b|\bin the past\b|\b(?:has|have) (?:previously |often |repeatedly )?claimed\b/i.test(text)) return false;
    return !input.places.some((p) => p.sentence === a.sentence && p.role === 'location' && p.place && p.place.kind !== 'country' && p.place.kind !== 'admin1');
  };
  const claimants = [...new Map(input.actors.filter((a) => a.claimed && !a.generic && ARMED_KINDS.has(a.kind) && claimSentenceOk(a)).map((a) => [a.actor, a])).values()];
  const claimant = !unclaimed && claimants.length === 1 ? claimants[0]! : null;
  if (process.env.SITREP_DEBUG_EVENTS) {
    for (const c of candidates) console.error(`cand s${c.sentence.index} ${c.cls.sub_event_type} ${c.cls.score} @${c.place?.place?.name ?? '-'}${c.explicitPlace ? '!' : ''} ${c.date?.date ?? '-'}`);
    for (const g of finalGroups) console.error(`group ${g.key} members ${g.members.map((m) => m.sentence.index).join(',')}`);
  }
  // Claims: a claim in a sentence whose place is named goes to that event; a claim whose place
  // was only carried over, in a report about several places, is a toll for all of them.
  const distinctPlaces = new Set(finalGroups.map((g) => g.place?.place?.id ?? 'none'));
  // A sentence naming several places: a figure followed by its place ("three in Nairobi and two
  // in Mombasa") belongs to that place; one told for them all ("attacks in A, B and C killed 18")
  // is split across their events.
  const sentencePlaceMentions = new Map<number, PlaceMention[]>();
  for (const c of candidates) {
    if (!c.explicitPlace || !c.place?.place) continue;
    const list = sentencePlaceMentions.get(c.sentence.index) ?? [];
    if (!list.some((p) => p.place!.id === c.place!.place!.id)) list.push(c.place);
    sentencePlaceMentions.set(c.sentence.index, list);
  }
  // semicolon offsets in the text, once: which clause a figure or a place is in
  const semicolons = [...doc.text.matchAll(/;/g)].map((m) => m.index!);
  const semicolonsBefore = (x: number) => {
    let n = 0;
    while (n < semicolons.length && semicolons[n]! < x) n++;
    return n;
  };
  const ownerOf = (cl: Claim, mentions: PlaceMention[]): number | null => {
    // a figure in a clause set off by semicolons belongs to that clause's place
    const semi = (x: number) => semicolonsBefore(x);
    const sameClause = mentions.filter((m) => semi(m.start) === semi(cl.start)).slice(-1);
    if (doc.text.slice(Math.min(cl.start, ...mentions.map((m) => m.start)), Math.max(cl.end, ...mentions.map((m) => m.end))).includes(';') && sameClause.length === 1) return sameClause[0]!.place!.id;
    for (const m of mentions) {
      if (m.start < cl.end || m.start - cl.end > 40) continue;
      if (FIGURE_PLACE.test(doc.text.slice(cl.end, m.start))) return m.place!.id;
    }
    return null;
  };
  // (a town and its province named together end in one event: then the sentence has one place)
  const groupsOfSentence = (sentence: number) => finalGroups.filter((g) => g.members.some((m) => m.sentence.index === sentence && m.explicitPlace)).length;
  const claimsOf = new Map<Group, Claim[]>();
  const pool: Claim[] = [];
  const shared = new Map<number, Claim[]>();
  const seenClaim = new Set<string>();
  for (const g of finalGroups) {
    const own: Claim[] = [];
    for (const c of g.members) {
      const several = c.explicitPlace && groupsOfSentence(c.sentence.index) > 1 ? sentencePlaceMentions.get(c.sentence.index) ?? [] : [];
      for (const cl of c.claims) {
        const id = `${cl.start}:${cl.end}:${cl.kind}`;
        if (several.length > 1) {
          const owner = ownerOf(cl, several);
          if (owner !== null) {
            if (owner === g.place?.place?.id && !own.includes(cl)) own.push(cl);
            continue;
          }
          if (seenClaim.has(id)) continue;
          seenClaim.add(id);
          shared.set(c.sentence.index, [...(shared.get(c.sentence.index) ?? []), cl]);
          continue;
        }
        if (seenClaim.has(id)) continue;
        seenClaim.add(id);
        if (!c.explicitPlace && distinctPlaces.size > 1) pool.push(cl);
        else own.push(cl);
      }
    }
    claimsOf.set(g, own);
  }
  const fatalities = new Map<Group, FatalityRange>();
  for (const g of finalGroups) fatalities.set(g, fatalitiesFromClaims(claimsOf.get(g)!));
  for (const [sentence, claims] of shared) {
    const sharers = finalGroups.filter((g) => g.members.some((m) => m.sentence.index === sentence && m.explicitPlace));
    if (sharers.length === 0) continue;
    const shares = splitToll(fatalitiesFromClaims(claims), sharers.length);
    sharers.forEach((g, i) => {
      const f = fatalities.get(g)!;
      const sh = shares[i]!;
      fatalities.set(g, { low: f.low + sh.low, best: f.best + sh.best, high: f.high + sh.high });
      claimsOf.get(g)!.push(...claims);
    });
  }
  if (pool.length) {
    const toll = fatalitiesFromClaims(pool);
    const specific = finalGroups.reduce((s, g) => s + fatalities.get(g)!.best, 0);
    const rest: FatalityRange = {
      low: Math.max(0, toll.low - specific),
      best: Math.max(0, toll.best - specific),
      high: Math.max(0, toll.high - specific),
    };
    // A toll is shared by the violent events it can cover, not by protests or arrests nearby.
    const violent = finalGroups.filter((g) => g.members.some((m) => m.cls.family === 'violence'));
    const sharers = violent.length ? violent : finalGroups;
    const shares = splitToll(rest, sharers.length);
    sharers.forEach((g, i) => {
      const f = fatalities.get(g)!;
      const sh = shares[i]!;
      fatalities.set(g, { low: f.low + sh.low, best: f.best + sh.best, high: f.high + sh.high });
      claimsOf.get(g)!.push(...pool);
    });
  }

  // An event placed only at its province, in a report that names exactly one town of that
  // province and no other event there ("a rescue worker in Sarmeen said … The opposition-held
  // town in Idlib province was hit"): the town is where, known less exactly (precision 2).
  for (const g of finalGroups) {
    const p = g.place?.place;
    if (!p || p.kind !== 'admin1' || finalGroups.some((o) => o !== g && o.place?.place?.admin1 === p.admin1 && o.place?.place?.country === p.country)) continue;
    const towns = input.places.filter((m) => m.role === 'location' && m.place && isFine(m) && m.place.country === p.country && m.place.admin1 === p.admin1);
    const distinct = towns.filter((m, i) => towns.findIndex((o) => o.place!.id === m.place!.id) === i);
    if (distinct.length === 1) g.place = { ...distinct[0]!, geo_precision: 2 };
  }
  const events: SitrepEvent[] = [];
  for (const g of finalGroups) {
    // The group's type: the strongest sentence, demonstrations taking the most severe form.
    // Sentences that name the place speak for it; carried-over ones only support.
    // (a country named in a sentence is no stronger a sign than none)
    // (a sentence naming the province a town lies in speaks for the event at the town too)
    // (a weak sign does not speak for it over a far stronger one: "troops deployed" in Duhok
    // province beside air strikes told at its village)
    const strongestHere = Math.max(...g.members.map((m) => m.cls.score));
    const named = (m: Candidate) => (m.explicitPlace || !!m.namedOwnPlace) && !!m.place?.place && m.place.place.kind !== 'country' && m.cls.score * 2 > strongestHere;
    // (an aside about the place, "Isa has been hit hard by kidnappings", does not decide what
    // happened there when something else is told)
    const ranked = [...g.members].sort(
      (a, b) => Number(aside(a)) - Number(aside(b)) || Number(named(b)) - Number(named(a)) || b.cls.score - a.cls.score || a.sentence.index - b.sentence.index,
    );
    let lead = ranked[0]!;
    // A missile or drone launched and then intercepted, nobody hurt: the interception is the
    // event (ACLED: Disrupted weapons use), however loudly the launch was claimed.
    const intercepted = g.members.find((m) => m.cls.sub_event_type === 'Disrupted weapons use');
    if (intercepted && (lead.cls.sub_event_type === 'Shelling/artillery/missile attack' || lead.cls.sub_event_type === 'Air/drone strike') && !g.members.some((m) => hurtSomeone(m.claims)))
      lead = intercepted;
    const demo = g.members.filter((m) => m.cls.family === 'demonstration');
    const demoScore = demo.reduce((s, m) => s + m.cls.score, 0);
    const otherScore = g.members.filter((m) => m.cls.family !== 'demonstration').reduce((s, m) => s + m.cls.score, 0);
    if (demo.length && docIsProtest && demoScore >= otherScore * 0.5) {
      const severity: SubEventType[] = ['Violent demonstration', 'Excessive force against protesters', 'Protest with intervention', 'Peaceful protest', 'Mob violence'];
      // A sentence that only calls the event violent ("the disturbances broke out") names no act
      // of the crowd: beside force named against the crowd, the force decides.
      const onlyCalledViolent = (m: Candidate) =>
        m.cls.sub_event_type === 'Violent demonstration' &&
        (cuesBySentence.get(m.sentence.index) ?? []).filter((c) => c.category === 'riot_violence').every((c) => isDescriptiveRiotCue(c, lex));
      const forced = demo.some((m) => m.cls.sub_event_type === 'Excessive force against protesters');
      const rank = (m: Candidate) => (forced && onlyCalledViolent(m) ? severity.indexOf('Protest with intervention') : severity.indexOf(m.cls.sub_event_type));
      lead = [...demo].sort((a, b) => rank(a) - rank(b))[0]!;
    }
    const sub = lead.cls.sub_event_type;
    const place = g.place?.place ?? input.countryPlace ?? null;
    const country = place?.country ?? input.country;
    if (!country) continue; // an event with no country cannot be placed at all
    // Mentions named for the report's main country are renamed for this event's country (inter 1 vs 8).
    // (the parties of what happened, not of an aside about the place: "the region has been
    // targeted by al-Qaeda-linked jihadists")
    const told = g.members.some((m) => !aside(m)) ? g.members.filter((m) => !aside(m)) : g.members;
    const mentions = told
      .flatMap((m) => m.actors)
      .sort((a, b) => a.start - b.start)
      .map((m) => (country !== input.country ? actorForCountry(m, country) : m));
    const claims = claimsOf.get(g)!;
    let [a1, a2] = chooseActors(sub, mentions, lead.cls.trigger, claims, country);
    // "Clashes between two rival gangs": both sides are that kind of group, not the state.
    // (unless the other side is named: "rival gangs Barrio 18 and MS-13 clashed")
    const otherSide = mentions.some((m) => ARMED_KINDS.has(m.kind) && m.actor !== a1?.name && !m.speaker);
    if (eventTypeOf(sub) === 'Battles' && a1 && a1.inter !== 1 && !otherSide && g.members.some((m) => RIVALS.test(m.sentence.text)) && !mentions.some((m) => STATE_KINDS.has(m.kind) && !m.speaker))
      a2 = { ...a1, mention: null };
    // "Militants attacked the jail" in a report about one named group's operation: the unnamed
    // attackers are that group (the report's only armed group named at least twice).
    if (dominantGroup && a1 && !a1.mention?.claimed && /^Unidentified Armed Group\b/.test(a1.name) && a2?.name !== dominantGroup.actor)
      a1 = { name: dominantGroup.actor, inter: dominantGroup.inter, mention: a1.mention };
    if (claimant && a1 && /^Unidentified Armed Group\b/.test(a1.name) && a2?.name !== claimant.actor && eventTypeOf(sub) !== 'Protests' && eventTypeOf(sub) !== 'Riots')
      a1 = { name: claimant.actor, inter: claimant.inter, mention: claimant };
    const f = fatalities.get(g)!;
    const geo_precision: GeoPrecision = g.place?.place
      ? g.place.place.kind === 'place'
        ? g.place.geo_precision
        : g.place.place.kind === 'admin2'
          ? 2
          : 3
      : 3;
    const evidence: Evidence = {
      event_type: { sentence: lead.sentence.index, start: lead.cls.trigger.start, end: lead.cls.trigger.end },
    };
    if (g.dateMention) evidence.event_date = spanOf(g.dateMention);
    if (a1?.mention) evidence.actor1 = spanOf(a1.mention);
    if (a2?.mention) evidence.actor2 = spanOf(a2.mention);
    if (g.place) evidence.location = spanOf(g.place);
    const death = claims.find((c) => c.kind === 'killed');
    if (death) evidence.fatalities = spanOf(death);
    const inter1 = a1?.inter ?? null;
    const inter2 = a2?.inter ?? null;
    const base = {
      event_date: g.date,
      time_precision: g.time_precision,
      sub_event_type: sub,
      actor1: a1?.name ?? null,
      actor2: a2?.name ?? null,
      location: place && place.kind !== 'country' ? place.name : null,
      admin1: place?.admin1 ?? (place?.kind === 'admin1' ? place.name : null),
      country,
      fatalities: f.best,
    };
    const event_id = createHash('sha1')
      .update([doc.docId, g.date, place?.id ?? country, sub].join('|'))
      .digest('hex')
      .slice(0, 16);
    const score = g.members.reduce((s, m) => Math.max(s, m.cls.score), 0);
    const confidence =
      Math.round(Math.min(1, 0.35 + 0.1 * score) * (geo_precision === 1 ? 1 : geo_precision === 2 ? 0.9 : 0.75) * (g.dateMention ? 1 : 0.85) * 100) / 100;
    events.push({
      event_id,
      doc_id: doc.docId,
      event_date: g.date,
      time_precision: g.time_precision,
      disorder_type: disorderTypeOf(sub),
      event_type: eventTypeOf(sub),
      sub_event_type: sub,
      actor1: base.actor1,
      assoc_actor_1: null,
      inter1,
      actor2: base.actor2,
      assoc_actor_2: null,
      inter2,
      interaction: interactionOf(inter1, inter2),
      civilian_targeting: civilianTargetingOf(sub, inter2),
      country,
      iso: place?.iso ?? null,
      admin1: base.admin1,
      admin2: place?.admin2 ?? (place?.kind === 'admin2' ? place.name : null),
      location: base.location ?? base.admin1 ?? null,
      latitude: place ? round4(place.latitude) : null,
      longitude: place ? round4(place.longitude) : null,
      geo_precision,
      fatalities: f.best,
      fatalities_low: f.low,
      fatalities_high: f.high,
      claims,
      evidence,
      notes: notesFor({ ...base, time_precision: g.time_precision }),
      confidence,
      source: doc.source,
    });
  }
  return withoutEarlierEpisodes(events);
}
