// The launch form driven as a user drives it: typed and pasted text arrives from the terminal as raw input.
import { describe, expect, it } from 'vitest';
import { launchingDaemon } from '../helpers/launching-daemon.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import type { Headless } from '../helpers/headless.js';

const start = useHeadlessDashboard();

/** Writes what a terminal sends for typed or pasted text: one chunk. */
async function typeRaw(h: Headless, text: string): Promise<void> {
  h.terminal.input.write(text);
  await new Promise((resolve) => setTimeout(resolve, 10));
  await h.settle();
}

const field = (h: Headless, label: string) => h.lines().find((l) => l.includes(`│ ${label.padEnd(16)} `)) ?? '';

describe('launch form typing', () => {
  it('takes a full image name as typed (as a terminal sends it), Tab moves on, Enter launches it', async () => {
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'down');
    await typeRaw(h, 'skaha/astroml:latest');
    expect(field(h, 'Image')).toContain('skaha/astroml:latest▏');
    expect(h.text()).not.toContain('must look like');
    await h.keys('tab');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { focus: 'name', image: 'skaha/astroml:latest' } });
    await h.keys('enter');
    expect(launched).toEqual([{ kind: 'notebook', image: 'images.canfar.net/skaha/astroml:latest', name: 'notebook1' }]);
  });

  it('Tab completes the highlighted suggestion, which narrows as you type', async () => {
    const { connection } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'down', 'a', 's', 't', 'r', 'o');
    expect(h.text()).toMatch(/> images\.canfar\.net\/skaha\/astroml:latest/);
    expect(h.text()).toContain('images.canfar.net/skaha/astroml-cuda:latest');
    await h.keys('m', 'l', ':', '2');
    expect(h.text()).toMatch(/> images\.canfar\.net\/skaha\/astroml:24\.07/);
    expect(h.text()).not.toContain('astroml-cuda');
    await h.keys('tab');
    expect(field(h, 'Image')).toContain('images.canfar.net/skaha/astroml:24.07▏');
  });

  it('refuses a mistyped tag before sending, with the closest match', async () => {
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'down');
    await typeRaw(h, 'skaha/astroml:lates');
    await h.keys('enter');
    expect(launched).toEqual([]);
    expect(h.text()).toContain('skaha/astroml:lates is not in the image catalogue — did you mean skaha/astroml:latest?');
  });

  it('pastes into a text field as one line (a pasted line break does not submit), and keeps non-ASCII text whole', async () => {
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'left');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { kind: 'headless' } });
    await h.keys('down');
    await typeRaw(h, 'skaha/terminal:1.1.1');
    for (
      let i = 0;
      i < 8 && h.dashboard.model().view.modal?.type === 'launch' && (h.dashboard.model().view.modal as { form: { focus: string } }).form.focus !== 'cmd';
      i++
    )
      await h.keys('tab');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { focus: 'cmd' } });
    // A marked paste may span chunks; its line breaks are text.
    await typeRaw(h, '\u001b[200~python3 reduce.py\r');
    await typeRaw(h, '--title\u001b[201~');
    await typeRaw(h, ' Données');
    await typeRaw(h, '😀');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { cmd: 'python3 reduce.py --title Données😀' } });
    await h.keys('backspace');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { cmd: 'python3 reduce.py --title Données' } });
    expect(launched).toEqual([]);
    expect(field(h, 'Command')).toContain('python3 reduce.py --title Données▏');
  });

  it('moves the cursor with ←/→ and Home/End, and edits with Ctrl-A/E/U/W', async () => {
    const { connection } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'tab', 'tab');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { focus: 'name', name: 'notebook1' } });
    await h.keys('C-a', 'right', 'right', 'right', 'right', 'x', 'end', '-', '2');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { name: 'notexbook1-2' } });
    await h.keys('left', 'left', 'C-u');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { name: '-2' } });
    await h.keys('C-e', 'C-w', 'home');
    expect(h.dashboard.model().view.modal).toMatchObject({ form: { name: '', cursor: 0 } });
  });

  it('says a mixed-case name is stored in lower case, and shows the stored name once launched', async () => {
    const { connection, launched } = launchingDaemon();
    const { h } = await start(connection);
    await h.keys('n', 'down');
    await typeRaw(h, 'skaha/astroml:latest');
    await h.keys('tab', 'C-u');
    await typeRaw(h, 'MixedCase');
    expect(h.text()).toContain("! stored as 'mixedcase': Skaha lowercases names");
    await h.keys('enter');
    expect(launched[0].name).toBe('MixedCase');
    expect(h.text()).toMatch(/new00001 mixedcase\s+notebook\s+Pending/);
    expect(h.lines().at(-1)).toContain("Skaha lowercases names: 'MixedCase' is stored as 'mixedcase'");
  });
});
