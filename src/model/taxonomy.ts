/**
 * The ACLED event taxonomy: six event types, 25 sub-event types, disorder types,
 * actor type (inter) codes and the derived interaction code.
 *
 * Source: ACLED Codebook (public), sections "Event types and sub-event types",
 * "Actor types" and "Interaction codes". Only the published rules are used here.
 */

/** The six ACLED event types. */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sub-event types by their event type (ACLED codebook). */
export const SUB_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<EventType, readonly string[]>;

export type SubEventType = (typeof SUB_EVENT_TYPES)[EventType][number];

/** All 25 sub-event types in codebook order. */
export const ALL_SUB_EVENT_TYPES: readonly SubEventType[] = EVENT_TYPES.flatMap(
  (t) => SUB_EVENT_TYPES[t] as readonly SubEventType[],
);

/** The event type a sub-event type belongs to. Throws on an unknown name. */
export function eventTypeOf(sub: SubEventType): EventType {
  for (const t of EVENT_TYPES) {
    if ((SUB_EVENT_TYPES[t] as readonly string[]).includes(sub)) return t;
  }
  throw new Error(`unknown sub_event_type: ${sub}`);
}

/** True when `s` is one of the 25 ACLED sub-event type names (exact spelling). */
export function isSubEventType(s: string): s is SubEventType {
  return (ALL_SUB_EVENT_TYPES as readonly string[]).includes(s);
}

/** ACLED disorder types. */
export type DisorderType = 'Political violence' | 'Demonstrations' | 'Strategic developments' | 'Political violence; Demonstrations';

/**
 * Disorder type per ACLED: Battles, Explosions/Remote violence and Violence against
 * civilians are political violence; Protests are demonstrations; Riots are
 * demonstrations, except Mob violence, which ACLED codes "Political violence; Demonstrations"
 * only when it involves organised actors; we use "Political violence; Demonstrations" for
 * Excessive force against protesters (violence against demonstrators) as the codebook does.
 */
export function disorderTypeOf(sub: SubEventType): DisorderType {
  const t = eventTypeOf(sub);
  if (t === 'Strategic developments') return 'Strategic developments';
  if (sub === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  if (t === 'Protests' || t === 'Riots') return 'Demonstrations';
  return 'Political violence';
}

/**
 * ACLED actor type (inter) codes: 1 state forces, 2 rebel groups, 3 political militias,
 * 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
 */
export type InterCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export const INTER_NAMES: Record<InterCode, string> = {
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

/**
 * ACLED interaction code: the two inter codes, lower first, as a two-digit number
 * (e.g. 12 state forces vs rebels); a sole actor gives 10 × inter (e.g. 60 protesters alone).
 */
export function interactionOf(inter1: InterCode | null, inter2: InterCode | null): number | null {
  if (inter1 == null && inter2 == null) return null;
  if (inter1 == null || inter2 == null) return (inter1 ?? inter2)! * 10;
  const [a, b] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return a * 10 + b;
}

/**
 * ACLED `civilian_targeting`: "Civilian targeting" when civilians are the direct target
 * (actor2 is civilians) in political violence events; otherwise empty.
 */
export function civilianTargetingOf(sub: SubEventType, inter2: InterCode | null): string {
  const t = eventTypeOf(sub);
  if (inter2 === 7 && (t === 'Violence against civilians' || t === 'Explosions/Remote violence' || t === 'Riots'))
    return 'Civilian targeting';
  return '';
}

/** ACLED time precision: 1 the day is known, 2 within about a week, 3 only the month. */
export type TimePrecision = 1 | 2 | 3;
/** ACLED geo precision: 1 the place itself, 2 near it / part of a district, 3 only a province or region. */
export type GeoPrecision = 1 | 2 | 3;
