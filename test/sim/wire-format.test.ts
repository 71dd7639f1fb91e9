import { describe, expect, test } from 'vitest';
import { fixed, formatCores, formatGB, formatStatsGB, GIB, JavaDouble, javaInstant, javaOffsetDateTime, toGson } from '../../src/sim/wire-format.js';
import { createRng, randomId } from '../../src/sim/random.js';

describe('wire formats', () => {
  test('startTime prints like Java OffsetDateTime: no seconds when they are :00', () => {
    expect(javaOffsetDateTime(Date.parse('2025-07-09T06:18:03Z'))).toBe('2025-07-09T06:18:03Z');
    expect(javaOffsetDateTime(Date.parse('2025-07-09T06:18:00Z'))).toBe('2025-07-09T06:18Z');
    expect(javaOffsetDateTime(Date.parse('2025-07-09T06:18:00.900Z'))).toBe('2025-07-09T06:18Z');
  });

  test('expiryTime prints like Java Instant: always with seconds', () => {
    expect(javaInstant(Date.parse('2025-07-13T06:18:00Z'))).toBe('2025-07-13T06:18:00Z');
    expect(javaInstant(Date.parse('2025-07-13T06:18:03.456Z'))).toBe('2025-07-13T06:18:03Z');
  });

  test('RAM is decimal GB with 2 decimals and no unit (ResourceQuantityFormatter)', () => {
    expect(formatGB(8 * GIB)).toBe('8.59');
    expect(formatGB(4 * GIB)).toBe('4.29');
    expect(formatGB(2.34e9)).toBe('2.34');
    expect(fixed(0.125, 2)).toBe('0.13');
  });

  test('CPU passes whole cores through and prints millicores with 3 decimals', () => {
    expect(formatCores(2)).toBe('2');
    expect(formatCores(1.367)).toBe('1.367');
    expect(formatCores(0.1)).toBe('0.100');
    expect(formatCores(0.25)).toBe('0.250');
  });

  test('stats RAM is decimal GB with at most 3 decimals and a G suffix', () => {
    expect(formatStatsGB(128 * GIB)).toBe('137.439G');
    expect(formatStatsGB(512 * GIB)).toBe('549.756G');
  });

  test('Gson-style JSON: pretty printed, null and undefined fields left out, doubles with .0', () => {
    const text = toGson({ a: 'x', b: null, c: undefined, d: [1, 2], e: [], f: new JavaDouble(64), g: new JavaDouble(12.5), h: {} });
    expect(text).toBe('{\n  "a": "x",\n  "d": [\n    1,\n    2\n  ],\n  "e": [],\n  "f": 64.0,\n  "g": 12.5,\n  "h": {}\n}');
    expect(toGson([])).toBe('[]');
    expect(text).not.toContain('null');
  });

  test('ids are 8 chars of [a-z0-9] starting with a letter, deterministic per seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const ids = Array.from({ length: 500 }, () => randomId(a, 8));
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{7}$/);
    expect(Array.from({ length: 500 }, () => randomId(b, 8))).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    expect(randomId(createRng(8), 8)).not.toBe(ids[0]);
  });
});
