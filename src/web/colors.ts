/** A colour per ACLED event type, shared by the map, the timeline and the list. */
import { EVENT_TYPES, type EventType } from '../model/taxonomy.js';

/** Colour-blind-friendly palette (Okabe–Ito), one per event type in codebook order. */
export const TYPE_COLORS: Record<EventType, string> = {
  Battles: '#D55E00',
  'Explosions/Remote violence': '#E69F00',
  'Violence against civilians': '#CC79A7',
  Protests: '#0072B2',
  Riots: '#56B4E9',
  'Strategic developments': '#009E73',
};

/** Colour of `type`, grey for anything unknown. */
export function colorOf(type: string): string {
  return (TYPE_COLORS as Record<string, string>)[type] ?? '#777777';
}

/** A CSS-safe class suffix for an event type, e.g. "explosions-remote-violence". */
export function typeSlug(type: string): string {
  return type.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
}

export { EVENT_TYPES };
