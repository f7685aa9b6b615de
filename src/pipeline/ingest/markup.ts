/**
 * Cheap, linear checks on HTML before it is parsed into a DOM.
 */

/** Past this element nesting depth building a DOM gets slow (superlinear): such pages are refused at ingest and tag-stripped by the clean stage. */
export const DOM_MAX_DEPTH = 1000;

/** Void elements, and elements whose end tag may be omitted: neither deepens the nesting count. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup',
]);

/**
 * Greatest element nesting depth of an HTML string, by a linear scan of its tags (void
 * elements and elements with optional end tags not counted). Used to decide how to parse.
 */
export function nestingDepth(html: string): number {
  const re = /<(\/?)([A-Za-z][A-Za-z0-9:-]{0,30})\b[^<>]{0,2000}?(\/?)>/g;
  let depth = 0;
  let max = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const tag = m[2]!.toLowerCase();
    if (NO_DEPTH.has(tag) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

