import { describe, expect, it } from 'vitest';
import { textChunk } from '../../tui/controller/text-chunk.js';

describe('textChunk', () => {
  it('reads a paste or a non-ASCII character as text, an Enter at its end as Enter', () => {
    expect(textChunk('skaha/astroml:latest')).toEqual({ text: 'skaha/astroml:latest', enter: false });
    expect(textChunk('a\nb\r')).toEqual({ text: 'a\nb', enter: true });
    expect(textChunk('é')).toEqual({ text: 'é', enter: false });
    expect(textChunk('😀')).toEqual({ text: '😀', enter: false });
    expect(textChunk('\u001b[200~pasted\u001b[201~')).toEqual({ text: 'pasted', enter: false });
  });

  it('leaves keys to the key handler: one ASCII character, escape sequences, control keys', () => {
    for (const keys of ['a', '\r', '\u001b[A', '\u001b', '\u0001', '\u007f', 'ab\u007f']) expect(textChunk(keys), JSON.stringify(keys)).toBeNull();
  });
});
