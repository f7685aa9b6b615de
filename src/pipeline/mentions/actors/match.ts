/**
 * The matcher: walks the tokens of each sentence through the dictionary's tries, leftmost-longest,
 * and turns each match into an ActorMention with its ACLED-style name, inter code and country.
 */
import type { ActorKind, ActorMention, CleanText, InterCode, Sentence } from '../../../model/index.js';
import type { ActorDictionary, AliasEnd, CountryEnd, Entry, EthnicEnd, TrieNode } from './dictionary.js';
import { keyOf, tokenize, type Token } from './tokens.js';
import { addRoleHints } from './roles.js';

/** Document context for naming actors. */
export interface MatchContext {
  /** The document's main country as ACLED names it, or null. */
  country: string | null;
  /** The report's reference date (YYYY-MM-DD) for date-bounded names, or null. */
  date: string | null;
}

const STATE_KINDS: ReadonlySet<ActorKind> = new Set(['military', 'police', 'state_other']);

/** Capitalised words after a capitalised actor word that make it a place name ("Army Road", "Police Lines"). */
const PLACE_WORDS = new Set([
  'road', 'street', 'avenue', 'lines', 'line', 'colony', 'chowk', 'square', 'market', 'bazaar', 'stadium', 'hospital',
  'public', 'school', 'college', 'university', 'ground', 'grounds', 'park', 'club', 'house', 'town', 'village', 'quarter',
  'cantonment', 'museum', 'mosque', 'church', 'bridge', 'junction', 'roundabout', 'estate', 'hill', 'barracks',
  'area', 'council', 'secretariat',
]);
/** Words after an actor word that make it the actor's facility or object. */
const FACILITY_WORDS = new Set([
  'station', 'stations', 'post', 'posts', 'checkpoint', 'checkpoints', 'checkpost', 'checkposts', 'camp', 'camps',
  'base', 'bases', 'barracks', 'headquarters', 'hq', 'compound', 'outpost', 'outposts', 'installation', 'installations',
  'academy', 'garrison', 'fort', 'cantonment', 'building', 'office', 'offices', 'lines', 'line', 'depot', 'facility',
  'facilities', 'positions', 'position', 'vehicle', 'vehicles', 'truck', 'trucks', 'van', 'mobile', 'hospital', 'school',
]);
/** Words right after an actor word that make it a modifier of another noun, not an actor (kept out). */
const NOT_ACTOR_NEXT = new Set(['chief', 'chiefs', 'commander', 'spokesman', 'spokesperson', 'spokeswoman', 'source', 'sources', 'official', 'officials', 'statement', 'statements', 'sources', 'general', 'generals']);

interface Candidate {
  /** Token indexes, end exclusive. */
  from: number;
  to: number;
  entry: Entry;
  alias: string;
  /** Country named in the mention ("Pakistani troops"), or null. */
  textCountry: string | null;
  ethnic: EthnicEnd | null;
  /** Precedence among equally long candidates (higher wins). */
  rank: number;
  /** The span must not grow by a following actor noun (a coordinated country word). */
  noSuffix?: boolean;
}

/** Nouns that stay with a generic state word ("army troops", "police personnel"); not "coalition", "group". */
const HEAD_SUFFIXES = new Set(['troops', 'soldiers', 'personnel', 'officers', 'men', 'units', 'forces', 'jawans', 'commandos', 'guards', 'policemen', 'agents', 'servicemen', 'members']);

/** Modifiers that make a prefix-only word ("forces", "strikes") a state-force mention: "government forces", not "national strike". */
const FORCE_MODIFIERS = new Set(['army', 'military', 'naval', 'air', 'ground', 'government', 'regime', 'security', 'special', 'elite', 'paramilitary', 'junta', 'loyalist']);

