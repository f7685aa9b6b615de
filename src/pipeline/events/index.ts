/**
 * Event stage (STUB): mentions → ACLED events.
 */
import type { ActorMention, Claim, CleanText, DateMention, PlaceMention, Sentence, SitrepEvent } from '../../model/index.js';

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
}

/** Build events from mentions. */
export function buildEvents(_input: EventInput): SitrepEvent[] {
  return [];
}
