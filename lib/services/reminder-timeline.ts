import { type ReminderState, reminderState, type Session } from './schedule';
import type { MarkerState, Timeline } from './timeline';

function markerStateOf(state: ReminderState): MarkerState {
  return state.kind === 'out-now' ? 'out' : state.kind === 'soon' ? 'soon' : 'none';
}

/**
 * The day's marker states: evaluated just after every instant where a reminder can change
 * (a session's start minus the "soon" window, its start, its end), keeping only real changes.
 */
export function reminderTimeline(sessions: readonly Session[], soonMinutes: number): Timeline {
  const instants = new Set<number>();
  for (const session of sessions) {
    instants.add(session.start.getTime() - soonMinutes * 60_000);
    instants.add(session.start.getTime());
    instants.add(session.end.getTime());
  }
  const timeline: [number, MarkerState][] = [];
  let previous: MarkerState = 'none';
  for (const instant of [...instants].sort((a, b) => a - b)) {
    const state = markerStateOf(reminderState(sessions, new Date(instant), soonMinutes));
    if (state !== previous) timeline.push([instant, state]);
    previous = state;
  }
  return timeline;
}
