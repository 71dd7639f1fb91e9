import { describe, expect, it } from 'vitest';
import { openPicker } from '../../../tui/app-picker.js';
import { newLaunchForm } from '../../../tui/form/launch-form.js';
import { appPickerLines } from '../../../tui/render/app-picker.js';
import { textWidth } from '../../../tui/render/cells.js';
import { confirmLines } from '../../../tui/render/confirm.js';
import { launchFormLines } from '../../../tui/render/launch-form.js';
import { stripTags } from '../../../tui/render/paint.js';
import { restartLines } from '../../../tui/render/restart-dialog.js';
import { urlDialogLines } from '../../../tui/render/url-dialog.js';
import { fitOrWrap } from '../../../tui/render/wrap-words.js';
import { CONFIRM, FORM, RESTART, URL_DIALOG } from '../../../tui/text.js';
import { makeSession } from '../../helpers/builders.js';
import { ctx, env } from '../form/form-fixtures.js';

const WIDTH = 50;
const daemon = 'https://ws-uv.canfar.net/skaha with the certificate /home/someone/.ssl/cadcproxy.pem (expires 2026-12-01)';
const mine = 'https://ws-cadc.canfar.net/skaha with the token in SKAHA_TOKEN';

/** Every word of `text` is found whole in `lines` (none cut across two lines or lost). */
function expectWordsWhole(lines: string[], text: string): void {
  const words = new Set(lines.flatMap((l) => l.trim().split(/\s+/)));
  for (const word of text.split(/\s+/).filter((w) => w !== '' && w.length <= WIDTH)) expect(words, `${word} in\n${lines.join('\n')}`).toContain(word);
}

function expectInside(lines: string[]): void {
  for (const line of lines) expect(textWidth(line), line).toBeLessThanOrEqual(WIDTH);
}

describe('dialogs wrap long text at words, inside the dialog', () => {
  it('the restart dialog: both connections, the effect and the keys whole', () => {
    const lines = restartLines({ daemon, mine, difference: { daemon, mine } }, WIDTH, ctx).map(stripTags);
    expectInside(lines);
    for (const text of [daemon, mine, RESTART.title, RESTART.effect, RESTART.keys]) expectWordsWhole(lines, text);
  });

  it('the launch form: a long server error and the key line', () => {
    const serverError =
      'POST https://ws-uv.canfar.net/skaha/v1/session: 400 image images.canfar.net/skaha/nope:latest is not in the allowed list for this user';
    const lines = launchFormLines({ ...newLaunchForm(env), focus: 'name', serverError }, env, WIDTH, ctx).map(stripTags);
    expectInside(lines.filter((l) => !l.startsWith('  ')));
    expectWordsWhole(lines, serverError);
    expectWordsWhole(lines, FORM.keys);
  });

  it('the confirmation, the URL dialog and the app picker: titles and key lines', () => {
    const confirm = confirmLines('delete', [makeSession({ id: 'nb000001', name: 'nb' })], WIDTH, 5, ctx).map(stripTags);
    expectInside(confirm.filter((l) => !l.startsWith('  ')));
    expectWordsWhole(confirm, CONFIRM.keys);
    const url = urlDialogLines('nb', 'https://ws-uv.canfar.net/session/notebook/nb000001/lab/tree', WIDTH, ctx).map(stripTags);
    expectInside(url);
    expectWordsWhole(url, URL_DIALOG.keys);
    const desk = 'a-desktop-with-a-rather-long-name and more';
    const picker = appPickerLines({ ...openPicker('launch', 'dt000001'), items: [] }, desk, WIDTH, ctx).map(stripTags);
    expectInside(picker);
    expectWordsWhole(picker, desk);
  });

  it('keeps a key line as written when it fits', () => {
    expect(fitOrWrap(RESTART.keys, 80)).toEqual([RESTART.keys]);
    expect(fitOrWrap('[y] yes   [n] no', 10)).toEqual(['[y] yes', '[n] no']);
  });
});
