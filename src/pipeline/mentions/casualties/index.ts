/**
 * Casualty claims (STUB, to be replaced): figures of killed, injured, abducted, arrested with their source.
 */
import type { Claim, CleanText, Sentence } from '../../../model/index.js';

/** Find casualty figures in every sentence. */
export function findClaims(_doc: CleanText, _sentences: Sentence[]): Claim[] {
  return [];
}
