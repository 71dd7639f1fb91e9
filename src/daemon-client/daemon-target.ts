import type { ClientOptions } from 'ws';
import { AppError } from '../domain/errors.js';
import { MAX_DAEMON_FRAME_BYTES } from '../protocol/version.js';

/** Where the daemon listens: its Unix socket (default), or loopback TCP with the bearer token. */
export interface DaemonAddress {
  socketPath?: string;
  tcp?: { host: string; port: number; token: string };
}

/** A resolved address: the websocket URL, the ws options, and a label for messages (never the token). */
export interface DaemonTarget {
  url: string;
  wsOptions: ClientOptions;
  where: string;
  kind: 'unix' | 'tcp';
}

/** Builds the websocket URL and options for an address; CONFIG_ERROR when neither a socket nor TCP is given. */
export function daemonTarget(address: DaemonAddress): DaemonTarget {
  const base: ClientOptions = { maxPayload: MAX_DAEMON_FRAME_BYTES, perMessageDeflate: false, followRedirects: false };
  if (address.tcp) {
    const { host, port, token } = address.tcp;
    const hostPart = host.includes(':') ? `[${host}]` : host;
    return {
      url: `ws://${hostPart}:${port}/`,
      wsOptions: { ...base, headers: { Authorization: `Bearer ${token}` } },
      where: `${hostPart}:${port}`,
      kind: 'tcp',
    };
  }
  if (address.socketPath) {
    return { url: `ws+unix://${address.socketPath}:/`, wsOptions: base, where: address.socketPath, kind: 'unix' };
  }
  throw new AppError('CONFIG_ERROR', 'no daemon address: give a socket path or a TCP host, port and token');
}
