/**
 * The export and listing filters as typed on the command line.
 */
import { describe, expect, it } from 'vitest';
import { filterFromFlags } from '../../src/cli/export.js';

describe('filterFromFlags', () => {
  it('takes event and sub-event types in any case, as ACLED writes them', () => {
    expect(filterFromFlags({ eventType: 'battles', subEventType: ' armed CLASH ' })).toMatchObject({ event_type: 'Battles', sub_event_type: 'Armed clash' });
  });
  it('refuses a type that is none, naming the choices', () => {
    expect(() => filterFromFlags({ eventType: 'Skirmish' })).toThrow(/--event-type must be one of: Battles/);
  });
});
