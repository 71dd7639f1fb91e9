import { startChild, type BenchChild } from './child.js';
import type { ReceiverOptions } from './receiver-child.js';

/** An arrival as a receiver child reports it. */
export interface ReceivedFrame {
  hrNs: bigint;
  text: string;
}

/** Websocket clients spread over a few receiver processes, steered together. */
export interface Receivers {
  mark(): Promise<void>;
  /** The fewest frames any client received since the mark. */
  received(): Promise<number>;
  /** Per client (all processes), the frames since the mark that contain `match`. */
  arrivals(match: string): Promise<ReceivedFrame[][]>;
  stop(): Promise<void>;
}

/** Opens `clients` clients on `socketPath`, split evenly over `processes` receiver children. */
export async function startReceivers(socketPath: string, clients: number, processes: number, hello: boolean): Promise<Receivers> {
  const children: BenchChild[] = [];
  for (let i = 0; i < processes; i++) {
    const count = Math.floor(clients / processes) + (i < clients % processes ? 1 : 0);
    children.push(await startChild('receiver-child.js', { socketPath, clients: count, hello } satisfies ReceiverOptions));
  }
  return {
    mark: async () => void (await Promise.all(children.map((c) => c.call('mark')))),
    received: async () => Math.min(...(await Promise.all(children.map((c) => c.call<number>('received'))))),
    arrivals: async (match) => (await Promise.all(children.map((c) => c.call<ReceivedFrame[][]>('arrivals', match)))).flat(),
    stop: async () => void (await Promise.all(children.map((c) => c.stop()))),
  };
}
