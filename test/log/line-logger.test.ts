import { describe, expect, it } from 'vitest';
import { createLineLogger, redact } from '../../src/log/line-logger.js';
import { T0 } from '../helpers/builders.js';

describe('createLineLogger', () => {
  it('writes lines at or above its level, with fields, and follows level changes', () => {
    const lines: string[] = [];
    const logger = createLineLogger({ level: 'info', write: (l) => lines.push(l), now: () => T0 });
    logger.debug('hidden');
    logger.info('poll ok', { sessions: 3, server: 'https://x' });
    logger.setLevel('debug');
    logger.debug('now shown');
    expect(lines).toEqual(['2026-11-22T12:00:00.000Z INFO  poll ok sessions=3 server="https://x"', '2026-11-22T12:00:00.000Z DEBUG now shown']);
  });

  it('scrubs secrets from messages and fields, and keeps one event on one line', () => {
    const lines: string[] = [];
    const token = 'eyJhbGciOiJIUzI1NiJ9.secret-token';
    const logger = createLineLogger({ level: 'debug', write: (l) => lines.push(l), secrets: () => [token] });
    logger.warn(`request failed with Authorization: Bearer ${token}\nsecond line`, { header: token, error: new Error(token) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).toContain('Bearer «redacted» second line');
  });

  it('does not redact very short values that would mangle ordinary text', () => {
    expect(redact('a b c', ['b'])).toBe('a b c');
  });
});
