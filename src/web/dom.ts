/**
 * A small DOM builder. Text is always set with textContent / createTextNode, never parsed as HTML,
 * so report text and names from the API can never inject markup or scripts.
 */

/** Attributes: strings are set with setAttribute; functions on `on*` keys become listeners. */
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
/** A child: a node, text (set as text), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Create `<tag>` with attributes and children. `class` sets className. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Append children (text as text nodes). */
export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replace every child of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** The element with this id; throws when the page lacks it (a build error, not a runtime state). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page element #${id} missing`);
  return el as T;
}
