import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatCores,
  formatDuration,
  formatGB,
  formatNumber,
  formatOptions,
  formatPercent,
  formatTimeLeft,
  formatTimestamp,
  formatUsage,
  parseTime,
  shortDigest,
} from '../../src/cli/format.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('formatDuration', () => {
  it('uses at most two units, largest first', () => {
    expect(formatDuration(45 * S)).toBe('45s');
    expect(formatDuration(12 * M + 59 * S)).toBe('12m');
    expect(formatDuration(5 * H + 3 * M)).toBe('5h 3m');
    expect(formatDuration(3 * D + 4 * H + 59 * M)).toBe('3d 4h');
  });
  it('drops a zero second unit and clamps negatives to 0s', () => {
    expect(formatDuration(2 * H)).toBe('2h');
    expect(formatDuration(4 * D)).toBe('4d');
    expect(formatDuration(-5 * M)).toBe('0s');
  });
});

describe('times', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('age and time left relative to now, "-" when unknown', () => {
    expect(formatAge('2026-11-22T11:48:00Z', now)).toBe('12m');
    expect(formatAge(null, now)).toBe('-');
    expect(formatTimeLeft('2026-11-26T12:00:00Z', now)).toBe('4d');
    expect(formatTimeLeft('2026-11-22T11:00:00Z', now)).toBe('expired');
    expect(formatTimeLeft(undefined, now)).toBe('-');
  });
  it('parses ISO times leniently and prints UTC timestamps', () => {
    expect(parseTime('2025-07-09T06:18Z')).toBe(Date.parse('2025-07-09T06:18:00Z'));
    expect(parseTime('not a time')).toBeNull();
    expect(formatTimestamp('2026-11-22T12:00:05Z')).toBe('2026-11-22 12:00:05 UTC');
    expect(formatTimestamp(null)).toBe('-');
  });
});

describe('sizes and numbers', () => {
  it('formats cores with up to two decimals', () => {
    expect(formatCores(2)).toBe('2');
    expect(formatCores(1.367)).toBe('1.37');
    expect(formatCores(null)).toBe('-');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });
  it('formats decimal GB as M below 1, one decimal below 10, whole above', () => {
    expect(formatGB(0.54)).toBe('540M');
    expect(formatGB(8.59)).toBe('8.6G');
    expect(formatGB(8)).toBe('8G');
    expect(formatGB(137.439)).toBe('137G');
    expect(formatGB(undefined)).toBe('-');
  });
  it('formats usage against the request', () => {
    expect(formatUsage(0.5, 2, formatCores)).toBe('0.5/2');
    expect(formatUsage(0.5, null, formatCores)).toBe('0.5');
    expect(formatUsage(null, 2, formatCores)).toBe('-/2');
    expect(formatUsage(null, null, formatCores)).toBe('-');
  });
  it('formats percentages only when both sides are known', () => {
    expect(formatPercent(12.5, 64)).toBe('20%');
    expect(formatPercent(null, 64)).toBeNull();
    expect(formatPercent(1, 0)).toBeNull();
  });
  it('shortens digests and compacts option lists', () => {
    expect(shortDigest('sha256:936e8798f9d4aabbccdd')).toBe('936e8798f9d4');
    expect(shortDigest(null)).toBe('-');
    expect(formatOptions([1, 2, 3, 4, 6, 8, 9])).toBe('1-4,6,8,9');
    expect(formatOptions([])).toBe('-');
  });
});
