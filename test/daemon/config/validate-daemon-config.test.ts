import { describe, expect, it } from 'vitest';
import { parseListenAddress, validateDaemonConfig } from '../../../daemon/config/validate-daemon-config.js';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';

describe('validateDaemonConfig', () => {
  it('gives the defaults for an empty config, with no problems', () => {
    expect(validateDaemonConfig({})).toEqual({ config: DEFAULT_DAEMON_CONFIG, problems: [] });
  });

  it('accepts a full valid config, connection keys included', () => {
    const { config, problems } = validateDaemonConfig({
      url: 'https://ws-uv.canfar.net/skaha',
      certificate: '~/.ssl/cadcproxy.pem',
      polling: { fastMs: 1_000, normalMs: 10_000 },
      notifications: { quiet: true, kinds: { 'session:expiring': false }, expiringMinutes: [30], terminal: 'osc9' },
      hooks: [{ command: 'notify-me', events: ['job:completed'] }],
      autoRenew: [{ match: '^nb-', thresholdMinutes: 90 }],
      listen: { tcp: '127.0.0.1:8765', allowedOrigins: ['http://localhost:3000'] },
      logs: { refreshMs: 5_000 },
      logLevel: 'debug',
    });
    expect(problems).toEqual([]);
    expect(config.polling.fastMs).toBe(1_000);
    expect(config.polling.slowMs).toBe(DEFAULT_DAEMON_CONFIG.polling.slowMs);
    expect(config.notifications).toMatchObject({ quiet: true, kinds: { 'session:expiring': false }, expiringMinutes: [30], terminal: 'osc9' });
    expect(config.hooks).toEqual([{ command: 'notify-me', events: ['job:completed'], timeoutMs: 10_000 }]);
    expect(config.listen.tcp).toEqual({ host: '127.0.0.1', port: 8765 });
    expect(config.logLevel).toBe('debug');
    expect(config.hookQueue).toEqual({ concurrency: 4, limit: 1000 });
    expect(validateDaemonConfig({ hookQueue: { concurrency: 2, limit: 50 } }).config.hookQueue).toEqual({ concurrency: 2, limit: 50 });
  });

  it.each([
    [{ polling: { fastMs: 'fast' } }, /^polling\.fastMs: must be a number from 500/],
    [{ polling: { normalMs: -1 } }, /^polling\.normalMs: must be a number/],
    [{ notifications: { quiet: 'yes' } }, /^notifications\.quiet: must be true or false/],
    [{ notifications: { terminal: 'osc8' } }, /^notifications\.terminal: must be one of auto, osc777, osc9, osc99, bel, off \(got "osc8"\)/],
    [{ hooks: [{ events: ['*'] }] }, /^hooks\[0\]\.command: is required/],
    [{ hooks: {} }, /^hooks: must be an array/],
    [{ hookQueue: { concurrency: 0 } }, /^hookQueue\.concurrency: must be a number from 1 to 64/],
    [{ hookQueue: { limit: 1e9 } }, /^hookQueue\.limit: must be a number from 1 to 100000/],
    [{ autoRenew: [{ match: '([' }] }, /^autoRenew\[0\]\.match: is not a valid regular expression/],
    [{ listen: { tcp: '0.0.0.0:80' } }, /^listen\.tcp: must be a loopback address/],
    [{ logLevel: 'loud' }, /^logLevel: must be one of debug, info, warn, error/],
    [{ idle: { afterHours: 0 } }, /^idle\.afterHours: must be a number from 0\.1 to 720/],
    [{ idle: { fixedPercent: 101 } }, /^idle\.fixedPercent: must be a number from 0 to 100/],
    [{ storage: { intervalMinutes: 1 } }, /^storage\.intervalMinutes: must be a number from 5 to 1440/],
    [
      { storage: { node: 'https://evil.example.org/home/{user}' } },
      /^storage\.node: must be a path on the Skaha server .*no host: the credentials go only to the Skaha server/,
    ],
    [{ storage: { node: '/arc/nodes/../../{user}' } }, /^storage\.node: must be a path on the Skaha server/],
    [{ storage: { user: 'a b' } }, /^storage\.user: must be a user name/],
    [{ pollig: {} }, /^pollig: unknown setting \(known: url, .*polling/],
    [[1, 2], /^config: must be an object/],
    [{ commands: { aliases: { 'two words': 'ps' } } }, /^commands\.aliases\.two words: an alias name is a word/],
    [{ commands: { aliases: { __proto__x: 'ps' } } }, /^commands\.aliases\.__proto__x: an alias name is a word/],
    [{ commands: { aliases: { nb: '' } } }, /^commands\.aliases\.nb: must be the command line it stands for, 1 to 500 characters/],
    [{ commands: { aliases: { nb: 7 } } }, /^commands\.aliases\.nb: must be the command line/],
    [{ commands: { alias: {} } }, /^commands\.alias: unknown setting \(known: aliases\)/],
  ])('names the field and the rule: %j', (raw, expected) => {
    const { problems } = validateDaemonConfig(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

describe('commands.aliases', () => {
  it('keeps valid aliases in a null-prototype map, and refuses more than 100', () => {
    const { config, problems } = validateDaemonConfig({ commands: { aliases: { nb: 'launch notebook --cores 2', 'gone-1': 'filter !Completed' } } });
    expect(problems).toEqual([]);
    expect(Object.getPrototypeOf(config.commands.aliases)).toBeNull();
    expect({ ...config.commands.aliases }).toEqual({ nb: 'launch notebook --cores 2', 'gone-1': 'filter !Completed' });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, 'ps']));
    const big = validateDaemonConfig({ commands: { aliases: many } });
    expect(big.problems).toEqual(['commands.aliases: holds 101 aliases; at most 100 are allowed']);
    expect(Object.keys(big.config.commands.aliases)).toHaveLength(100);
  });
});

describe('parseListenAddress', () => {
  it.each([
    ['127.0.0.1:8765', { host: '127.0.0.1', port: 8765 }],
    ['localhost:1', { host: 'localhost', port: 1 }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
  ])('accepts loopback %s', (raw, expected) => expect(parseListenAddress(raw)).toEqual(expected));

  it.each(['10.0.0.5:8765', '0.0.0.0:8765', '127.0.0.1', '127.0.0.1:99999', 8765])('refuses %j', (raw) => {
    expect(typeof parseListenAddress(raw)).toBe('string');
  });
});
