/**
 * Marking lines of a report: boilerplate, embedded social posts (quotes), headings and the
 * dateline. Patterns describe the shapes such lines take in news pages in general (labels
 * like "Read more", photo credits, share buttons, a post's "— Name (@handle) Month D, YYYY"
 * signature); they are written for the genre, not for any one site or report.
 * Every pattern is applied to one line of bounded length, so the cost stays linear.
 */
import type { Block } from './blocks.js';

/** Lines longer than this are article text: no boilerplate/heading pattern is tried on them. */
const MAX_LABEL_LINE = 300;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** The signature closing a copied social post: "— Name (@handle) January 31, 2026" at the end of a line. */
const POST_SIGNATURE = new RegExp(`(?:^|\\s)[—–-]{1,2}\\s*[^—–\\n]{0,80}?\\(@\\w{1,30}\\)\\s+${MONTH}\\.?\\s+\\d{1,2},\\s+\\d{4}\\s*$`);
/** Other embed shapes: Instagram-style "A post shared by Name (@handle)". */
const POST_SHARED_BY = /^A post shared by .{0,80}\(@[\w.]{1,30}\)/i;

/** Starts with a pictograph or a flag / regional indicator (🚨, 🔴, ⚡️, 🇵🇰 …), as posts often do. */
const EMOJI_START = /^(?:\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}])/u;
/** Links that only appear in copied posts. */
const POST_LINK = /\b(?:pic\.twitter\.com\/\w+|t\.co\/\w+|(?:twitter|x)\.com\/\w+\/status\/\d+)/i;

