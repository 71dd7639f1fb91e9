// Websocket clients in a process of their own: real clients are separate processes, and a bench
// process that received for all 100 would measure its own queue more than the sender.
import { serveChild } from './child.js';
import { closeAll, openRawClients, type RawClient } from './ws-clients.js';

/** Options of a receiver child. */
export interface ReceiverOptions {
  socketPath: string;
  clients: number;
  hello: boolean;
}

await serveChild(async (options: ReceiverOptions) => {
  const clients: RawClient[] = await openRawClients(options.socketPath, options.clients, { hello: options.hello, name: 'bench receiver' });
  let from = clients.map(() => 0);
  return {
    info: {},
    methods: {
      /** Forgets what arrived so far. */
      mark() {
        from = clients.map((c) => c.arrivals.length);
      },
      /** How many frames each client received since the mark (the smallest). */
      received: () => Math.min(...clients.map((c, i) => c.arrivals.length - from[i])),
      /** Per client, the frames received since the mark whose text contains `match`: arrival time (ns) and text. */
      arrivals: (match: string) =>
        clients.map((c, i) =>
          c.arrivals
            .slice(from[i])
            .filter((a) => a.text.includes(match))
            .map((a) => ({ hrNs: a.hrNs, text: a.text })),
        ),
    },
    close: () => closeAll(clients),
  };
});
