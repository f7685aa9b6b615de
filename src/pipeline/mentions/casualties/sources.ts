/**
 * Who said a figure: the attribution of a sentence ("according to the military",
 * "…, police said", "Interior Minister X confirmed that …", "…, said the ministry"), with
 * pronouns ("he said") and bare quotes resolved to the last named speaker.
 * Speech verbs and cues come from data/lexicons/sources.json.
 */
import type { Sentence } from '../../../model/index.js';
import { readDataJson } from '../../data.js';

interface SourceCues {
  speech: RegExp;
  according: RegExp;
  pronouns: Set<string>;
}

let cues: SourceCues | null = null;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function getCues(): SourceCues {
  if (cues) return cues;
  const raw = readDataJson<{ speech_verbs?: string[]; prepositional?: string[]; pronouns?: string[] }>('lexicons', 'sources.json');
  const alt = (xs: string[] | undefined) =>
    (xs ?? []).filter((x) => typeof x === 'string' && x.trim()).sort((a, b) => b.length - a.length).map((x) => escapeRe(x).replace(/\s+/g, '\\s+')).join('|');
  cues = {
    speech: new RegExp(`\\b(?:${alt(raw.speech_verbs)})\\b`, 'gi'),
    according: new RegExp(`\\b(?:${alt(raw.prepositional)})\\s+(?!the\\s+(?:report|statement|figures?)\\b)([^,;.()"“”:]+?)(?=\\s*(?:[,;.()"“”:]|$|\\bwho\\b|\\bwhich\\b|\\bthat\\b))`, 'i'),
    pronouns: new Set((raw.pronouns ?? []).map((p) => p.toLowerCase())),
  };
  return cues;
}

/** A speaker found in one sentence; `pronoun` when it must be resolved to an earlier one. */
export interface SentenceSource {
  text: string | null;
  pronoun: boolean;
}

const AUX_END = /\b(?:were|was|is|are|be|been|being|have|has|had|not|also|it|there)$/i;
const LEAD_JUNK = /^(?:and|but|while|as|which|who|whereas|however|meanwhile|moreover|also|although|though|then)\s+/i;
const LEAD_JUNK_ALONE = /^(?:and|but|while|as|which|who|whereas|however|meanwhile|moreover|also|although|though|then|according(?:\s+to)?)$/i;
/** A speaker is a noun phrase: auxiliaries or a second speech verb mean a clause was caught instead. */
const AUX_ANY = /\b(?:were|was|is|are|been|being|have|has|had|will|would|could|said|says|told|according|haven|hasn|hadn|didn|doesn|don|isn|aren|wasn|weren)\b/i;
const BAD_START = /^(?:in|on|at|by|for|with|from|to|of|that|this|there|it\s+was|what)\b/i;

