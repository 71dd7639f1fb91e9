import type { ServerResponse } from 'node:http';
import type { SimResponse } from './types.js';

/** How a response is damaged on the way out. */
export type Damage = 'none' | 'malformed' | 'truncated' | 'huge';

function headersOf(r: SimResponse): Record<string, string> {
  const headers: Record<string, string> = { ...r.headers };
  if (r.contentType) headers['Content-Type'] = r.contentType;
  return headers;
}

/** Writes a response, applying a damage fault: cut JSON, a body shorter than its Content-Length, or a huge body. */
export function writeResponse(res: ServerResponse, r: SimResponse, damage: Damage, hugeBytes: number): void {
  const headers = headersOf(r);
  let body = Buffer.from(r.body, 'utf8');
  if (damage === 'huge') {
    writeHuge(res, r, headers, hugeBytes);
    return;
  }
  if (damage === 'malformed' && (r.contentType ?? '').includes('json')) {
    // a complete HTTP answer whose JSON stops half-way (a proxy error page spliced in)
    body = Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from('<html><body>502 Bad Gateway')]);
  }
  if (damage === 'truncated') {
    res.writeHead(r.status, { ...headers, 'Content-Length': String(Math.max(body.length, 2)) });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.writeHead(r.status, { ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function writeHuge(res: ServerResponse, r: SimResponse, headers: Record<string, string>, total: number): void {
  const json = (r.contentType ?? '').includes('json');
  const unit = json
    ? '{"id":"hugebody","status":"Running","name":"padding-padding-padding"},\n'
    : 'a very long log line to fill the body, again and again and again\n';
  const chunk = Buffer.from(unit.repeat(Math.ceil(65_536 / unit.length)));
  // chunked, so a client cannot refuse it by Content-Length alone: it has to count
  res.writeHead(r.status, headers);
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  if (json) {
    res.write('[');
    sent = 1;
  }
  const pump = (): void => {
    while (!closed && sent < total) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}
