import type { DaemonState } from '../state/state.js';
import type { AnyEvent } from '../protocol/messages/event.js';
import type { ConnectionStatus, DaemonListener } from './daemon-connection.js';

/** The listeners of one connection; a listener that throws is reported as a process warning and never breaks the connection. */
export class ListenerSet {
  private readonly listeners = new Set<DaemonListener>();

  /** Adds a listener; returns its removal. */
  add(listener: DaemonListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear();
  }

  /** Tells every listener the state changed. */
  state(state: DaemonState, reason: 'snapshot' | 'patch'): void {
    this.each((l) => l.onState?.(state, reason));
  }

  /** Passes an event to every listener. */
  event(event: AnyEvent): void {
    this.each((l) => l.onEvent?.(event.topic, event.data));
  }

  /** Tells every listener the connection status changed. */
  status(status: ConnectionStatus): void {
    this.each((l) => l.onStatus?.(status));
  }

  private each(call: (listener: DaemonListener) => void): void {
    for (const listener of [...this.listeners]) {
      try {
        call(listener);
      } catch (error) {
        process.emitWarning(`a daemon connection listener threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
