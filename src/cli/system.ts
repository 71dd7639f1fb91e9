import { setTimeout as delay } from 'node:timers/promises';
import { openInBrowser } from './browser.js';

/** Ctrl-C for one command run: `signal` aborts on SIGINT or SIGTERM; `dispose` removes the handlers. */
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

/** What the long-running commands need from the machine: a browser, timers and signals (tests pass fakes). */
export interface CliSystem {
  /** Opens `url` in a browser; resolves with false when no opener worked. */
  openUrl(url: string, env: Readonly<Record<string, string | undefined>>): Promise<boolean>;
  /** Waits `ms`, or less when `signal` aborts; never rejects. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Starts listening for Ctrl-C. */
  interrupt(): Interrupt;
}

/** The real machine: $BROWSER / xdg-open / open, timers, and process signals. */
export function processSystem(): CliSystem {
  return {
    openUrl: (url, env) => openInBrowser(url, env),
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    interrupt() {
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return {
        signal: controller.signal,
        dispose() {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        },
      };
    },
  };
}

/** Resolves when `signal` aborts (at once if it already has). */
export function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
