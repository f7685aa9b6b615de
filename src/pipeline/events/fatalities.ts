/**
 * Fatalities from casualty claims, by ACLED's published rules:
 * - deaths only (injured, abducted, arrested are not fatalities);
 * - the best figure is the most conservative credible one: among conflicting figures for the
 *   same victims from different sources, the lowest; repeated mentions of one figure count once;
 * - figures for different victims (security forces and militants) add up, unless the same
 *   figure is told for two groups in different sentences (one group named two ways);
 * - deaths reported without a number: 3 for a limited attack, 10 for a significant one
 *   (the casualty stage gives such claims `vague: true` with its default);
 * - a toll covering several events is split across them, not repeated (see splitToll).
 */
import type { Claim } from '../../model/index.js';

/** Low / best / high deaths. */
export interface FatalityRange {
  low: number;
  best: number;
  high: number;
}

/** Combine the death claims of one event into low/best/high. Never negative. */
export function fatalitiesFromClaims(claims: Claim[]): FatalityRange {
  const allDeaths = claims.filter((c) => c.kind === 'killed' && !c.negated);
  if (allDeaths.length === 0) return { low: 0, best: 0, high: 0 };
  // "A family of five were among those killed": part of a toll told elsewhere, not a rival figure.
  const whole = allDeaths.filter((c) => !SUBSET.test(c.text));
  const deaths = joinListParts(whole.length > 0 ? whole : allDeaths);
  // "His bodyguard was also killed": one more death on top of the others, not a rival count
  const more = deaths.filter((c) => ALSO.test(c.text));
  const counted = countedDeaths(more.length < deaths.length ? deaths.filter((c) => !more.includes(c)) : deaths);
  if (more.length < deaths.length) for (const c of more) (counted.low += c.low), (counted.best += c.best), (counted.high += c.high);
  // "The death toll later rose to 21": an update replaces the earlier, lower counts of the same dead.
  const updates = deaths.filter((c) => !c.vague && TOLL_UPDATE.test(c.text));
  if (updates.length === 0) return counted;
  const latest = Math.max(...updates.map((c) => c.best));
  if (latest <= counted.best) return counted;
  return { low: Math.min(counted.low, latest), best: latest, high: Math.max(counted.high, ...updates.map((c) => c.high)) };
}

/** "was also killed": a further death told after the first. */
const ALSO = /\balso\b/i;

/** A toll told as risen: "rose to 21", "has climbed to 40", "reached 12", a headline's "rises to 34". */
const TOLL_UPDATE = /\b(?:rose|risen|rising|rises?|climbed|climbs?|increased|increases|jumped|jumps|reached|reaches|hit|hits|topped|tops|passed|surpassed|exceeded)\b/i;

function countedDeaths(deaths: Claim[]): FatalityRange {
  const bySide = new Map<string, Claim[]>();
  for (const c of deaths) {
    const side = c.victims ?? 'unknown';
    bySide.set(side, [...(bySide.get(side) ?? []), c]);
  }
  // An "unknown" figure next to side-specific ones is usually their total or a repeat; but a
  // number beats ACLED's default for deaths told without one ("numerous casualties" = 10).
  const onlyVague = (cs: Claim[]) => cs.every((c) => c.vague);
  if (bySide.size > 1 && bySide.has('unknown') && !onlyVague(bySide.get('unknown')!) && [...bySide.entries()].every(([k, cs]) => k === 'unknown' || onlyVague(cs))) {
    return sideRange(bySide.get('unknown')!);
  }
  if (bySide.size > 1 && bySide.has('unknown')) {
    const known = [...bySide.entries()].filter(([k]) => k !== 'unknown');
    const knownBest = known.reduce((s, [, cs]) => s + sideRange(cs).best, 0);
    const unknownBest = sideRange(bySide.get('unknown')!).best;
    const voice = (c: Claim) => (c.source ?? '').toLowerCase();
    const knownVoices = new Set(known.flatMap(([, cs]) => cs.map(voice)));
    // (not when the narrator tells the same figure as their own: "Ten killed …", "Ten people died,
    // local officials say", then "two soldiers were killed" is part of that total)
    const narratedTotal = bySide.get('unknown')!.some((c) => !c.source && !c.vague && c.best === unknownBest);
    const rival = !narratedTotal && bySide.get('unknown')!.some((c) => c.source && !knownVoices.has(voice(c)));
    if (rival && unknownBest < knownBest) {
      // A smaller figure from another voice ("the army put the toll at nine") is a rival count of
      // the same dead: the most conservative credible figure is best (ACLED), the range spans both.
      const u = sideRange(bySide.get('unknown')!);
      const knownHigh = known.reduce((s, [, cs]) => s + sideRange(cs).high, 0);
      return { low: Math.min(u.low, unknownBest), best: unknownBest, high: Math.max(knownHigh, knownBest, u.high) };
    }
    // "Fighting killed 11; the rebels said 9 soldiers died, the army that it killed 30": each
    // side's count comes from a party to the fight, the narrator's smaller total is the
    // conservative figure, the parties' claims the high end.
    const narrated = bySide.get('unknown')!.filter((c) => !c.source && !c.vague);
    const allAttributed = known.every(([, cs]) => cs.every((c) => !!c.source));
    if (!rival && narrated.length > 0 && allAttributed && unknownBest < knownBest) {
      const knownHigh = known.reduce((s, [, cs]) => s + sideRange(cs).high, 0);
      return { low: unknownBest, best: unknownBest, high: Math.max(knownHigh, knownBest) };
    }
    if (unknownBest <= knownBest) bySide.delete('unknown');
    else if (rival) {
      // A larger figure from another voice ("the Taliban said they had killed ten") is a rival
      // claim about the same dead: it widens the range, the conservative figure stays best.
      const knownLow = known.reduce((s, [, cs]) => s + sideRange(cs).low, 0);
      return { low: Math.min(knownLow, knownBest), best: knownBest, high: Math.max(unknownBest, sideRange(bySide.get('unknown')!).high) };
    } else {
      const r = sideRange(bySide.get('unknown')!);
      return { low: Math.max(r.low, knownBest), best: Math.max(r.best, knownBest), high: Math.max(r.high, knownBest) };
    }
  }
  // The same figure for two victim groups told in different sentences ("Eight volunteers
  // die" … "eight civilian members of an auxiliary force died") is one group named two ways;
  // told side by side in one sentence ("eight soldiers and eight militants") it adds up.
  const sides = [...bySide.keys()];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const a = bySide.get(sides[i]!);
      const b = bySide.get(sides[j]!);
      if (!a || !b) continue;
      const sentencesOf = (cs: Claim[]) => new Set(cs.map((c) => c.sentence));
      const sa = sentencesOf(a);
      const together = b.some((c) => sa.has(c.sentence));
      if (!together && sideRange(a).best === sideRange(b).best) {
        bySide.set(sides[i]!, [...a, ...b]);
        bySide.delete(sides[j]!);
      }
    }
  }
  let low = 0;
  let best = 0;
  let high = 0;
  for (const cs of bySide.values()) {
    const r = sideRange(cs);
    low += r.low;
    best += r.best;
    high += r.high;
  }
  return { low, best, high };
}

