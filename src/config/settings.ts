import { readFile } from 'node:fs/promises';
import { AppError } from '../domain/errors.js';
import { defineSecret } from './secret.js';

/** The client-relevant keys of skaha-tui's own config file; other sections (the daemon's) are ignored here. */
export interface ClientSettings {
  url?: string;
  apiVersion?: string;
  /** Bearer token (kept out of enumeration once turned into a Credential). */
  token?: string;
  tokenFile?: string;
  certificate?: string;
  registry?: { username: string; secret: string };
  timeouts?: { connectMs?: number; totalMs?: number };
  concurrency?: number;
}

/** The most requests a bulk operation may run at once. */
export const MAX_CONCURRENCY = 128;

/** Reads the JSON config file: null when it does not exist, CONFIG_ERROR when it is unreadable or not a JSON object. */
export async function readConfigFile(file: string): Promise<Record<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new AppError('CONFIG_ERROR', `cannot read the config file ${file}: ${String((error as { code?: unknown }).code ?? error)} — check its permissions`, {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('CONFIG_ERROR', `the config file ${file} is not valid JSON (${(error as Error).message}) — fix or remove it`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('CONFIG_ERROR', `the config file ${file} must hold a JSON object — fix or remove it`);
  }
  return data as Record<string, unknown>;
}

/** Validates the client keys of a parsed config file; unknown keys are ignored. Messages name the field, never a secret value. */
export function parseClientSettings(raw: Record<string, unknown>, file: string): ClientSettings {
  const fail = (field: string, rule: string): never => {
    throw new AppError('CONFIG_ERROR', `config file ${file}: "${field}" ${rule} — fix the file`, { field });
  };
  const str = (value: unknown, field: string, secret = false): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '')
      fail(field, secret ? 'must be a non-empty string' : `must be a non-empty string (got ${JSON.stringify(value)})`);
    return value as string;
  };
  const int = (value: unknown, field: string, min: number, max: number): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, `must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
    }
    return value as number;
  };
  const obj = (value: unknown, field: string): Record<string, unknown> | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) fail(field, 'must be an object');
    return value as Record<string, unknown>;
  };

  const settings: ClientSettings = {};
  settings.url = str(raw.url, 'url');
  settings.apiVersion = str(raw.apiVersion, 'apiVersion');
  if (settings.apiVersion !== undefined && !/^v\d+$/.test(settings.apiVersion))
    fail('apiVersion', `must look like "v1" (got ${JSON.stringify(settings.apiVersion)})`);
  const token = str(raw.token, 'token', true);
  settings.tokenFile = str(raw.tokenFile, 'tokenFile');
  settings.certificate = str(raw.certificate, 'certificate');
  const registry = obj(raw.registry, 'registry');
  if (registry) {
    const username = str(registry.username, 'registry.username');
    const secret = str(registry.secret, 'registry.secret', true);
    if ((username === undefined) !== (secret === undefined))
      fail(username ? 'registry.secret' : 'registry.username', 'is required when the other registry field is set');
    if (username !== undefined && secret !== undefined)
      settings.registry = defineSecret({ username } as { username: string; secret: string }, 'secret', secret);
  }
  const timeouts = obj(raw.timeouts, 'timeouts');
  if (timeouts) {
    settings.timeouts = {
      connectMs: int(timeouts.connectMs, 'timeouts.connectMs', 1, 600_000),
      totalMs: int(timeouts.totalMs, 'timeouts.totalMs', 1, 3_600_000),
    };
  }
  settings.concurrency = int(raw.concurrency, 'concurrency', 1, MAX_CONCURRENCY);
  for (const key of Object.keys(settings) as (keyof ClientSettings)[]) if (settings[key] === undefined) delete settings[key];
  // Secrets are non-enumerable so a logged settings object shows no token.
  if (token !== undefined) defineSecret(settings, 'token', token);
  return settings;
}