/** Clean a candidate speaker; null when it does not read as one. */
function cleanSpeaker(raw: string, pronouns: Set<string>, long = false): SentenceSource | null {
  let s = raw.replace(/\s+/g, ' ').trim().replace(/^[“"'‘(\s—–-]+|[”"'’)\s,.;:—–-]+$/g, '');
  s = s.replace(LEAD_JUNK, '');
  if (!s) return null;
  if (pronouns.has(s.toLowerCase())) return { text: s, pronoun: true };
  if (LEAD_JUNK_ALONE.test(s)) return null;
  const words = s.split(' ');
  if ((!long && words.length > 10) || /\d/.test(s) || AUX_END.test(s) || BAD_START.test(s) || AUX_ANY.test(s)) return null;
  if (!/\p{L}/u.test(s)) return null;
  return { text: s.length > 80 ? s.slice(0, 80).replace(/\s+\S*$/, '') : s, pronoun: false };
}

/** The speaker of one sentence, or null when it names none. Never throws. */
export function sentenceSource(text: string): SentenceSource | null {
  const c = getCues();
  const acc = c.according.exec(text);
  if (acc && acc[1]) {
    const s = cleanSpeaker(acc[1], c.pronouns, true);
    if (s && !s.pronoun) return s;
  }
  const found: SentenceSource[] = [];
  c.speech.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = c.speech.exec(text))) {
    const verb = m[0].toLowerCase();
    const after = text.slice(m.index + m[0].length);
    // "claimed the lives of", "reported killed": the verb is not speech here.
    if (/^claim/.test(verb) && /^\s+(?:the\s+)?lives\b/i.test(after)) continue;
    if (/^\s+(?:killed|dead|missing|injured|wounded)\b/i.test(after)) continue;
    const pre = text.slice(0, m.index);
    const cut = Math.max(pre.lastIndexOf(','), pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf('"'), pre.lastIndexOf('“'), pre.lastIndexOf('”'), pre.lastIndexOf('—'), pre.lastIndexOf('–'));
    const segment = pre.slice(cut + 1).trim();
    if (segment) {
      const s = cleanSpeaker(segment, c.pronouns);
      if (s) found.push(s);
      continue;
    }
    // Verb right after a comma or quote: "…, said the ministry" or "X, a spokesman, told AFP".
    if (/^(?:said|says|added|stated|noted|explained|insisted|confirmed)$/.test(verb)) {
      const inv = /^\s+([^,.;:"“”()]+)/.exec(after);
      if (inv && /^\s*(?:the\s+|an?\s+|\p{Lu})/u.test(inv[1]!)) {
        const s = cleanSpeaker(inv[1]!.replace(/\s+(?:on|in|at|late|early|this|last|yesterday|today)\b.*$/i, ''), c.pronouns);
        if (s) {
          found.push(s);
          continue;
        }
      }
    }
    // The chunk before the comma: "Liman Hussaini, told journalists".
    const before = pre.slice(0, cut);
    const prevCut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('"'), before.lastIndexOf('“'), before.lastIndexOf('”'), before.lastIndexOf('—'));
    const chunk = before.slice(prevCut + 1).trim();
    if (chunk && chunk.split(/\s+/).length <= 6) {
      const s = cleanSpeaker(chunk, c.pronouns);
      if (s) found.push(s);
    }
  }
  if (found.length === 0) return null;
  // Prefer a named speaker over a pronoun; among those, the last (end-of-sentence attribution).
  const named = found.filter((f) => !f.pronoun);
  return named.length ? named[named.length - 1]! : found[found.length - 1]!;
}

/**
 * The speaker whose speech verb comes last before position `pos` of a sentence, when a sentence
 * gives several voices ("the ministry said 12 were killed, while a monitor said 20"): each
 * figure belongs to the voice just before it. Null when no speech verb precedes `pos` or the
 * speaker found there is a pronoun.
 */
export function sourceBefore(text: string, pos: number): string | null {
  const c = getCues();
  c.speech.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastVerb: RegExpExecArray | null = null;
  let verbs = 0;
  while ((m = c.speech.exec(text))) {
    verbs++;
    if (m.index < pos) lastVerb = m;
  }
  if (!lastVerb || verbs < 2) return null; // one voice: the sentence's source says it
  const pre = text.slice(0, lastVerb.index);
  const cut = Math.max(pre.lastIndexOf(','), pre.lastIndexOf(';'), pre.lastIndexOf(':'), pre.lastIndexOf('"'), pre.lastIndexOf('“'), pre.lastIndexOf('”'));
  const s = cleanSpeaker(pre.slice(cut + 1).trim(), c.pronouns);
  return s && !s.pronoun ? s.text : null;
}

/**
 * The source of every sentence, resolved across the document: pronouns take the last named
 * speaker of the previous four sentences; a sentence that opens a quote without attribution
 * takes the speaker of the previous sentence when that one quoted someone.
 */
export function documentSources(sentences: Sentence[]): (string | null)[] {
  const out: (string | null)[] = [];
  let last: { text: string; at: number } | null = null;
  let prevQuoted: string | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!.text;
    let src: string | null = null;
    try {
      const s = sentenceSource(text);
      if (s && !s.pronoun) {
        src = s.text;
        last = { text: s.text!, at: i };
      } else if (s && s.pronoun) {
        src = last && i - last.at <= 4 ? last.text : null;
      } else if (/^["“‘]/.test(text) && prevQuoted) {
        src = prevQuoted;
      }
    } catch {
      src = null;
    }
    out.push(src);
    prevQuoted = /["“”]/.test(text) && src ? src : null;
  }
  return out;
}
