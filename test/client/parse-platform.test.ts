import { describe, expect, it } from 'vitest';
import { parseEvents } from '../../src/client/parse-events.js';
import { parseStats } from '../../src/client/parse-stats.js';
import { parseContext } from '../../src/client/parse-context.js';
import { parseImage, parseRepositories } from '../../src/client/parse-image.js';
import { parseAvailability } from '../../src/client/parse-availability.js';

describe('parseEvents', () => {
  const TABLE = [
    'TYPE     REASON      MESSAGE                                                    FIRST-TIME             LAST-TIME',
    'Normal   Scheduled   Successfully assigned skaha-workload/skaha-notebook-x to n1   2026-07-01T12:00:01Z   2026-07-01T12:00:01Z',
    'Normal   Pulling     Pulling image "images.canfar.net/skaha/astroml:latest"      <none>                 <none>',
    'Warning  BackOff     Back-off restarting failed container                       <nil>                  2026-07-01T12:05:00Z',
    '',
  ].join('\n');

  it('skips the header and splits rows like the portal regex; <none>/<nil> → null', () => {
    expect(parseEvents(TABLE)).toEqual([
      {
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned skaha-workload/skaha-notebook-x to n1',
        firstTime: '2026-07-01T12:00:01Z',
        lastTime: '2026-07-01T12:00:01Z',
      },
      { type: 'Normal', reason: 'Pulling', message: 'Pulling image "images.canfar.net/skaha/astroml:latest"', firstTime: null, lastTime: null },
      { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', firstTime: null, lastTime: '2026-07-01T12:05:00Z' },
    ]);
  });

  it('a <none> or empty body gives no rows', () => {
    expect(parseEvents('<none>\n')).toEqual([]);
    expect(parseEvents('')).toEqual([]);
    expect(parseEvents('TYPE   REASON   MESSAGE   FIRST-TIME   LAST-TIME\n')).toEqual([]);
  });
});

describe('parseStats', () => {
  it('parses the current shape (§2.4 example)', () => {
    const raw = {
      cores: { requestedCPUCores: 12.5, cpuCoresAvailable: 64.0, maxCPUCores: { cpuCores: 8.0, withRam: '24G' } },
      ram: { requestedRAM: '137.439G', ramAvailable: '549.756G', maxRAM: { ram: '24G', withCPUCores: 8.0 } },
    };
    expect(parseStats(raw)).toEqual({
      cpu: { allocated: 12.5, capacity: 64, maxPerSession: 8 },
      ramGB: { allocated: 137.439, capacity: 549.756, maxPerSession: 24 },
    });
  });

  it('accepts string numbers, a "32Gi" ceiling and the legacy instances block', () => {
    const raw = {
      instances: { session: 3, desktopApp: 0, headless: 2, total: 5 },
      cores: { requestedCPUCores: '4', cpuCoresAvailable: '32', maxCPUCores: { cpuCores: '16', withRam: '32Gi' } },
      ram: { requestedRAM: '20G', ramAvailable: '128G' },
    };
    expect(parseStats(raw)).toEqual({ cpu: { allocated: 4, capacity: 32, maxPerSession: 16 }, ramGB: { allocated: 20, capacity: 128, maxPerSession: 32 } });
  });

  it('missing sections → nulls; a non-object → null', () => {
    expect(parseStats({})).toEqual({
      cpu: { allocated: null, capacity: null, maxPerSession: null },
      ramGB: { allocated: null, capacity: null, maxPerSession: null },
    });
    expect(parseStats([])).toBeNull();
  });
});

describe('parseContext', () => {
  it('file mode: maxInteractiveSessions as a string, optional defaultHeadless ignored', () => {
    const raw = {
      cores: { default: 2, defaultRequest: 1, defaultLimit: 8, defaultHeadless: 1, options: [1, 2, 4, 8, 16] },
      memoryGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
      gpus: { options: [1, 2] },
      maxInteractiveSessions: '5',
    };
    expect(parseContext(raw)).toEqual({
      cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8, 16] },
      ramGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
      gpus: { options: [1, 2] },
      maxInteractiveSessions: 5,
    });
  });

  it('LimitRange mode: an integer maxInteractiveSessions, empty gpus, string numbers', () => {
    const c = parseContext({ cores: { default: '1', options: ['1', '2'] }, memoryGB: { options: [4] }, gpus: { options: [] }, maxInteractiveSessions: 3 })!;
    expect(c.maxInteractiveSessions).toBe(3);
    expect(c.cores).toEqual({ default: 1, defaultRequest: null, defaultLimit: null, options: [1, 2] });
    expect(c.gpus.options).toEqual([]);
  });
});

describe('images, repositories, availability', () => {
  it('parses the catalogue fixture', () => {
    expect(parseImage({ id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless', 'notebook'], digest: 'sha256:deadbeef' })).toEqual({
      id: 'images.canfar.net/skaha/terminal:1.1.1',
      types: ['headless', 'notebook'],
      digest: 'sha256:deadbeef',
    });
    expect(parseImage({ id: 'x/y:1' })).toEqual({ id: 'x/y:1', types: [], digest: null });
    expect(parseImage({ types: [] })).toBeNull();
    expect(parseRepositories(['images.canfar.net'])).toEqual(['images.canfar.net']);
  });

  it('parses VOSI availability XML', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0">\n  <vosi:available>true</vosi:available>\n  <vosi:note>Skaha Service Available. &amp; well</vosi:note>\n</vosi:availability>\n';
    expect(parseAvailability(xml)).toEqual({ available: true, note: 'Skaha Service Available. & well' });
    expect(parseAvailability('<availability><available>false</available></availability>')).toEqual({ available: false, note: null });
    expect(parseAvailability('<html>')).toBeNull();
  });
});
