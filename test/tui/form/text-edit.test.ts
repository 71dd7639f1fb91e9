import { describe, expect, it } from 'vitest';
import { applyEdit, cursorAt, oneLine, type EditAction, type LineEdit } from '../../../tui/form/text-edit.js';

const run = (edit: LineEdit, ...actions: EditAction[]) => actions.reduce(applyEdit, edit);
const at = (text: string, cursor: number | null = null): LineEdit => ({ text, cursor });

describe('one-line editing', () => {
  it('types at the cursor, which ←/→, Home and End move', () => {
    const e = run(at('pythn job.py'), { type: 'home' }, ...Array(4).fill({ type: 'cursor-right' }), { type: 'insert', text: 'o' });
    expect(e.text).toBe('python job.py');
    expect(cursorAt(e)).toBe(5);
    expect(run(e, { type: 'end' }, { type: 'insert', text: ' --fast' }).text).toBe('python job.py --fast');
    expect(run(at('ab', 0), { type: 'cursor-left' }).cursor).toBe(0);
    expect(run(at('ab'), { type: 'cursor-right' }).cursor).toBeNull();
  });

  it('backspace and delete on either side of the cursor', () => {
    expect(run(at('abcd', 2), { type: 'backspace' })).toEqual({ text: 'acd', cursor: 1 });
    expect(run(at('abcd', 2), { type: 'delete' })).toEqual({ text: 'abd', cursor: 2 });
    expect(run(at('abcd', 0), { type: 'backspace' })).toEqual({ text: 'abcd', cursor: 0 });
  });

  it('Ctrl-U, Ctrl-K and Ctrl-W kill as in readline', () => {
    expect(run(at('python job.py --fast', 14), { type: 'kill-start' })).toEqual({ text: '--fast', cursor: 0 });
    expect(run(at('python job.py --fast', 6), { type: 'kill-end' })).toEqual({ text: 'python', cursor: null });
    expect(run(at('python job.py  '), { type: 'kill-word' })).toEqual({ text: 'python ', cursor: null });
    expect(run(at('python job.py --fast', 13), { type: 'kill-word' })).toEqual({ text: 'python  --fast', cursor: 7 });
  });

  it('keeps non-ASCII text whole: accents, CJK and emoji are one character each', () => {
    const e = run(at(''), { type: 'insert', text: 'Données ' }, { type: 'insert', text: '日本' }, { type: 'insert', text: '😀' });
    expect(e.text).toBe('Données 日本😀');
    expect(run(e, { type: 'backspace' }).text).toBe('Données 日本');
    expect(run(e, { type: 'cursor-left' }, { type: 'cursor-left' }, { type: 'backspace' }).text).toBe('Données 本😀');
  });

  it('pastes one line: line breaks and tabs become spaces, other controls go', () => {
    expect(oneLine('a\r\nb\tc\u001b[31md\u0007')).toBe('a b c[31md');
    expect(run(at('x'), { type: 'insert', text: 'line one\nline two' }).text).toBe('xline one line two');
  });
});
