import { describe, expect, it } from 'vitest';
import { decode, encode, FrameError, isFrameError, type Frame } from '../../src/protocol/codec.js';
import { isHello, makeHello } from '../../src/protocol/messages/hello.js';
import { isWelcome, makeWelcome } from '../../src/protocol/messages/welcome.js';
import { isRefused, makeRefused } from '../../src/protocol/messages/refused.js';
import { isRequest, makeRequest } from '../../src/protocol/messages/request.js';
import { errorResponse, isResponse, okResponse } from '../../src/protocol/messages/response.js';
import { AppError } from '../../src/domain/errors.js';
import { isEvent, makeEvent } from '../../src/protocol/messages/event.js';
import { REQUEST_METHODS } from '../../src/protocol/requests.js';
import { EVENT_TOPICS } from '../../src/protocol/topics.js';
import { MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { clientSnapshot } from '../../src/protocol/patch.js';
import { initialState } from '../../src/state/state.js';
import { reduce } from '../../src/state/reduce.js';
import { makeSession, T0 } from '../state/builders.js';

const state = reduce(initialState(), { type: 'poll.succeeded', sessions: [makeSession({ id: 's1' })], at: T0 });
const session = makeSession({ id: 's1' });

const validParams: Record<string, unknown> = {
  refresh: {},
  snapshot: {},
  launch: {
    name: 'fit',
    image: 'images.canfar.net/skaha/astroml:latest',
    kind: 'headless',
    cores: 2,
    ram: 8,
    gpus: 0,
    cmd: 'python',
    args: 'run.py --fast',
    env: ['A=1'],
    replicas: 12,
    registryAuth: { username: 'u', secret: 's' },
  },
  delete: { ids: ['a', 'b'] },
  renew: { ids: ['a'] },
  'logs.subscribe': { sessionId: 's1' },
  'logs.unsubscribe': { sessionId: 's1' },
  'logs.kept': { sessionId: 's1' },
  events: { sessionId: 's1' },
  apps: { sessionId: 's1' },
  'apps.launch': { sessionId: 's1', image: 'images.canfar.net/skaha/xterm:1.0', cores: 1, ram: 2 },
  'apps.delete': { sessionId: 's1', appId: 'x1y' },
  images: { kind: 'notebook' },
  context: {},
  'stats.history': {},
  history: { ids: ['s1'], stats: true },
  usage: { since: T0 - 7 * 86_400_000, until: T0 },
  'notices.ack': { keys: ['moved:1'] },
  'daemon.metrics': {},
  'config.get': {},
  shutdown: {},
};

const eventData: Record<string, unknown> = {
  'state:snapshot': clientSnapshot(state),
  'state:patch': { sessions: { set: { s1: session }, del: ['s0'] }, fields: { lastPollAt: T0 } },
  'session:added': { type: 'session:added', key: 'added:s1', at: T0, session },
  'session:status-changed': { type: 'session:status-changed', key: 'status:s1:Running', at: T0, session, from: 'Pending', to: 'Running' },
  'session:preempted': { type: 'session:preempted', key: 'preempted:s1:1', at: T0, session, since: T0 },
  'session:removed': { type: 'session:removed', key: 'removed:s1', at: T0, session, reason: 'vanished' },
  'session:expiring': { type: 'session:expiring', key: 'e', at: T0, session, thresholdSec: 600, expiresAt: '2026-11-22T13:00:00Z' },
  'session:idle': { type: 'session:idle', key: 'idle:s1:1', at: T0, session, since: T0 - 6 * 3_600_000, used: 0.02, requested: 8, threshold: 0.4 },
  'job:finished': { type: 'job:finished', key: 'j', at: T0, session, status: 'Completed' },
  'replicas:summary': { type: 'replicas:summary', key: 'r', at: T0, base: 'fit', total: 2, completed: 2, failed: 0, ids: ['a', 'b'] },
  'credentials:expiring': { type: 'credentials:expiring', key: 'c', at: T0, kind: 'token', expiresAt: 'x', thresholdSec: 3600 },
  'credentials:expired': { type: 'credentials:expired', key: 'c', at: T0, kind: 'token', expiresAt: 'x' },
  'platform:down': { type: 'platform:down', key: 'd', at: T0, since: T0, error: null },
  'platform:recovered': { type: 'platform:recovered', key: 'r', at: T0, downSince: T0 },
  'storage:high': { type: 'storage:high', key: 'storage-high:1', at: T0, usedBytes: 91e9, quotaBytes: 100e9, percent: 91 },
  'launch:failed': {
    type: 'launch:failed',
    key: 'l',
    at: T0,
    launchId: 'L',
    name: 'n',
    failed: 1,
    total: 1,
    error: { code: 'SKAHA_BAD_REQUEST', message: 'm' },
  },
  notification: { key: 'k', title: 't', body: 'b', urgency: 'normal', at: T0 },
  'logs:reset': { sessionId: 's1', lines: ['a', 'b'], truncated: false },
  'logs:append': { sessionId: 's1', lines: ['c'] },
  'health:changed': state.health,
  warning: { code: 'CONFIG_ERROR', message: 'config.json: bad' },
};

const frames: Frame[] = [
  { type: 'hello', protocol: PROTOCOL_VERSION, client: 'skaha-tui dashboard' },
  { type: 'welcome', protocol: PROTOCOL_VERSION, daemonVersion: '0.1.0', identity: null, snapshot: clientSnapshot(state) },
  {
    type: 'welcome',
    protocol: PROTOCOL_VERSION,
    daemonVersion: '0.1.0',
    snapshot: clientSnapshot(state),
    identity: { server: 'https://ws-uv.canfar.net/skaha/v1', credential: { kind: 'certificate', source: 'default', fingerprint: '0123456789ab' } },
  },
  { type: 'refused', protocol: PROTOCOL_VERSION, error: { code: 'DAEMON_PROTOCOL_ERROR', message: 'protocol 2 is not 1' } },
  ...REQUEST_METHODS.map((method, i) => ({ type: 'request', id: `r${i}`, method, params: validParams[method] }) as Frame),
  { type: 'response', id: 'r1', ok: true, result: { polledAt: T0 } },
  { type: 'response', id: 'r2', ok: false, error: { code: 'SKAHA_NOT_FOUND', message: 'GET …/session/x: 404', status: 404 } },
  ...EVENT_TOPICS.map((topic) => makeEvent(topic, eventData[topic] as never) as Frame),
];

describe('codec', () => {
  it('covers every method and topic in the fixtures', () => {
    expect(Object.keys(validParams).sort()).toEqual([...REQUEST_METHODS].sort());
    expect(Object.keys(eventData).sort()).toEqual([...EVENT_TOPICS].sort());
  });

  it.each(frames.map((f) => [f.type + ('method' in f ? `:${f.method}` : 'topic' in f ? `:${f.topic}` : ''), f]))('round-trips %s', (_, frame) => {
    const decoded = decode(encode(frame), 64 * MAX_FRAME_BYTES);
    expect(decoded).not.toBeInstanceOf(FrameError);
    // Decoding gives the JSON form (histories as columns; clients revive them, see reviveState).
    expect(decoded).toEqual(JSON.parse(JSON.stringify(frame)));
    expect(decode(new TextEncoder().encode(encode(frame)), 64 * MAX_FRAME_BYTES)).toEqual(JSON.parse(JSON.stringify(frame)));
  });

  it('each guard accepts its own frames and refuses the others', () => {
    const guards = { hello: isHello, welcome: isWelcome, refused: isRefused, request: isRequest, response: isResponse, event: isEvent };
    for (const frame of frames) for (const [type, guard] of Object.entries(guards)) expect(guard(frame), `${type} on ${frame.type}`).toBe(type === frame.type);
  });

  it('fills missing request params with {}', () => {
    expect(decode('{"type":"request","id":"1","method":"refresh"}')).toEqual({ type: 'request', id: '1', method: 'refresh', params: {} });
  });

  it.each([
    ['not json', '{', /not valid UTF-8 JSON/, null],
    ['not an object', '[1,2]', /must be a JSON object, got an array/, null],
    ['no type', '{"id":"1"}', /frame type missing/, null],
    ['unknown type', '{"type":"launch"}', /frame type "launch" is not one of hello, welcome/, null],
    ['unknown method', '{"type":"request","id":"7","method":"explode"}', /request.method "explode" is not one of refresh/, '7'],
    ['bad params', '{"type":"request","id":"8","method":"delete","params":{"ids":[]}}', /params.ids must hold at least 1/, '8'],
    [
      'typo in params',
      '{"type":"request","id":"9","method":"launch","params":{"name":"a","image":"b","kind":"headless","replica":3}}',
      /unknown field "replica"/,
      '9',
    ],
    ['bad kind', '{"type":"request","id":"9","method":"launch","params":{"name":"a","image":"b","kind":"vm"}}', /params.kind must be one of notebook/, '9'],
    [
      'too many replicas',
      '{"type":"request","id":"9","method":"launch","params":{"name":"a","image":"b","kind":"headless","replicas":513}}',
      /replicas must be between 1 and 512/,
      '9',
    ],
    ['bad id', '{"type":"request","id":5,"method":"refresh"}', /request.id must be a string/, null],
    ['hello without version', '{"type":"hello","client":"x"}', /hello.protocol must be a finite number/, null],
    ['unknown topic', '{"type":"event","topic":"boom","data":{}}', /event.topic "boom"/, null],
  ])('explains %s', (_, text, message, requestId) => {
    const result = decode(text);
    expect(isFrameError(result)).toBe(true);
    const error = result as FrameError;
    expect(error.code).toBe('DAEMON_PROTOCOL_ERROR');
    expect(error.message).toMatch(message);
    expect(error.requestId).toBe(requestId);
  });

  it('refuses frames over the size limit without parsing them', () => {
    const big = JSON.stringify({ type: 'hello', protocol: 2, client: 'x'.repeat(MAX_FRAME_BYTES) });
    expect((decode(big) as FrameError).message).toMatch(/exceeds the 1048576-byte limit/);
    expect((decode(new Uint8Array(MAX_FRAME_BYTES + 1)) as FrameError).message).toMatch(/exceeds/);
    expect((decode(`"${'é'.repeat(600_000)}"`) as FrameError).message).toMatch(/exceeds/);
  });

  it('refuses invalid UTF-8 bytes', () => {
    expect((decode(new Uint8Array([0x7b, 0xff, 0x7d])) as FrameError).message).toMatch(/not valid UTF-8 JSON/);
  });

  it('builds valid frames, leaving out emitted keys and error internals', () => {
    const withKeys = reduce(state, { type: 'events.emitted', keys: ['status:s1:Running'], at: T0 });
    const welcome = makeWelcome('0.1.0', withKeys);
    expect(welcome.snapshot.emitted).toEqual({});
    const error = new AppError('SKAHA_NOT_FOUND', 'GET https://x/session/zz: 404', { status: 404, url: 'https://x/session/zz', cause: new Error('inner') });
    const built = [
      makeHello('cli'),
      welcome,
      makeRefused({ code: 'DAEMON_PROTOCOL_ERROR', message: 'version' }),
      makeRequest('1', 'renew', { ids: ['a'] }),
      okResponse('1', { results: [] }),
      errorResponse('2', error),
    ];
    for (const frame of built) expect(decode(encode(frame as Frame))).toEqual(JSON.parse(JSON.stringify(frame)));
    expect(errorResponse('2', error)).toEqual({
      type: 'response',
      id: '2',
      ok: false,
      error: { code: 'SKAHA_NOT_FOUND', message: 'GET https://x/session/zz: 404', status: 404 },
    });
  });

  it('accepts multi-byte text up to the limit', () => {
    const text = JSON.stringify({ type: 'hello', protocol: 2, client: 'é'.repeat(50) + ' '.repeat(400_000) });
    expect(isFrameError(decode(text))).toBe(true); // the client name is too long, but the size check passed
    expect((decode(text) as FrameError).message).toMatch(/hello.client is longer than 100/);
  });
});