/** Verbs after a bare ethnic or clan name that make it an acting militia ("Misseriya kill …"). */
/** Verbs of war after plural nationals ("Russians shelled"): the country's forces act. */
const NATIONALS_AT_WAR = new Set(['shelled', 'shell', 'shells', 'bombed', 'bomb', 'bombs', 'struck', 'strike', 'strikes', 'fired', 'launched', 'attacked', 'attack', 'attacks', 'killed', 'kill', 'kills', 'advanced', 'captured', 'seized', 'occupied', 'invaded', 'stormed', 'hit', 'hits', 'destroyed', 'shot']);
/** Past forms that are also passive participles ("Afghans killed in a strike"): active only with an object after. */
const PARTICIPLES = new Set(['killed', 'shot', 'attacked', 'hit', 'struck', 'bombed', 'shelled', 'destroyed', 'captured', 'seized', 'stormed', 'fired', 'launched', 'invaded', 'occupied']);
const NOT_OBJECT_AFTER = new Set(['in', 'by', 'at', 'as', 'during', 'after', 'when', 'near', 'on', 'while', 'and', 'or', 'from', 'for', 'to', 'with', 'over', 'since', 'dead']);
const ETHNIC_ACTS = new Set(['kill', 'kills', 'killed', 'attack', 'attacks', 'attacked', 'raid', 'raids', 'raided', 'ambush', 'ambushed', 'storm', 'stormed', 'torch', 'torched', 'burn', 'burned', 'burnt', 'massacre', 'massacred', 'abduct', 'abducted', 'loot', 'looted']);

/** Words that can stand for the second of two coordinated countries ("Afghan and coalition forces"). */
const COORDINATED_WORDS = new Set(['coalition', 'allied', 'international', 'foreign', 'government', 'western', 'nato', 'un', 'african']);

/** All alias ends reachable from token i, longest first, with their end token index. */
function walk<E>(root: { next: Map<string, any>; ends: E[] }, toks: Token[], i: number, to: number): { end: number; ends: E[] }[] {
  const found: { end: number; ends: E[] }[] = [];
  let node = root;
  for (let j = i; j < to; j++) {
    if (j > i && !toks[j]!.joins) break;
    const n = node.next.get(toks[j]!.key);
    if (!n) break;
    node = n;
    if (node.ends.length) found.push({ end: j + 1, ends: node.ends });
  }
  return found.reverse();
}

function exactOk(exact: string[] | null, toks: Token[], i: number): boolean {
  if (!exact) return true;
  for (let k = 0; k < exact.length; k++) if (toks[i + k]!.raw !== exact[k]) return false;
  return true;
}

/** How well an entry fits the document; -Infinity when it does not apply. */
function fit(e: Entry, ctx: MatchContext): number {
  let score = 0;
  if (e.contexts) {
    if (!e.contexts.includes(ctx.country)) return -Infinity;
    score += 2;
  }
  if (e.from || e.until) {
    if (ctx.date) {
      if (e.from && ctx.date < e.from) return -Infinity;
      if (e.until && ctx.date >= e.until) return -Infinity;
      score += 1;
    } else {
      // Date unknown: a date-bounded reading is used only when nothing else fits.
      score -= 3;
    }
  }
  return score;
}

/** The best applicable alias end among `ends` for the tokens at i, or null. */
function pick(ends: AliasEnd[], toks: Token[], i: number, ctx: MatchContext, allowPrefixOnly: boolean, layers?: ReadonlySet<string>): AliasEnd | null {
  let best: AliasEnd | null = null;
  let bestFit = -Infinity;
  for (const end of ends) {
    if (end.prefixOnly && !allowPrefixOnly) continue;
    if (layers && !layers.has(end.entry.layer)) continue;
    if (!exactOk(end.exact, toks, i)) continue;
    if (end.capital && !/^\p{Lu}/u.test(toks[i]!.raw)) continue;
    const f = fit(end.entry, ctx);
    if (f > bestFit) [best, bestFit] = [end, f];
  }
  return best;
}

function pickCountry(ends: CountryEnd[], toks: Token[], i: number, ctx: MatchContext, plural = false): string | null {
  // Country words are proper names: they must be capitalised ("Chad", not "chad"), except demonyms
  // that are no English word ("kenyan"), which lower-cased text (transcripts, notes) writes small.
  const capital = /^\p{Lu}/u.test(toks[i]!.raw);
  for (const end of ends) {
    if (end.plural !== plural) continue;
    if (!capital && !end.anyCase) continue;
    if (!exactOk(end.exact, toks, i)) continue;
    if (ctx.country && end.countries.includes(ctx.country)) return ctx.country;
    return end.countries[0] ?? null;
  }
  return null;
}

const GENERIC_LAYERS: ReadonlySet<string> = new Set(['head', 'generic']);

