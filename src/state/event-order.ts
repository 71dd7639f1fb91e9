import type { SessionEvent } from '../domain/platform.js';

/** An event with the time it is ordered by. */
export interface TimedEvent {
  event: SessionEvent;
  /** Epoch ms of its last (else first) occurrence; an event without times takes the time of the one before it. */
  t: number;
}

/** Pure: the events oldest first by their last occurrence (kubectl prints `<none>` for some; those keep their place). */
export function eventsInOrder(events: readonly SessionEvent[]): TimedEvent[] {
  let carried = -Infinity;
  const timed = events.map((event) => {
    const parsed = Date.parse(event.lastTime ?? event.firstTime ?? '');
    if (Number.isFinite(parsed)) carried = parsed;
    return { event, t: carried };
  });
  // Array.prototype.sort is stable: events of one time keep the server's order.
  return timed.sort((a, b) => a.t - b.t);
}

/** Pure: the newest event that matches, and its position in `ordered` (-1 when none). */
export function newest(ordered: readonly TimedEvent[], test: (e: SessionEvent) => boolean): { index: number; event: SessionEvent | null } {
  for (let i = ordered.length - 1; i >= 0; i--) if (test(ordered[i].event)) return { index: i, event: ordered[i].event };
  return { index: -1, event: null };
}

/** The first line of an event message, trimmed. */
export function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
