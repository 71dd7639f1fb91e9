import { afterEach, describe, expect, test } from 'vitest';
import { NO_REGISTRY_AUTH } from '../../src/sim/create.js';
import { NOTEBOOK, startTestSim, TERMINAL, type TestSim, type WireSession } from './sim-helpers.js';

const enc = encodeURIComponent;
let t: TestSim;
afterEach(async () => t?.close());

const img = `image=${enc(NOTEBOOK)}`;
const auth = Buffer.from('me:secret').toString('base64');

describe('POST /session validation, in the server order, with exact 400 texts', () => {
  // each case breaks the rule named and every later rule, so the first failing rule must win
  const cases: Array<[string, string, string]> = [
    ['no image', 'name=a%24&cores=99&type=bogus', "Missing parameter 'image'"],
    ['empty image', 'image=&name=a%24&type=bogus', 'image is required'],
    [
      'registry host',
      'image=docker.io%2Flibrary%2Fubuntu&name=a%24&type=bogus&cores=99',
      "session image 'docker.io/library/ubuntu' must come from one of [images.canfar.net]",
    ],
    ['unknown type', `${img}&type=bogus&cores=99&name=a%24`, 'Invalid session type: bogus'],
    ['desktop-app type', `${img}&type=desktop-app&cores=99`, 'Invalid session type: desktop-app'],
    ['cores not an option', `${img}&type=notebook&cores=99&ram=3&name=a%24`, "Invalid value for 'cores': 99"],
    ['cores not a number', `${img}&type=notebook&cores=two`, "Invalid value for 'cores': two"],
    ['ram not an option', `${img}&type=notebook&ram=3&name=a%24`, "Invalid value for 'ram': 3"],
    ['no name', `${img}&type=notebook&gpus=0`, "Missing parameter 'name'"],
    ['blank name', `${img}&type=notebook&name=+&gpus=0`, "Missing parameter 'name'"],
    ['bad name', `${img}&type=notebook&name=my_nb&gpus=0`, "name can only contain alpha-numeric chars and '-'"],
    ['gpus 0', `${img}&type=notebook&name=nb&gpus=0`, "Invalid value for 'gpus': 0"],
    ['gpus 1.5', `${img}&type=notebook&name=nb&gpus=1.5`, "Invalid value for 'gpus': 1.5"],
    ['private image', `image=${enc('images.canfar.net/me/private:1')}&type=notebook&name=nb`, NO_REGISTRY_AUTH],
  ];
  test.each(cases)('%s', async (_label, query, message) => {
    t = await startTestSim();
    const res = await t.post(`/session?${query}`);
    expect(res.status).toBe(400);
    expect(res.type).toBe('text/plain');
    expect(res.text).toBe(`${message}\n`);
  });

  test('the registry-auth text has two spaces after each period', () => {
    expect(NO_REGISTRY_AUTH).toBe(
      'No authentication provided for unknown or private image.  Use x-skaha-registry-auth request header with base64Encode(username:secret).',
    );
  });

  test('a private image needs a header that decodes to username:secret', async () => {
    t = await startTestSim();
    const q = `/session?image=${enc('images.canfar.net/me/private:1')}&type=notebook&name=nb`;
    for (const bad of ['not base64!', Buffer.from('nocolon').toString('base64')]) {
      const res = await t.post(q, '', { 'x-skaha-registry-auth': bad });
      expect(res.text).toBe('Invalid input.  Must be in form of username:secret\n');
    }
    const ok = await t.post(q, '', { 'X-Skaha-Registry-Auth': auth });
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/^[a-z][a-z0-9]{7}\n$/);
  });

  test('fractional cores are accepted when the integer part is an option (Double.intValue)', async () => {
    t = await startTestSim();
    const id = await t.create(`${img}&type=notebook&name=nb&cores=1.5&ram=4`);
    const s = await t.json<WireSession>(`/session/${id}`);
    expect(s.requestedCPUCores).toBe('1.500');
    expect(s.requestedRAM).toBe('4.29');
  });
});