/** Candidates starting at token i. */
function candidatesAt(dict: ActorDictionary, toks: Token[], i: number, to: number, ctx: MatchContext): Candidate[] {
  const out: Candidate[] = [];
  // Most words start nothing: one set lookup instead of four trie walks.
  if (!dict.firstKeys.has(toks[i]!.key)) return out;
  // 1. Any alias standing alone.
  for (const w of walk<AliasEnd>(dict.main, toks, i, to)) {
    const end = pick(w.ends, toks, i, ctx, false);
    if (end) {
      const generic = end.entry.layer === 'head' || end.entry.layer === 'generic';
      out.push({ from: i, to: w.end, entry: end.entry, alias: end.alias, textCountry: null, ethnic: null, rank: generic ? 3 : 5 });
      break;
    }
  }
  // 2. Country word (+ "'s") + up to two modifiers + head: "Pakistani security forces", "Kenya's police", "Afghan civilians".
  for (const cw of walk(dict.countries, toks, i, to)) {
    const country = pickCountry(cw.ends, toks, i, ctx);
    if (!country) continue;
    let k = cw.end;
    // "Afghan and coalition forces", "Malian and Russian troops": the first country word takes the shared head.
    if (k + 2 < to && (toks[k]!.key === 'and' || toks[k]!.key === 'or') && toks[k]!.joins && toks[k + 1]!.joins) {
      const second = walk(dict.countries, toks, k + 1, to)[0];
      const afterSecond = second && pickCountry(second.ends, toks, k + 1, ctx) ? second.end : COORDINATED_WORDS.has(toks[k + 1]!.key) ? k + 2 : -1;
      if (afterSecond > 0 && afterSecond < to && toks[afterSecond]!.joins) {
        const head = walk<AliasEnd>(dict.heads, toks, afterSecond, to).find((w) => pick(w.ends, toks, afterSecond, ctx, true, GENERIC_LAYERS));
        const end = head && pick(head.ends, toks, afterSecond, ctx, true, GENERIC_LAYERS);
        if (end) out.push({ from: i, to: cw.end, entry: end.entry, alias: end.alias, textCountry: country, ethnic: null, rank: 4, noSuffix: true });
      }
    }
    if (k < to && toks[k]!.key === 's' && toks[k]!.joins && toks[k]!.apos) k++;
    for (let skip = 0; skip <= 2 && k + skip < to; skip++) {
      if (skip > 0 && !dict.headModifiers.has(toks[k + skip - 1]!.key)) break;
      if (!toks[k + skip]!.joins) break;
      for (const w of walk<AliasEnd>(dict.heads, toks, k + skip, to)) {
        const end = pick(w.ends, toks, k + skip, ctx, true, GENERIC_LAYERS);
        if (end) {
          out.push({ from: i, to: w.end, entry: end.entry, alias: end.alias, textCountry: country, ethnic: null, rank: 4 });
          break;
        }
      }
    }
    break;
  }
  // 2b. Plural nationals alone: "Afghans", "Iraqis" are the country's civilians.
  if (dict.civiliansEntry) {
    const pw = walk(dict.countries, toks, i, to)[0];
    const country = pw ? pickCountry(pw.ends, toks, i, ctx, true) : null;
    // "Russians shelled Orikhiv", "Israelis struck a school": nationals named by their acts of
    // war are that country's forces (ACLED codes foreign forces so, inter 8 outside their country).
    const verb = pw ? toks[pw.end] : undefined;
    const next = pw ? toks[pw.end + 1] : undefined;
    const acts = !!verb && NATIONALS_AT_WAR.has(verb.key) && !(PARTICIPLES.has(verb.key) && (!next || !verb.joins || NOT_OBJECT_AFTER.has(next.key)));
    if (pw && country && acts && dict.militaryEntry) out.push({ from: i, to: pw.end, entry: dict.militaryEntry, alias: '', textCountry: country, ethnic: null, rank: 3 });
    else if (pw && country) out.push({ from: i, to: pw.end, entry: dict.civiliansEntry, alias: '', textCountry: country, ethnic: null, rank: 3, noSuffix: true });
  }
  // 3. Modifiers + generic or state head: "unidentified gunmen", "ground forces".
  if (dict.genericModifiers.has(toks[i]!.key) || dict.headModifiers.has(toks[i]!.key)) {
    let k = i;
    while (k < to && k - i < 2 && (dict.genericModifiers.has(toks[k]!.key) || dict.headModifiers.has(toks[k]!.key))) {
      k++;
      if (k < to && !toks[k]!.joins) break;
      for (const w of walk<AliasEnd>(dict.heads, toks, k, to)) {
        const end = pick(w.ends, toks, k, ctx, FORCE_MODIFIERS.has(toks[k - 1]!.key), GENERIC_LAYERS);
        if (end) {
          out.push({ from: i, to: w.end, entry: end.entry, alias: end.alias, textCountry: null, ethnic: null, rank: 2 });
          break;
        }
      }
    }
  }
  // 4. Ethnic or clan name + militia word: "Fulani gunmen", "Habar Gidir militia".
  if (/^\p{Lu}/u.test(toks[i]!.raw)) {
    for (const ew of walk(dict.ethnic, toks, i, to)) {
      const e = ew.ends.find((x) => exactOk(x.exact, toks, i) && (!x.contexts || x.contexts.includes(ctx.country)));
      if (!e) continue;
      let k = ew.end;
      if (k < to && ['ethnic', 'tribal', 'clan', 'armed', 'herder', 'community'].includes(toks[k]!.key) && toks[k]!.joins) k++;
      if (k >= to || !toks[k]!.joins || ew.end >= to) break;
      const hw = walk<AliasEnd>(dict.ethnicHeads, toks, k, to)[0];
      if (hw) out.push({ from: i, to: hw.end, entry: hw.ends[0]!.entry, alias: hw.ends[0]!.alias, textCountry: null, ethnic: e, rank: 3.5 });
      // "Misseriya kill four herders": the group name alone, acting violently, is the militia.
      else if (ETHNIC_ACTS.has(toks[ew.end]!.key)) out.push({ from: i, to: ew.end, entry: dict.ethnicEntry, alias: '', textCountry: null, ethnic: e, rank: 3.5, noSuffix: true });
      break;
    }
  }
  return out;
}

