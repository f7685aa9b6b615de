/**
 * Place mentions (STUB, to be replaced by the geocoder): finds gazetteer names in sentences
 * and resolves each to a Place with a geo precision.
 */
import type { CleanText, PlaceMention, Sentence } from '../../../model/index.js';

/** The loaded gazetteer (opaque to callers). */
export interface Gazetteer {
  readonly size: number;
}

/** Load the built gazetteer once (cached). Throws when the built file is missing. */
export function loadGazetteer(_path?: string): Gazetteer {
  return { size: 0 };
}

/** Find and resolve place mentions in a document; document-level context is used for ranking. */
export function findPlaces(_doc: CleanText, _sentences: Sentence[], _gaz: Gazetteer): PlaceMention[] {
  return [];
}
