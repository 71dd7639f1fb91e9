import { describe, expect, it } from 'vitest';
import { textChunk } from '../../tui/controller/text-chunk.js';

describe('textChunk', () => {
  it('reads a paste or a non-ASCII character as text; Enter or Tab right after it stay keys', () => {
    expect(textChunk('skaha/astroml:latest')).toEqual({ text: 'skaha/astroml:latest', keys: [], inPaste: false });
    expect(textChunk('analysis\r')).toEqual({ text: 'analysis', keys: ['enter'], inPaste: false });
    expect(textChunk('skaha/astroml:latest\t')).toEqual({ text: 'skaha/astroml:latest', keys: ['tab'], inPaste: false });
    expect(textChunk('é')).toEqual({ text: 'é', keys: [], inPaste: false });
    expect(textChunk('😀')).toEqual({ text: '😀', keys: [], inPaste: false });
  });

  it('takes a paste the terminal marks (bracketed paste) whole, line breaks included, over several chunks', () => {
    expect(textChunk('\u001b[200~line one\nline two\u001b[201~')).toEqual({ text: 'line one\nline two', keys: [], inPaste: false });
    const first = textChunk('\u001b[200~python3 run.py\n');
    expect(first).toEqual({ text: 'python3 run.py\n', keys: [], inPaste: true });
    expect(textChunk('--fast\n', true)).toEqual({ text: '--fast\n', keys: [], inPaste: true });
    expect(textChunk('--verbose\u001b[201~', true)).toEqual({ text: '--verbose', keys: [], inPaste: false });
  });

  it('leaves keys to the key handler: one ASCII character, escape sequences, controls, keys typed after Enter', () => {
    for (const keys of ['a', '\r', '\u001b[A', '\u001b', '\u0001', '\u007f', 'ab\u007f', '\rl', 'abc\rdef'])
      expect(textChunk(keys), JSON.stringify(keys)).toBeNull();
  });
});
