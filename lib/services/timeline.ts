/**
 * A marker's reminder state over a day, as instants where it changes. The background computes it
 * from the schedule (lib/services/reminder-timeline.ts); the content script only reads it, so it
 * needs no date library and sets one timer for the next change instead of polling.
 */
export type MarkerState = 'none' | 'soon' | 'out';

/** [instant (ms since epoch), state from then on], in time order. */
export type Timeline = readonly (readonly [number, MarkerState])[];

export function stateAt(timeline: Timeline, now: number): { state: MarkerState; next?: number } {
  let state: MarkerState = 'none';
  for (const [instant, value] of timeline) {
    if (instant > now) return { state, next: instant };
    state = value;
  }
  return { state };
}
