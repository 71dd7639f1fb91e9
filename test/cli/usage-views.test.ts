// `usage` pieces: the --since forms and how hours are written.
import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/usage-since.js';
import { cpuShare, formatHours } from '../../src/cli/views/usage-views.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('usage --since', () => {
  it('takes a span back from now or a local date or time', () => {
    expect(parseSince('7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(parseSince('36h', NOW)).toBe(NOW - 36 * 3_600_000);
    expect(parseSince('2w', NOW)).toBe(NOW - 14 * 86_400_000);
    expect(parseSince('2026-11-20', NOW)).toBe(new Date(2026, 10, 20).getTime());
    expect(parseSince('2026-11-20T08:00Z', NOW)).toBe(Date.parse('2026-11-20T08:00Z'));
  });

  it('says what is wrong with anything else', () => {
    expect(() => parseSince('yesterday', NOW)).toThrow(/--since "yesterday" is not a span or a date: use e\.g\. 7d/);
    expect(() => parseSince('2026-02-30', NOW)).toThrow(/is not a span or a date/);
    expect(() => parseSince('2027-01-01', NOW)).toThrow(/is not in the past/);
  });
});

describe('usage figures', () => {
  it('write hours to 3 significant figures, a trace as <0.01, and the share used', () => {
    expect([0, 0.001, 0.25, 14.25, 123.4].map(formatHours)).toEqual(['0', '<0.01', '0.25', '14.3', '123']);
    expect(cpuShare({ hours: 1, coreHoursRequested: 8, coreHoursUsed: 2, gibHoursRequested: 0, gibHoursUsed: 0, gpuHours: 0 })).toBe('25%');
    expect(cpuShare({ hours: 1, coreHoursRequested: 0, coreHoursUsed: 0, gibHoursRequested: 0, gibHoursUsed: 0, gpuHours: 0 })).toBeNull();
  });
});