/** Render a name pattern for a country; without a country the "of …" / "(…)" part is dropped. */
export function renderName(template: string, country: string | null, article: boolean): string {
  if (!country) return template.replace(/ of \{the_country\}/, '').replace(/ \(\{country\}\)/, '').replace(/\{(?:the_)?country\}/g, '').trim();
  return template.replace('{the_country}', (article ? 'the ' : '') + country).replace(/\{country\}/g, country);
}

/**
 * Find actor mentions in the sentences of `doc` with dictionary `dict`.
 * Offsets are exact into doc.text (`doc.text.slice(start, end) === text`).
 */
/**
 * Tokens of the sentences (by start offset) of the last document read, for its next reading
 * (extractReport reads a document twice: without, then with its country). Only the last one is
 * kept, so memory stays bounded; tokens are never modified once made.
 */
let lastSeen: { doc: WeakRef<CleanText>; text: string; bySentence: Map<number, { end: number; toks: Token[] }> } | null = null;

export function matchActors(dict: ActorDictionary, doc: CleanText, sentences: Sentence[], ctx: MatchContext): ActorMention[] {
  const text = doc.text;
  const out: ActorMention[] = [];
  const ctxInfo = ctx.country ? dict.countryInfo.get(keyOf(ctx.country)) : undefined;
  const docCountry = ctxInfo?.name ?? ctx.country;
  const mctx: MatchContext = { country: docCountry, date: ctx.date };
  if (!lastSeen || lastSeen.doc.deref() !== doc || lastSeen.text !== text) lastSeen = { doc: new WeakRef(doc), text, bySentence: new Map() };
  const seen = lastSeen;
  for (const s of sentences) {
    let made = seen.bySentence.get(s.start);
    if (!made || made.end !== s.end) seen.bySentence.set(s.start, (made = { end: s.end, toks: tokenize(text, s.start, s.end) }));
    const toks = made.toks;
    const sentenceMentions: ActorMention[] = [];
    let i = 0;
    while (i < toks.length) {
      const cands = candidatesAt(dict, toks, i, toks.length, mctx);
      if (cands.length === 0) {
        i++;
        continue;
      }
      // "BLA militants", "FC personnel", "army troops": a following actor noun belongs to the mention.
      for (const c of cands) {
        if (c.entry.layer === 'generic' || c.noSuffix || c.to >= toks.length || !toks[c.to]!.plain) continue;
        const k = toks[c.to]!.key;
        if (c.entry.layer === 'head' ? HEAD_SUFFIXES.has(k) : dict.suffixes.has(k)) c.to++;
      }
      cands.sort((a, b) => b.to - a.to || b.rank - a.rank);
      const c = cands[0]!;
      let to = c.to;
      // "armed forces of Pakistan", "Government of the Philippines".
      let textCountry = c.textCountry;
      if (!textCountry && !c.entry.country && c.entry.layer === 'head' && to + 1 < toks.length && toks[to]!.key === 'of') {
        let k = to + 1;
        if (toks[k]!.key === 'the' && k + 1 < toks.length) k++;
        const cw = walk(dict.countries, toks, k, toks.length)[0];
        const country = cw ? pickCountry(cw.ends, toks, k, mctx) : null;
        if (cw && country) {
          textCountry = country;
          to = cw.end;
        }
      }
      const first = toks[c.from]!;
      const next = toks[to];
      const nextKey = next && next.joins ? next.key : null;
      // "Army Road", "Police Lines": a capitalised generic word inside a place name is no actor.
      const generic = c.entry.layer === 'head' || c.entry.layer === 'generic';
      if (generic && next && nextKey && /^\p{Lu}/u.test(first.raw) && /^\p{Lu}/u.test(next.raw) && PLACE_WORDS.has(nextKey) && c.from > 0) {
        i = to + 1;
        continue;
      }
      if (c.entry.dropIfNext && nextKey && c.entry.dropIfNext.has(nextKey)) {
        i = to;
        continue;
      }
      const m = toMention(dict, c, textCountry, toks, to, s.index, text, mctx);
      if (generic && nextKey && NOT_ACTOR_NEXT.has(nextKey)) m.speaker = true;
      if (nextKey && FACILITY_WORDS.has(nextKey)) m.facility = true;
      if (c.entry.speakerOnly) m.speaker = true;
      sentenceMentions.push(m);
      i = to;
    }
    addRoleHints(sentenceMentions, s, text);
    if (dict.protestersEntry) relabelProtesters(sentenceMentions, dict, dict.protestersEntry, s.end, text);
    resolveOwnFighters(sentenceMentions, out, text);
    // "the al-Qaeda-linked group JNIM", "IS-affiliated fighters": the named group is a modifier, not a party
    // (only when the sentence names the group it qualifies: "the al-Shabaab-linked militia" keeps al-Shabaab)
    for (let k = sentenceMentions.length - 1; k >= 0; k--) {
      const m = sentenceMentions[k]!;
      const other = sentenceMentions.some((o) => o !== m && !o.generic && o.actor !== m.actor && o.start > m.end);
      const prefix = /^[-‐–](?:linked|affiliated|allied|aligned|inspired|loyal|leaning|led|backed|sponsored|supported)\b/i.test(text.slice(m.end, m.end + 12));
      // "JNIM militants, an al-Qaeda affiliate": the apposition names whom the group answers to
      const apposed = /\ban?\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) && /^\s+(?:affiliate|offshoot|branch|franchise|ally|wing|faction)\b/i.test(text.slice(m.end, m.end + 12));
      const otherBefore = sentenceMentions.some((o) => o !== m && !o.generic && o.actor !== m.actor && o.end <= m.start);
      // "rebel-held Idlib", "Houthi-controlled Hodeidah": who holds the place, not who acted here
      const holder = /^[-‐–](?:held|controlled|run|occupied|dominated|administered|ruled)\b/i.test(text.slice(m.end, m.end + 14));
      if ((other && prefix) || (otherBefore && apposed) || holder) sentenceMentions.splice(k, 1);
    }
    out.push(...sentenceMentions);
  }
  return out;
}

