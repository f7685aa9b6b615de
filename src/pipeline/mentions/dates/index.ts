/**
 * Date mentions (STUB, to be replaced): explicit and relative dates resolved against a reference date.
 */
import type { CleanText, DateMention, Sentence } from '../../../model/index.js';

/** Find date expressions; `referenceDate` is YYYY-MM-DD (the publication date). */
export function findDates(_doc: CleanText, _sentences: Sentence[], _referenceDate: string): DateMention[] {
  return [];
}
