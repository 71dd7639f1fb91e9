import { describe, expect, it } from 'vitest';
import { hasTerminalControl } from '../../src/domain/terminal-text.js';
import { openableUrl } from '../../src/domain/openable-url.js';
import { rejectionOf } from '../helpers/rejection.js';

describe('openableUrl', () => {
  it('passes http and https URLs on, normalised', () => {
    expect(openableUrl('https://ws-uv.canfar.net/session/notebook/ab12/lab?token=ab12')).toBe('https://ws-uv.canfar.net/session/notebook/ab12/lab?token=ab12');
    expect(openableUrl('HTTP://Example.org')).toBe('http://example.org/');
  });

  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['--version', /option/],
    ['-https://x/', /option/],
    ['https://x/\n--version', /control/],
    ['https://x/ y', /spaces/],
    ['\u001b]8;;https://x/', /control/],
    ['not a url', /spaces/],
    ['example.org/path', /not a URL/],
  ])('refuses %j', async (url, why) => {
    const error = await rejectionOf((async () => openableUrl(url))());
    expect(error.code).toBe('PROTOCOL_ERROR');
    expect(error.message).toMatch(why);
    expect(hasTerminalControl(error.message), 'the refusal quotes the URL with controls escaped').toBe(false);
  });
});
