import { describe, expect, it } from 'vitest';
import { parseCores, parseNumber, parseRamGB } from '../../src/client/parse-values.js';

// The grammar the scanners implement, as the regular expressions they replaced.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const QUANTITY = /^(\d+(?:\.\d*)?|\.\d+)\s*(Ki|Mi|Gi|Ti|Pi|Ei|K|M|G|T|P|E|)B?$/i;

/** Every string of up to `length` characters from `alphabet` (short ones only: it grows fast). */
function strings(alphabet: string, length: number): string[] {
  let out = [''];
  const all: string[] = [];
  for (let n = 1; n <= length; n++) {
    out = out.flatMap((s) => [...alphabet].map((c) => s + c));
    all.push(...out);
  }
  return all;
}

describe('number scanners', () => {
  const corpus = [...strings('1.e+-', 5), ...strings('0.9mE', 4), '12.5e-3', '.5', '5.', '.', '+.', '1e', '1e+', '-0', '0x10', 'Infinity', '1_000', '٣'];

  it('accept exactly what the decimal grammar accepts, with the same value', () => {
    for (const text of corpus) {
      const expected = DECIMAL.test(text) && Number.isFinite(Number(text)) ? Number(text) : null;
      expect([text, parseNumber(text)]).toEqual([text, expected]);
    }
  });

  it('read bare GB counts and millicores as the quantity rules do', () => {
    for (const text of corpus) {
      const m = QUANTITY.exec(text);
      if (m && m[2] === '' && !/b$/i.test(text)) expect([text, parseRamGB(text)]).toEqual([text, Math.round(((Number(m[1]) * 1e9) / 1e9) * 1000) / 1000]);
    }
    expect(parseCores('1367m')).toBe(1.367);
    expect(parseCores('5.m')).toBe(0.005);
    expect(parseCores('m')).toBeNull();
    expect(parseCores('1.5e0')).toBe(1.5);
  });
});
