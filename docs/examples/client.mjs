// A skaha-tui daemon client in plain Node, protocol 5 (docs/protocol.md). It needs the `ws` package
// (npm install ws; inside this repository it is already there). Run it with the daemon's socket,
// which `skaha-tui doctor` prints:
//
//   node docs/examples/client.mjs /run/user/1000/skaha-tui/daemon.sock
//
// It lists the sessions of the welcome, asks for a fresh poll, fetches the usage history of the
// first session, and exits. The tests run this file against a real daemon.
import WebSocket from 'ws';

const PROTOCOL = 5;
const socket = process.argv[2];
if (!socket) {
  console.error('usage: node client.mjs SOCKET   (skaha-tui doctor prints the socket path)');
  process.exit(2);
}

// 32 MiB: the largest frame a daemon sends (histories come in frames of at most 1 MiB).
const ws = new WebSocket(`ws+unix://${socket}:/`, { maxPayload: 32 * 1024 * 1024 });
const pending = new Map();
let nextId = 1;

/** Sends a request; resolves with its result, rejects with its error (code and message). */
function call(method, params = {}) {
  const id = String(nextId++);
  ws.send(JSON.stringify({ type: 'request', id, method, params }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

// Names come from the platform: print them quoted with every control escaped, so none reaches the terminal
// (JSON.stringify escapes C0 controls but leaves DEL and the C1 range, U+0080–U+009F, raw).
const shown = (text) => JSON.stringify(text).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

async function main(snapshot) {
  const sessions = Object.values(snapshot.sessions);
  console.log(`sessions: ${sessions.length}`);
  for (const s of sessions) console.log(`  ${s.id} ${shown(s.name)} ${shown(s.status)}`);
  // A refresh answers with the poll it made: the time it ended, or (rejecting) the reason it failed.
  const refreshed = await call('refresh').then(
    ({ polledAt }) => new Date(polledAt).toISOString(),
    (error) => `failed (${error.code})`,
  );
  console.log(`refreshed: ${refreshed}`);
  if (sessions.length > 0) {
    // The welcome carries no histories: ask for the ones you draw (what does not fit comes back in `rest`).
    const { usage } = await call('history', { ids: [sessions[0].id] });
    const history = usage[sessions[0].id];
    const points = history ? history.tiers.reduce((n, tier) => n + tier.t.length, 0) : 0;
    console.log(`usage history of ${shown(sessions[0].name)}: ${points} points`);
  }
}

// Attach the message handler before the socket opens: the daemon may answer at once.
ws.on('message', (data) => {
  const frame = JSON.parse(new TextDecoder().decode(data));
  if (frame.type === 'welcome') {
    main(frame.snapshot)
      .catch((error) => {
        console.error(`${error.code ?? 'ERROR'}: ${error.message}`);
        process.exitCode = 1;
      })
      .finally(() => ws.close(1000));
  } else if (frame.type === 'refused') {
    console.error(`refused: ${frame.error.message}`);
    process.exitCode = 1;
  } else if (frame.type === 'response') {
    const request = pending.get(frame.id);
    pending.delete(frame.id);
    if (frame.ok) request?.resolve(frame.result);
    else request?.reject(Object.assign(new Error(frame.error.message), { code: frame.error.code }));
  } else if (frame.type === 'event' && frame.topic.startsWith('session:')) {
    console.log(`event ${frame.topic} ${shown(frame.data.session.name)}`);
  }
});
ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL, client: 'client.mjs' })));
ws.on('error', (error) => {
  console.error(`cannot talk to the daemon at ${socket}: ${error.message}`);
  process.exitCode = 1;
});