/** Armed or state kinds a possessive can point back to. */
const NAMED_ARMED = new Set(['rebel', 'political_militia', 'identity_militia', 'external', 'military', 'police']);

/**
 * "The Kachin Independence Army said its fighters attacked…", "the group's militants": a generic
 * armed mention owned by "its/their/the group's" is the named group told just before (in this
 * sentence or the one before), acting.
 */
function resolveOwnFighters(ms: ActorMention[], earlier: ActorMention[], text: string): void {
  for (const m of ms) {
    const stateHead = (m.kind === 'military' || m.kind === 'police') && m.country_source !== 'text';
    if (!m.generic || !(m.kind === 'unidentified_armed' || stateHead)) continue;
    const before = text.slice(Math.max(0, m.start - 20), m.start);
    // "its fighters", "the group's militants"; or "the militants", "the group" told right after a
    // named group (armed men only: "the troops" are not a rebel group's)
    const owned = /\b(?:its|their|the group['’]s|the movement['’]s)\s+$/i.test(before);
    const definite = !stateHead && /\bthe\s+$/i.test(before) && /^(?:militants|rebels|insurgents|jihadists|fighters|group|gunmen|attackers|extremists|terrorists)$/i.test(m.text);
    if (!owned && !definite) continue;
    // "The Israeli military said its troops…": a state's forces by the country named before
    const named = (o: ActorMention) => (!o.generic || o.country_source === 'text') && NAMED_ARMED.has(o.kind);
    const prior = [...earlier.slice(-12), ...ms.filter((o) => o.end <= m.start)].filter(
      (o) => o !== m && named(o) && m.start - o.end < 400 && (!definite || ['rebel', 'political_militia', 'identity_militia'].includes(o.kind)),
    );
    const owner = prior[prior.length - 1];
    if (!owner) continue;
    m.actor = owner.actor;
    m.inter = owner.inter;
    m.kind = owner.kind;
    m.country = owner.country;
    m.generic = false;
  }
}

