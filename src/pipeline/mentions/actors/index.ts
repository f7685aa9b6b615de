/**
 * Actor mentions (STUB, to be replaced): dictionary actors and generic actor patterns.
 */
import type { ActorMention, CleanText, Sentence } from '../../../model/index.js';

/** Context for naming state forces and generic actors: the document's main country (English name). */
export interface ActorContext {
  country: string | null;
}

/** Find actor mentions in every sentence. */
export function findActors(_doc: CleanText, _sentences: Sentence[], _ctx: ActorContext): ActorMention[] {
  return [];
}