/**
 * "Killed six men and three women": the casualty stage gives one claim per listed group, all
 * opening at the same cue. Groups of one side are one figure, their sum; repeats count once.
 */
function joinListParts(claims: Claim[]): Claim[] {
  const byOpening = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = `${c.sentence}:${c.start}:${c.victims ?? 'unknown'}:${c.vague ? 'v' : ''}:${c.source ?? ''}`;
    const group = byOpening.get(key) ?? [];
    if (!group.some((g) => g.end === c.end)) group.push(c);
    byOpening.set(key, group);
  }
  return [...byOpening.values()].flatMap((g) => {
    // "at least 6 people and up to 10": a range told in two parts, not a list to add up
    if (g.length === 1 || g.some((c) => c.qualifier === 'at_most')) return g;
    const last = g.reduce((a, b) => (b.end > a.end ? b : a));
    const add = (f: (c: Claim) => number) => g.reduce((n, c) => n + f(c), 0);
    return [{ ...last, low: add((c) => c.low), best: add((c) => c.best), high: add((c) => c.high) }];
  });
}

/** A figure told as part of another: "were among those killed", "among the dead". */
const SUBSET = /\bamong (?:those|the|them|the people) (?:killed|dead|victims|who died)\b|\bamong the (?:dead|victims|fatalities)\b|\b(?:\d+|\w+) of (?:them|those|whom)\b|\bamong them\b/i;

/** One victim group's figures: exact numbers preferred over vague defaults; conflicting sources give a range. */
function sideRange(claims: Claim[]): FatalityRange {
  const precise = claims.filter((c) => !c.vague);
  const all = precise.length > 0 ? precise : claims;
  // "as high as 22", "up to 40" beside a count: only the high end
  const bounds = all.filter((c) => c.qualifier === 'at_most');
  const use = bounds.length < all.length ? all.filter((c) => c.qualifier !== 'at_most') : all;
  const boundHigh = bounds.length < all.length && bounds.length ? Math.max(...bounds.map((c) => c.high)) : 0;
  const sources = new Set(use.map((c) => (c.source ?? '').toLowerCase()));
  const lows = use.map((c) => c.low);
  const highs = use.map((c) => c.high);
  const bests = use.map((c) => c.best);
  const low = Math.min(...lows);
  const high = Math.max(...highs);
  // One voice updating a toll ("rose to 12") → its largest figure; several voices disagreeing → the lowest.
  const best = sources.size > 1 ? Math.min(...bests) : Math.max(...bests);
  return { low: Math.min(low, best), best, high: Math.max(high, best, boundHigh) };
}

/**
 * Split a toll that covers `n` events across them: integer shares that add up to the toll,
 * the remainder going to the first events. Returns n ranges.
 */
export function splitToll(toll: FatalityRange, n: number): FatalityRange[] {
  if (n <= 0) return [];
  const share = (x: number, i: number) => Math.floor(x / n) + (i < x % n ? 1 : 0);
  return Array.from({ length: n }, (_, i) => ({ low: share(toll.low, i), best: share(toll.best, i), high: share(toll.high, i) }));
}
