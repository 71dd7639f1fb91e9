import { describe, expect, it } from 'vitest';
import { decode, encode, FrameError } from '../../src/protocol/codec.js';
import { isHello } from '../../src/protocol/messages/hello.js';
import { isRequest } from '../../src/protocol/messages/request.js';
import { isEvent } from '../../src/protocol/messages/event.js';
import { isResponse } from '../../src/protocol/messages/response.js';
import { isWelcome } from '../../src/protocol/messages/welcome.js';
import { isRefused } from '../../src/protocol/messages/refused.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { initialState } from '../../src/state/state.js';
import { makeSession, T0 } from '../state/builders.js';

/** A small seeded PRNG (mulberry32) so every run checks the same frames. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds = [
  { type: 'hello', protocol: PROTOCOL_VERSION, client: 'c' },
  { type: 'request', id: '1', method: 'launch', params: { name: 'a', image: 'b', kind: 'headless', replicas: 2, env: ['A=1'] } },
  { type: 'request', id: '2', method: 'delete', params: { ids: ['x'] } },
  { type: 'response', id: '2', ok: false, error: { code: 'TIMEOUT', message: 'm' } },
  { type: 'event', topic: 'state:patch', data: { sessions: { set: { s: makeSession({ id: 's' }) } }, usage: { append: { s: { t: T0, cpu: 1, ram: 2 } } } } },
  { type: 'event', topic: 'logs:append', data: { sessionId: 's', lines: ['x'] } },
  { type: 'welcome', protocol: 1, daemonVersion: '0.1.0', identity: null, snapshot: initialState() },
];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return [0, -1, 1e308, NaN, 3.5, 2 ** 53 + 1, Infinity][Math.floor(r() * 7)];
    case 3:
      return ['', 'hello', 'request', 'event', '__proto__', 'x'.repeat(300), '\u0000', 'é'][Math.floor(r() * 8)];
    case 4:
      return undefined;
    case 5:
      return 'refresh';
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < r() * 4; i++)
        o[['type', 'id', 'method', 'params', 'topic', 'data', 'ok', 'x', '__proto__'][Math.floor(r() * 9)]] = randomValue(r, depth + 1);
      return o;
    }
  }
}

function mutate(r: () => number, value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 6) return r() < 0.3 ? randomValue(r) : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0) return copy;
  const k = keys[Math.floor(r() * keys.length)];
  const roll = r();
  if (roll < 0.2) delete copy[k];
  else if (roll < 0.5) copy[k] = randomValue(r);
  else copy[k] = mutate(r, copy[k], depth + 1);
  return copy;
}

function textOf(r: () => number): string {
  const kind = Math.floor(r() * 5);
  const seed = seeds[Math.floor(r() * seeds.length)];
  if (kind === 0) return Array.from({ length: Math.floor(r() * 64) }, () => String.fromCharCode(Math.floor(r() * 0x3000))).join('');
  if (kind === 1) return JSON.stringify(randomValue(r)) ?? 'undefined';
  if (kind === 2) {
    const text = encode(seed as never);
    return text.slice(0, Math.floor(r() * text.length));
  }
  if (kind === 3) return '['.repeat(Math.floor(r() * 20_000)) + ']'.repeat(Math.floor(r() * 3));
  return JSON.stringify(mutate(r, seed)) ?? 'null';
}

const guards = { hello: isHello, welcome: isWelcome, refused: isRefused, request: isRequest, response: isResponse, event: isEvent };

describe('decode on garbage', () => {
  it('never throws on 5,000 random and malformed frames; anything accepted passes its guard', () => {
    const r = rng(20261122);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const text = textOf(r);
      let result: unknown;
      expect(() => (result = decode(text))).not.toThrow();
      if (result instanceof FrameError) {
        refused++;
        expect(result.code).toBe('DAEMON_PROTOCOL_ERROR');
        expect(result.message.length).toBeLessThan(600);
      } else {
        accepted++;
        const frame = result as { type: keyof typeof guards };
        expect(guards[frame.type](frame)).toBe(true);
      }
    }
    expect(refused).toBeGreaterThan(3000);
    expect(accepted).toBeGreaterThan(50);
  });

  it('never throws on random bytes', () => {
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(r() * 100) }, () => Math.floor(r() * 256));
      expect(() => decode(bytes)).not.toThrow();
    }
  });
});
