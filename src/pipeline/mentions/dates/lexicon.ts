/**
 * The date lexicon (data/lexicons/dates.json), read once through the shared data loader.
 */
import { readDataJson } from '../../data.js';

/** Shape of data/lexicons/dates.json. */
export interface DateLexicon {
  /** A month-day without a year may lie at most this many days after the reference date (planned events). */
  future_days_without_year: number;
  /** Lower-case weekday names, Sunday first (index = JS getUTCDay()). */
  weekdays: string[];
  /** Lower-case month names, January first. */
  months: string[];
  /** Abbreviation → month number 1..12. */
  month_abbreviations: Record<string, number>;
  day_parts: string[];
  /** Words written before a day ("early", "late on", "in the early hours of"), longest tried first. */
  lead_ins: string[];
  /** Part of a month → the day of month used for it ("mid" → 15). */
  month_parts: Record<string, number>;
  /** Words written just before a date that make it background ("since", "anniversary of"). */
  background_before: string[];
  /** Words anywhere in the sentence that make its dates background ("anniversary", "years ago"). */
  background_sentence: string[];
  /** Words before a date that point forward ("next", "planned"). */
  future_cues: string[];
  /** Words on a byline/publication line ("Published", "Updated"). */
  publication_cues: string[];
  /** Nouns naming an act ("attack", "protest"): "on Wednesday, two days after an attack" dates the act. */
  act_nouns: string[];
  /** Speech verbs, from data/lexicons/sources.json: a date right after one is when something was said. */
  speech_verbs: string[];
}

let cached: DateLexicon | null = null;

/** The date lexicon; throws with the file name when the file is missing or malformed. */
export function dateLexicon(): DateLexicon {
  if (cached) return cached;
  const lex = readDataJson<DateLexicon>('lexicons', 'dates.json');
  for (const key of ['weekdays', 'months', 'lead_ins', 'background_before', 'background_sentence', 'future_cues', 'publication_cues', 'act_nouns'] as const) {
    if (!Array.isArray(lex[key])) throw new Error(`data/lexicons/dates.json: "${key}" must be a list`);
  }
  if (lex.weekdays.length !== 7 || lex.months.length !== 12) throw new Error('data/lexicons/dates.json: 7 weekdays and 12 months expected');
  const sources = readDataJson<{ speech_verbs?: unknown }>('lexicons', 'sources.json');
  lex.speech_verbs = Array.isArray(sources.speech_verbs) ? sources.speech_verbs.filter((v): v is string => typeof v === 'string') : [];
  cached = lex;
  return lex;
}