describe('interactive cap', () => {
  test('the cap counts Pending + Running non-headless sessions and names the user and the maximum', async () => {
    t = await startTestSim({ maxInteractiveSessions: 2 });
    await t.create(`${img}&type=notebook&name=a`);
    await t.create(`${img}&type=carta&name=b`);
    const res = await t.post(`/session?${img}&type=desktop&name=c`);
    expect(res).toMatchObject({ status: 400, text: 'User alice has reached the maximum of 2 active sessions.\n' });
    // headless jobs are not capped; another user has their own count
    expect((await t.post(`/session?image=${enc(TERMINAL)}&name=job`)).status).toBe(200);
    const bob = await fetch(`${t.sim.apiUrl}/session?${img}&type=notebook&name=x`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.sim.tokens.bob}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(bob.status).toBe(200);
  });

  test('the cap is checked after the name and before gpus; deleting frees a slot after Terminating', async () => {
    t = await startTestSim({ maxInteractiveSessions: 1 });
    const id = await t.create(`${img}&type=notebook&name=a`);
    expect((await t.post(`/session?${img}&type=notebook&name=b_c`)).text).toContain('name can only');
    expect((await t.post(`/session?${img}&type=notebook&name=b&gpus=0`)).text).toContain('maximum of 1');
    await t.del(`/session/${id}`);
    // Terminating is neither Pending nor Running: the slot is free at once
    expect((await t.post(`/session?${img}&type=notebook&name=b`)).status).toBe(200);
  });
});

describe('parameters', () => {
  test('POST params come from the query string and the form body, with case-insensitive names', async () => {
    t = await startTestSim();
    const id = (await t.post(`/session?IMAGE=${enc(NOTEBOOK)}`, 'Name=Mixed-Case&TYPE=Notebook&cOrEs=2&ram=8')).text.trim();
    const s = await t.json<WireSession>(`/session/${id}`);
    expect(s).toMatchObject({ name: 'mixed-case', type: 'notebook', requestedCPUCores: '2', requestedRAM: '8.59' });
  });

  test('without the form Content-Type a POST has no parameters at all (query string included)', async () => {
    t = await startTestSim();
    const res = await t.post(`/session?${img}&type=notebook&name=nb`, 'x=1', { 'Content-Type': 'application/json' });
    expect(res.text).toBe("Missing parameter 'image'\n");
    const withCharset = await t.post(`/session?${img}&type=notebook&name=nb`, '', {
      'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    expect(withCharset.status).toBe(200);
  });

  test('names are lowercased and cut to 63 chars; absent type means headless; env is accepted on every type', async () => {
    t = await startTestSim();
    const long = `My-${'X'.repeat(80)}`;
    const id = await t.create(`${img}&type=notebook&name=${long}&env=REPLICA_ID%3D1&env=REPLICA_COUNT%3D1`);
    const s = await t.json<WireSession>(`/session/${id}`);
    expect(s.name).toBe(long.toLowerCase().slice(0, 63));
    const h = await t.create(`image=${enc(TERMINAL)}&name=job&type=+`);
    expect((await t.json<WireSession>(`/session/${h}`)).type).toBe('headless');
  });

  test('headless env keeps only entries that split into exactly 2 parts on =', async () => {
    t = await startTestSim();
    const id = await t.create(`image=${enc(TERMINAL)}&name=job&cmd=env&env=A%3Dx+y&env=B%3Dk%3Dv&env=C%3D&env=D%3D4`);
    t.tick(10);
    const logs = (await t.get(`/session/${id}?view=logs`)).text;
    expect(logs).toContain('A=x y\n');
    expect(logs).toContain('D=4\n');
    expect(logs).not.toContain('B=');
    expect(logs).not.toContain('C=');
  });

  test('DELETE /session without an id is refused', async () => {
    t = await startTestSim();
    expect(await t.del('/session')).toMatchObject({ status: 400, text: 'Cannot kill all sessions.\n' });
  });
});
