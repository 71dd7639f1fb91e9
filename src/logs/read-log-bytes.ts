import { LogBytes } from '../domain/log-bytes.js';
import type { SkahaApi } from '../ports/skaha-api.js';

/** A session's log snapshot as bytes: from getLogBytes when the API has it, else the text getLogs gives, encoded. */
export async function readLogBytes(api: Pick<SkahaApi, 'getLogs' | 'getLogBytes'>, id: string): Promise<LogBytes> {
  if (api.getLogBytes) return api.getLogBytes(id);
  const logs = await api.getLogs(id);
  return LogBytes.fromText(logs.text, logs.truncated);
}