/** Labels that introduce a link to another story: anything may follow. */
const LINK_LABEL = /^(?:also read|read also|must read|don'?t miss|also watch|also see|read next|recommended for you)\b/i;
/** Labels standing alone or followed by a separator: "Read more »", "Related: …", "Watch |". */
const LABEL = new RegExp(
  String.raw`^(?:read more|more to read|related(?:\s+(?:stories|articles|news|coverage|content|posts|topics|links))?|see also|recommended(?:\s+(?:stories|reading|articles))?|more (?:from|on|stories)(?: [\p{L} ]{1,40})?|you (?:may|might) also (?:like|be interested in)|trending(?: now)?|top stories|latest (?:news|stories)|editor'?s picks?|most (?:read|popular|viewed)|watch(?: video| live)?|listen(?: to (?:this|the) (?:article|story))?|explainer|opinion|advertisement|sponsored(?: content)?|story continues below|continue reading|skip to (?:main )?content|jump to|(?:back|scroll) to top(?: button)?|you are here|loading\.*|off the wire|check also|explore(?: more)?|leave a (?:comment|reply)|add (?:a )?(?:comment|rating|rate)|print this (?:article|page)|font size|text size|source)\s*(?:$|[:|»›>–—-].*$)`,
  'iu',
);
/** Sharing, following and app prompts. */
const SHARE = /^(?:share|share this(?: article| story| post)?|share (?:on|via) \w+|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|telegram|reddit|copy link|save|bookmark|comments?|\d+ comments?|follow us\b.*|subscribe\b.*|sign up\b.*|join (?:us|our)\b.*|download (?:our|the) app\b.*|click here\b.*|tap here\b.*|get the latest\b.*)$/i;
/** Counters and reading time ("3 min read", "Views: 0", "1,204 views"), legal footers. */
const COUNTER = /^(?:\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*read|reading time:?.{0,40}|views?\s*:?\s*[\d,.]+k?|[\d,.]+k?\s*(?:views|reads|shares)|spread the love|your email address will not be published.*|large medium small\s*\|?|(?:©|\(c\)|copyright\b|all rights reserved).*)$/i;

/** Publication stamps: "Published on 12 Jun 2011", "Updated: …", "Date : 27 Jan 2025", "Posted 3 hours ago". */
const STAMP = /^(?:(?:first )?published|updated|last updated|last modified|posted|date|dated|created)(?:\s+on|\s+at|\s*:|\s*[-–|])?\s+(?=[^\n]{0,80}$)(?=.*\d)[^\n]*[^.!?]$/i;
/** A line that is only a date ("March 23, 2024", "23rd October 2023", "Nov 01, 2016", "2024-03-23"). */
const DATE_ONLY = new RegExp(
  `^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:[\\s,|-]+\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?$`,
  'i',
);
/** Bylines: "By Jane Doe", "By Jane Doe (Agency)", "Author: …", "Reporting by …; Editing by …". */
const BYLINE = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Aa]uthors?:?|AUTHORS?:?|[Rr]eported by|[Cc]ompiled by)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|de|da|van|von|al|el|bin|and|&))*\s*(?:[,|(–—-][^.!?]{0,50}[^.!?])?$/u;
const WIRE_CREDIT = /^\(?(?:reporting|additional reporting|writing|editing|compiled) by\b.{0,200}\)?$/i;
/** Photo and video credits, as a whole line or closing a caption line. */
const CREDIT_START = /^(?:\(?\s*)?(?:photo|image|picture|pic|video|file photo|photograph|illustration|graphic|credit)s?(?:\s+credits?)?\s*(?::|\s\/|\||©)/i;
const CREDIT_END = /(?:(?:^|[|/•(]\s*|\.\s+)(?:photo|image|picture|pic|video|file photo|photograph|credit)s?(?:\s+credits?)?\s*[:/|©]\s*[^.:]{1,80}\)?|\[(?:file|photo|image|picture|video)s?\s*:[^\]]{1,100}\]|(?:^|\s)[/|]\s*(?:supplied|handout|file|courtesy(?: of)? [^.]{1,40}))\s*$/i;
/** Bare links and link-only lines. */
const LINK_ONLY = /^(?:(?:https?:\/\/|www\.)\S+|pic\.twitter\.com\/\S+)$/i;
/** "View this post on Instagram" style embed chrome. */
const EMBED_CHROME = /^(?:view (?:this|the) post on \w+|a video posted by .*|embedded (?:video|content)|watch on \w+)$/i;

/** True when a line is page furniture rather than report text. */
export function isBoilerplateLine(line: string): boolean {
  if (isHeadlineTicker(line)) return true;
  if (line.length > MAX_LABEL_LINE) return false;
  return (
    LINK_LABEL.test(line) ||
    LABEL.test(line) ||
    SHARE.test(line) ||
    COUNTER.test(line) ||
    STAMP.test(line) ||
    DATE_ONLY.test(line) ||
    (line.length <= 120 && BYLINE.test(line)) ||
    WIRE_CREDIT.test(line) ||
    CREDIT_START.test(line) ||
    CREDIT_END.test(line) ||
    LINK_ONLY.test(line) ||
    EMBED_CHROME.test(line)
  );
}

/** Longest ticker line looked at (a row of other stories' headlines is a few hundred characters). */
const MAX_TICKER_LINE = 3000;

/**
 * A row of other stories' headlines set apart by bullets ("FTSE 100 closes higher • At least 8
 * killed in road accident in W. Kenya • Flooding hits BiH"): three or more short items, none
 * closing like a sentence.
 */
function isHeadlineTicker(line: string): boolean {
  if (line.length > MAX_TICKER_LINE || !line.includes('•')) return false;
  const items = line.split('•').map((x) => x.trim()).filter(Boolean);
  return items.length >= 3 && items.every((x) => x.length <= 160 && !/[.!?]["”’]?$/.test(x));
}

/** True when a line looks like a headline / section label: short, no closing punctuation. */
export function isHeadingLine(line: string): boolean {
  if (line.length > 160) return false;
  if (/[.!?:;,"”'’)\]…]\s*$/.test(line)) return false;
  const words = line.split(' ').length;
  // A list item ("- two killed") or a number line is not a heading.
  if (/^[-*•·–—\d]/.test(line) && !/^\d{1,3}\s+\p{L}/u.test(line)) return false;
  return words <= 20;
}

/** True for lines that read as part of a copied social post (not ordinary report prose). */
function looksLikePostLine(line: string): boolean {
  return EMOJI_START.test(line) || POST_LINK.test(line) || /^[#@]\w/.test(line) || /^(?:BREAKING|JUST IN|UPDATE|ALERT)\b/.test(line);
}

/**
 * The leading dateline of a line, if it has one: the span from the line start through the
 * separator, e.g. "QUETTA –", "KABUL, July 19 (Reuters) -", "ISLAMABAD (AP) —",
 * "Khartoum —", "May 10, 2016 (JUBA) –". Returns the dateline's length or 0.
 */
export function datelineLength(line: string): number {
  const head = line.slice(0, 140);
  // (month first or day first: "Aug. 28", "3 August")
  const date = `(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?)(?:,?\\s+\\d{4})?`;
  const agency = String.raw`\((?:[\p{Lu}][\p{L}.&'’ ]{0,30})\)`;
  const sep = String.raw`\s*(?:--|[-–—:|])(?=\s)`;
  // Upper-case place ("QUETTA", "DERA ISMAIL KHAN", "N'DJAMENA"), optional ", Country" / date / (Agency).
  const upper = new RegExp(
    String.raw`^[\p{Lu}][\p{Lu}'’.-]+(?:\s+[\p{Lu}][\p{Lu}'’.-]+){0,3}(?:,\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,2})?(?:,?\s+${date})?(?:\s*${agency})?${sep}`,
    'u',
  );
  // Mixed-case place needs a date or an agency, or a dash (not a hyphen or colon): "Khartoum —".
  const mixedStrong = new RegExp(
    String.raw`^[\p{Lu}][\p{Ll}'’.-]+(?:\s+[\p{Lu}][\p{Ll}'’.-]+){0,2}(?:,\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,2})?(?:(?:,?\s+${date})(?:\s*${agency})?|\s*${agency})${sep}`,
    'u',
  );
  const mixedDash = /^[\p{Lu}][\p{Ll}'’.-]+(?:\s+[\p{Lu}][\p{Ll}'’.-]+){0,2}(?:,\s*[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,2})?\s+[–—](?=\s)/u;
  // Date first, then the place in brackets: "May 10, 2016 (JUBA) –".
  const dateFirst = new RegExp(String.raw`^${date}\s*\([\p{Lu}][\p{Lu}\p{L}'’. -]{1,40}\)${sep}`, 'u');
  for (const re of [upper, mixedStrong, mixedDash, dateFirst]) {
    const m = re.exec(head);
    // The dateline must be followed by words, and the capital word must not be sentence text ("I —").
    if (m && m[0].length >= 4 && m[0].length < line.length - 10) return m[0].length;
  }
  return 0;
}

/** A link token: a URL, or a post's picture/short link. */
const LINK_TOKEN = /^(?:https?:\/\/\S+|www\.\S+\.\S+|pic\.twitter\.com\/\S+|t\.co\/\S+)$/i;

/**
 * Where a run of links closing a line starts ("… the market now pic.twitter.com/Ab12 https://t.co/x"),
 * or -1 when the line does not end in links or is nothing but links (whole-line links are
 * boilerplate lines already).
 */
export function trailingLinksStart(line: string): number {
  let end = line.length;
  let start = -1;
  // Walk tokens from the end; at most 10 links.
  for (let k = 0; k < 10; k++) {
    const sp = line.lastIndexOf(' ', end - 1);
    const tok = line.slice(sp + 1, end);
    if (!LINK_TOKEN.test(tok)) break;
    start = sp + 1;
    if (sp < 0) return -1;
    end = sp;
  }
  return start > 0 ? start : -1;
}

/** What a line is, after marking. */
export type LineKind = 'heading' | 'quote' | 'boilerplate' | null;

/** Marked lines plus the dateline (index of its line and its length), when found. */
export interface Marking {
  kinds: LineKind[];
  dateline: { line: number; length: number } | null;
}

/**
 * Mark each block: keep kinds the markup gave, then boilerplate and heading patterns, copied
 * social posts (the signature line and the post lines above it), and the first dateline
 * within the opening lines of the body.
 */
export function markBlocks(blocks: Block[]): Marking {
  const kinds: LineKind[] = blocks.map((b) => b.kind);
  const usesBlankLines = blocks.some((b, i) => i > 0 && b.paraBreak);
  for (let i = 0; i < blocks.length; i++) {
    const line = blocks[i]!.text;
    const tail = line.length > 400 ? line.slice(-400) : line;
    if (POST_SIGNATURE.test(tail) || POST_SHARED_BY.test(line)) {
      kinds[i] = 'quote';
      // Walk up through the post's own lines (at most a tweet's worth: 4 lines).
      for (let j = i - 1, n = 0; j >= 0 && n < 4; j--, n++) {
        const prev = blocks[j]!;
        if (kinds[j] === 'heading' || kinds[j] === 'quote') break;
        const sameBlock = usesBlankLines && !blocks[j + 1]!.paraBreak && prev.text.length <= 280;
        if (!looksLikePostLine(prev.text) && !sameBlock) break;
        kinds[j] = 'quote';
      }
    }
  }
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i]) continue;
    const line = blocks[i]!.text;
    if (isBoilerplateLine(line)) kinds[i] = 'boilerplate';
    else if (line.length <= 280 && POST_LINK.test(line) && looksLikePostLine(line)) kinds[i] = 'quote';
  }
  let dateline: Marking['dateline'] = null;
  let bodyLines = 0;
  for (let i = 0; i < blocks.length && bodyLines < 3; i++) {
    if (kinds[i]) continue;
    const len = datelineLength(blocks[i]!.text);
    if (len) {
      dateline = { line: i, length: len };
      break;
    }
    if (!isHeadingLine(blocks[i]!.text)) bodyLines++;
  }
  for (let i = 0; i < blocks.length; i++) {
    if (kinds[i] || dateline?.line === i) continue;
    if (isHeadingLine(blocks[i]!.text)) kinds[i] = 'heading';
  }
  return { kinds, dateline };
}
