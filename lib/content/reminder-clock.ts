import type { MarkerState, Timeline } from '../services/timeline';
import { stateAt } from '../services/timeline';

/**
 * Keeps every marker's reminder state current with one timer set for the next change of any
 * student's timeline (never a polling interval).
 */
export class ReminderClock {
  private readonly timelines = new Map<string, Timeline>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly forEachMarker: (visit: (host: HTMLElement, studentId: string) => void) => void,
    private readonly render: (host: HTMLElement, state: MarkerState) => void,
    private readonly now: () => number = Date.now,
  ) {}

  setTimeline(studentId: string, timeline: Timeline | undefined): void {
    if (timeline && timeline.length > 0) this.timelines.set(studentId, timeline);
    else this.timelines.delete(studentId);
  }

  stateOf(studentId: string): MarkerState {
    const timeline = this.timelines.get(studentId);
    return timeline ? stateAt(timeline, this.now()).state : 'none';
  }

  /** Re-renders every marker whose state differs, then waits for the next change. */
  refresh(): void {
    clearTimeout(this.timer);
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    this.forEachMarker((host, studentId) => {
      const timeline = this.timelines.get(studentId);
      if (!timeline) return;
      const at = stateAt(timeline, now);
      this.render(host, at.state);
      if (at.next !== undefined) next = Math.min(next, at.next);
    });
    if (Number.isFinite(next)) {
      // setTimeout's limit is about 24.8 days; a school day is far shorter.
      this.timer = setTimeout(() => this.refresh(), Math.max(0, next - now) + 20);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
