import { Agent, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { startTestSim, type TestSim, type WireSession } from './sim-helpers.js';

let t: TestSim;
let agent: Agent;
afterEach(async () => {
  agent?.destroy();
  await t?.close();
});

interface Raw {
  status: number;
  type: string | undefined;
  text: string;
}

/**
 * Sends a request exactly as the official Python clients do (spec §8): the same headers in the same
 * order on every request, the form Content-Type even on GET/DELETE, a stale Date, and no body.
 */
function python(method: string, pathAndQuery: string, userAgent = 'python-canfar/1.4.1'): Promise<Raw> {
  const url = new URL(t.sim.baseUrl);
  const headers: Record<string, string> = {
    Host: url.host,
    'Accept-Encoding': 'gzip, deflate',
    Connection: 'keep-alive',
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
    Date: 'Sun, 22 Nov 2026 06:42:30 GMT',
    'User-Agent': userAgent,
    Authorization: `Bearer ${t.sim.token}`,
    'X-Skaha-Authentication-Type': 'RUNTIME-TOKEN',
  };
  if (method === 'POST') headers['Content-Length'] = '0';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: pathAndQuery, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const ID_LINE = /^[a-z][a-z0-9]{7}\n$/;

describe('replaying what the official clients send (spec §8)', () => {
  test('canfar 1.4.1 SDK and CLI requests all succeed', async () => {
    t = await startTestSim({ maxInteractiveSessions: 3 });
    agent = new Agent({ keepAlive: true });
    expect(await python('GET', '/skaha/v1/session')).toMatchObject({ status: 200, text: '[]', type: 'application/json' });

    const created: string[] = [];
    for (const query of [
      'name=test&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&cores=2&ram=4&type=headless&cmd=env&args=-0&env=FOO%3Dbar&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
      'name=nb&image=images.canfar.net%2Fskaha%2Fastroml%3Alatest&type=notebook&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
      'name=rep-1&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&type=headless&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D2',
      'name=rep-2&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&type=headless&env=REPLICA_ID%3D2&env=REPLICA_COUNT%3D2',
      'name=My-Job&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&type=headless&gpus=1&cmd=%2Fbin%2Fsh&args=-c+echo+hi&env=A%3Dx+y&env=B%3Dk%3Dv&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
      'name=henry&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&cores=2&ram=4&type=headless&cmd=env&args=-0&env=FOO%3Dbar&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
      'name=mynb&image=images.canfar.net%2Fskaha%2Fastroml%3Alatest&type=notebook&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1',
    ]) {
      const res = await python('POST', `/skaha/v1/session?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.type).toBe('text/plain');
      expect(res.text).toMatch(ID_LINE);
      created.push(res.text.trim());
    }
    const [test1, nb, , , myJob] = created;
    t.tick(10);

    const mine = JSON.parse((await python('GET', '/skaha/v1/session')).text) as WireSession[];
    expect(mine.map((s) => s.name)).toEqual(['test', 'nb', 'rep-1', 'rep-2', 'my-job', 'henry', 'mynb']);
    expect(mine.find((s) => s.id === myJob)).toMatchObject({ requestedGPUCores: '1', type: 'headless' });
    expect(mine.find((s) => s.id === test1)).toMatchObject({ requestedCPUCores: '2', requestedRAM: '4.29', isFixedResources: true });
    const running = JSON.parse((await python('GET', '/skaha/v1/session?type=notebook&status=Running')).text) as WireSession[];
    expect(running.map((s) => s.id).sort()).toEqual([nb, created[6]].sort());
    expect(JSON.parse((await python('GET', '/skaha/v1/session?view=all')).text)).toHaveLength(7);
    expect(JSON.parse((await python('GET', '/skaha/v1/session?view=stats')).text)).toHaveProperty('cores.cpuCoresAvailable');

    expect(JSON.parse((await python('GET', `/skaha/v1/session/${nb}`)).text)).toMatchObject({ id: nb, status: 'Running' });
    expect((await python('GET', '/skaha/v1/session/nosuch99')).status).toBe(404);
    const logs = await python('GET', `/skaha/v1/session/${test1}?view=logs`);
    expect(logs).toMatchObject({ status: 200, type: 'text/plain' });
    expect(logs.text).toContain('FOO=bar\nREPLICA_ID=1\nREPLICA_COUNT=1\n');
    const events = await python('GET', `/skaha/v1/session/${nb}?view=events`);
    expect(events.status).toBe(200);
    // canfar's CLI: skip the header, split on 2+ spaces, keep 5-column rows
    const rows = events.text
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(/\s{2,}/))
      .filter((r) => r.length === 5);
    expect(rows.map((r) => r[1])).toContain('Started');

    expect((await python('GET', '/skaha/v1/image')).status).toBe(200);
    expect(JSON.parse((await python('GET', '/skaha/v1/context')).text)).toHaveProperty('cores.options');
    expect((await python('GET', '/skaha/availability')).text).toContain('<vosi:available>true</vosi:available>');
    expect(await python('DELETE', `/skaha/v1/session/${nb}`)).toMatchObject({ status: 200, text: '' });
    expect((await python('DELETE', '/skaha/v1/session/nosuch99')).status).toBe(200);
  });

  test('skaha 1.7.0: info() sends view=event and gets the JSON object back', async () => {
    t = await startTestSim();
    agent = new Agent({ keepAlive: true });
    const id = (
      await python('POST', '/skaha/v1/session?name=nb&image=images.canfar.net%2Fskaha%2Fastroml%3Alatest&cores=2&ram=4&type=notebook', 'python-skaha/1.7.0')
    ).text.trim();
    const info = await python('GET', `/skaha/v1/session/${id}?view=event`, 'python-skaha/1.7.0');
    expect(info).toMatchObject({ status: 200, type: 'application/json' });
    expect(JSON.parse(info.text)).toMatchObject({ id, name: 'nb', isFixedResources: true });
  });
});
