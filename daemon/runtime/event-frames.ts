import type { DaemonEvent } from '../../src/state/events.js';
import type { AnyEvent } from '../../src/protocol/messages/event.js';

/** The websocket frame of a daemon event: its type is the topic, the event itself the data. */
export function eventFrame(event: DaemonEvent): AnyEvent {
  return { type: 'event', topic: event.type, data: event } as AnyEvent;
}

/** Sleeps for `ms` on the real timer (only to bound waits at shutdown, never for behaviour). */
export function boundedWait<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
