import { describe, expect, it } from 'vitest';
import { errorJson, eventJson, jsonLine, jsonText, launchResultJson, sessionJson, statsJson } from '../../src/cli/json-output.js';
import { AppError } from '../../src/domain/errors.js';
import { session } from './cli-harness.js';

describe('JSON shapes', () => {
  it('prints exactly the documented session keys, in order, dropping extras', () => {
    const withExtras = { ...session({ url: null }), appId: 'x1y', secretish: 'nope' };
    const json = sessionJson(withExtras);
    // The session keys stay as they were; skaha-tui's additions come after them.
    expect(Object.keys(json)).toEqual([
      'id',
      'name',
      'kind',
      'status',
      'image',
      'user',
      'startedAt',
      'expiresAt',
      'url',
      'cpu',
      'ramGB',
      'gpus',
      'fixed',
      'ramGiB',
      'pending',
      'failure',
    ]);
    expect(json.cpu).toEqual({ requested: 2, used: 0.5 });
    expect(json.ramGB).toEqual({ requested: 8, used: 1.5 });
    expect(json.ramGiB).toEqual({ requested: 7.45, used: 1.4 });
    expect(json).toMatchObject({ pending: null, failure: null });
    expect(json.gpus).toEqual({ requested: 0 });
    expect(json.url).toBeNull();
  });
  it('turns empty URLs and non-finite numbers into null', () => {
    const json = sessionJson(session({ url: '', cpu: { requested: Number.NaN, used: null } }));
    expect(json.url).toBeNull();
    expect(json.cpu).toEqual({ requested: null, used: null });
  });
  it('prints stats, events and launch results with their documented keys', () => {
    const stats = statsJson({ cpu: { allocated: 1, capacity: 2, maxPerSession: 3 }, ramGB: { allocated: 4, capacity: 5, maxPerSession: null } });
    expect(stats).toEqual({ cpu: { allocated: 1, capacity: 2, maxPerSession: 3 }, ramGB: { allocated: 4, capacity: 5, maxPerSession: null } });
    const event = eventJson({ type: 'Normal', reason: 'Pulled', message: 'ok', firstTime: null, lastTime: '2026-01-01T00:00:00Z' });
    expect(Object.keys(event)).toEqual(['type', 'reason', 'message', 'firstTime', 'lastTime']);
    expect(launchResultJson({ name: 'a', id: 'x' })).toEqual({ name: 'a', id: 'x' });
    expect(launchResultJson({ name: 'b', error: { code: 'SKAHA_BAD_REQUEST', message: 'no', status: 400 } })).toEqual({
      name: 'b',
      error: { code: 'SKAHA_BAD_REQUEST', message: 'no' },
    });
  });
  it('wraps errors as {"error":{"code","message"}}', () => {
    expect(errorJson(new AppError('TIMEOUT', 'too slow', { status: 1 }))).toEqual({ error: { code: 'TIMEOUT', message: 'too slow' } });
    expect(errorJson(new Error('boom')).error.code).toBe('INTERNAL_ERROR');
  });
});

describe('JSON text for a terminal', () => {
  it('escapes DEL and C1 the JSON way (JSON.stringify writes them raw) and parses back to the exact strings', () => {
    const value = { name: 'a\u001b]52;c;aGk=\u0007b\u009b2Jc\u007fd\u0085', list: ['\u009b31m'] };
    for (const text of [jsonText(value), jsonLine(value)]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(text).toContain('\\u009b');
      expect(JSON.parse(text)).toEqual(value);
    }
  });
});
