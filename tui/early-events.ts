// The dashboard's connection is made while its screen modules load, so the daemon may push events
// (a notification, a warning) before the dashboard listens: they are kept and handed to it, in order,
// when it subscribes, so none is lost.

import type { DaemonConnection, DaemonListener } from '../src/daemon-client/daemon-connection.js';
import type { EventTopic, TopicData } from '../src/protocol/topics.js';

// A load takes a fraction of a second; a daemon pushing more than this meanwhile is not one to trust.
const MAX_KEPT = 1000;

type Kept = { [T in EventTopic]: [T, TopicData[T]] }[EventTopic];

/** `connection`, keeping its events until the first subscriber, who gets them first. */
export function keepEarlyEvents(connection: DaemonConnection): DaemonConnection {
  let kept: Kept[] | null = [];
  const stopKeeping = connection.subscribe({
    onEvent: (topic, data) => {
      if (kept && kept.length < MAX_KEPT) kept.push([topic, data] as Kept);
    },
  });
  return {
    get status() {
      return connection.status;
    },
    get state() {
      return connection.state;
    },
    get daemonVersion() {
      return connection.daemonVersion;
    },
    get identity() {
      return connection.identity;
    },
    request: (method, params, options) => connection.request(method, params, options),
    subscribe(listener: DaemonListener) {
      const unsubscribe = connection.subscribe(listener);
      if (kept) {
        stopKeeping();
        const early = kept;
        kept = null;
        for (const [topic, data] of early) listener.onEvent?.(topic, data);
      }
      return unsubscribe;
    },
    close: () => connection.close(),
  };
}
