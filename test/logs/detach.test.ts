import { describe, expect, it } from 'vitest';
import { detachString } from '../../src/logs/detach.js';
import { LineBuffer } from '../../src/logs/line-buffer.js';

describe('detachString', () => {
  it('copies every string exactly, lone surrogates and control characters included', () => {
    for (const text of ['', 'plain line', 'tab\tquote"back\\slash', 'emoji 🚀 é', '\ud800 lone high', 'lone low \udc00', '\u0000\u001f']) {
      expect(detachString(text)).toBe(text);
    }
  });
});

describe('LineBuffer', () => {
  it('keeps the same text for lines cut from a bigger snapshot', () => {
    const snapshot = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const buffer = new LineBuffer(10);
    buffer.push(snapshot.split('\n'));
    expect(buffer.lines()).toEqual(snapshot.split('\n').slice(-10));
  });
});