/** A protest verb closing the clause that a mention opens ("students marched", "residents took to the streets"). */
const PROTEST_AFTER = /^(?:(?![.;,]|\b(?:said|says|were|was|is|are|had|has|have|killed|died|who|which|after|when)\b)[^]){0,90}?\b(?:protest(?:ed|ing|s)?|demonstrat(?:ed|ing|e)|march(?:ed|ing)?|rall(?:ied|ying|y)|took\s+to\s+the\s+streets|staged\s+(?:a\s+)?(?:protest|demonstration|rally|sit-in|march|strike|walkout|vigil)|held\s+(?:a\s+)?(?:protest|demonstration|rally|sit-in|march|vigil)|went\s+on\s+strike|picket(?:ed|ing)|chant(?:ed|ing)|gathered\s+(?:outside|in front|at)|block(?:ed|ing)\s+(?:the\s+)?(?:road|roads|highway|street|streets))\b/i;

/**
 * Civilians who protest are protesters (ACLED: "Protesters (<Country>)", whoever they are):
 * a generic civilians mention followed in its clause by a protest verb becomes a protester mention.
 */
function relabelProtesters(ms: ActorMention[], dict: ActorDictionary, protesters: Entry, sentenceEnd: number, text: string): void {
  for (const m of ms) {
    if (m.kind !== 'civilians' || !m.generic || m.role_hint === 'patient') continue;
    const after = text.slice(m.end, Math.min(sentenceEnd, m.end + 140));
    if (!PROTEST_AFTER.test(after)) continue;
    const article = m.country ? (dict.countryInfo.get(keyOf(m.country))?.article ?? false) : false;
    m.actor = renderName(protesters.actor, m.country, article);
    m.kind = 'protesters';
    m.inter = protesters.inter;
    m.template = protesters.actor;
    m.role_hint = 'agent';
  }
}

function toMention(dict: ActorDictionary, c: Candidate, textCountry: string | null, toks: Token[], to: number, sentence: number, text: string, ctx: MatchContext): ActorMention {
  const e = c.entry;
  const start = toks[c.from]!.start;
  const end = toks[to - 1]!.end;
  let country: string | null;
  let source: 'text' | 'dictionary' | 'context' | null;
  if (textCountry) [country, source] = [textCountry, 'text'];
  else if (e.country) [country, source] = [e.country, 'dictionary'];
  else if (ctx.country) [country, source] = [ctx.country, 'context'];
  else if (c.ethnic) [country, source] = [c.ethnic.home, 'dictionary'];
  else [country, source] = [null, null];

  let template = e.actor;
  let inter: InterCode = e.inter;
  let kind: ActorKind = e.kind;
  if (c.ethnic) template = `${c.ethnic.name} ${c.ethnic.suffix} ({country})`;
  // byCountry names the unnamed actor of a place: look it up by the document's country first.
  const over = e.byCountry && ((ctx.country && e.byCountry.get(ctx.country)) || (country && e.byCountry.get(country)));
  if (over && (!over.only || over.only.has(c.alias))) {
    template = over.actor;
    inter = over.inter ?? inter;
    kind = over.kind ?? kind;
  }
  // ACLED: state forces operating outside their own country are External/Other forces (8).
  if (STATE_KINDS.has(kind) && country && ctx.country && country !== ctx.country && source !== 'context') inter = 8;
  const article = country ? (dict.countryInfo.get(keyOf(country))?.article ?? false) : false;
  const m: ActorMention = {
    sentence,
    start,
    end,
    text: text.slice(start, end),
    actor: renderName(template, country, article),
    inter,
    kind,
    country,
    generic: e.layer === 'head' || e.layer === 'generic' || e.layer === 'ethnic',
    country_source: source,
  };
  if (/\{(?:the_)?country\}/.test(template)) m.template = template;
  return m;
}
