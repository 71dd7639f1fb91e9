import { describe, expect, it } from 'vitest';
import { parseCores, parseNumber, parseRamCeiling, parseRamGB, parseTime, optionalString } from '../../src/client/parse-values.js';

describe('lenient value parsing', () => {
  it.each([
    ['8.59', 8.59],
    ['8G', 8],
    ['90Mi', 0.094],
    ['1.5Gi', 1.611],
    ['137.439G', 137.439],
    ['1G', 1],
    ['549.756G', 549.756],
    ['512Mi', 0.537],
    ['2Ti', 2199.023],
    [4, 4],
    ['<none>', null],
    ['', null],
    [undefined, null],
    ['lots', null],
  ])('RAM %j → %j GB', (input, expected) => expect(parseRamGB(input)).toBe(expected));

  it.each([
    ['2', 2],
    ['1.367', 1.367],
    ['1367m', 1.367],
    ['2m', 0.002],
    ['0.233', 0.233],
    ['1.5m', 0.0015],
    [8, 8],
    ['<none>', null],
    ['<nil>', null],
    [null, null],
  ])('cores %j → %j', (input, expected) => expect(parseCores(input)).toBe(expected));

  it.each([
    ['24G', 24],
    ['32Gi', 32],
    ['20Gi', 20],
    ['32768Mi', 32],
    [24, 24],
  ])('RAM ceiling %j → %j', (input, expected) => expect(parseRamCeiling(input)).toBe(expected));

  it('parses numbers from numbers and numeric strings only', () => {
    expect(parseNumber('5')).toBe(5);
    expect(parseNumber(' 64.0 ')).toBe(64);
    expect(parseNumber('5 sessions')).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
  });

  it('pads times without seconds and normalises to UTC with seconds', () => {
    expect(parseTime('2025-07-09T06:18Z')).toBe('2025-07-09T06:18:00Z');
    expect(parseTime('2025-07-09T06:18:03Z')).toBe('2025-07-09T06:18:03Z');
    expect(parseTime('2025-07-09T06:18:03.250Z')).toBe('2025-07-09T06:18:03.250Z');
    expect(parseTime('<none>')).toBeNull();
  });

  it('maps placeholders to null', () => {
    expect(['<none>', '<nil>', '', '  '].map(optionalString)).toEqual([null, null, null, null]);
    expect(optionalString(' x ')).toBe('x');
  });
});
