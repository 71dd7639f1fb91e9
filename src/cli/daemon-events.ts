import type { EventTopic, TopicData } from '../protocol/topics.js';

/** A pushed daemon event as a union narrowed by `topic` (switch on it to get typed data). */
export type TopicEvent = { [K in EventTopic]: { topic: K; data: TopicData[K] } }[EventTopic];

/** Packs a listener's (topic, data) pair into a TopicEvent. */
export function topicEvent<T extends EventTopic>(topic: T, data: TopicData[T]): TopicEvent {
  return { topic, data } as TopicEvent;
}
