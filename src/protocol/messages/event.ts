import { isRecord } from '../check.js';
import { EVENT_TOPICS, isEventTopic, TOPIC_CHECKS, type EventTopic, type TopicData } from '../topics.js';

/** The frame type of Event. */
export const EVENT = 'event';

/** Daemon → client: something happened; `topic` says what and fixes the shape of `data`. */
export interface EventFrame<T extends EventTopic = EventTopic> {
  type: typeof EVENT;
  topic: T;
  data: TopicData[T];
}

/** An EventFrame narrowed by its topic (switch on `topic` to get typed data). */
export type AnyEvent = { [T in EventTopic]: EventFrame<T> }[EventTopic];

/** The first problem that keeps `value` from being an Event, or null. */
export function eventProblem(value: unknown): string | null {
  if (!isRecord(value) || value.type !== EVENT) return 'event must be an object with type "event"';
  if (!isEventTopic(value.topic)) {
    const shown = typeof value.topic === 'string' ? `"${value.topic.slice(0, 40)}"` : 'missing';
    return `event.topic ${shown} is not one of ${EVENT_TOPICS.join(', ')}`;
  }
  return TOPIC_CHECKS[value.topic](value.data, 'event.data');
}

/** Whether a value is a valid Event frame. */
export function isEvent(value: unknown): value is AnyEvent {
  return eventProblem(value) === null;
}

/** Builds an event frame. */
export function makeEvent<T extends EventTopic>(topic: T, data: TopicData[T]): EventFrame<T> {
  return { type: EVENT, topic, data };
}
