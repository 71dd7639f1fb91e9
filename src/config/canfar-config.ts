import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/errors.js';
import { defineSecret } from './secret.js';
import { expandHome } from './paths.js';

/** What skaha-tui takes (read-only) from the official client's `~/.canfar/config.yaml`. */
export interface CanfarSettings {
  file: string;
  /** The active server's URL, e.g. `https://ws-uv.canfar.net/skaha`. */
  url?: string;
  /** The active server's version, e.g. `v1`. */
  apiVersion?: string;
  /** The active authentication record: an x509 certificate path or an OIDC access token (non-enumerable `token`). */
  auth?: { kind: 'certificate'; path: string; label: string } | { kind: 'token'; readonly token: string; expiry: number | null; label: string };
  registry?: { username: string; readonly secret: string };
}

/** The path of the official client's config file under a home folder. */
export function canfarConfigPath(homeDir: string): string {
  return path.join(homeDir, '.canfar', 'config.yaml');
}

/** Reads the canfar config: null when absent; CONFIG_ERROR when it is not YAML. Unknown or odd shapes are ignored. */
export async function readCanfarConfig(homeDir: string): Promise<CanfarSettings | null> {
  const file = canfarConfigPath(homeDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new AppError(
      'CONFIG_ERROR',
      `cannot read the canfar config ${file}: ${String((error as { code?: unknown }).code ?? error)} — check its permissions`,
      { cause: error },
    );
  }
  // Loaded only when the file exists: most runs never pay for the YAML parser.
  const { parse: parseYaml } = await import('yaml');
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new AppError(
      'CONFIG_ERROR',
      `the canfar config ${file} is not valid YAML — fix it with \`canfar config\`, or set SKAHA_URL and SKAHA_TOKEN/SKAHA_CERT`,
      { cause: error },
    );
  }
  return extract(record(doc), file, homeDir);
}

function extract(doc: Record<string, unknown>, file: string, homeDir: string): CanfarSettings {
  const out: CanfarSettings = { file };
  const active = record(doc.active);
  const serverName = str(active.server);
  const server = serverName ? record(record(doc.servers)[serverName]) : {};
  out.url = str(server.url);
  out.apiVersion = str(server.version);

  const idp = str(active.authentication);
  const auth = idp ? record(record(doc.authentication)[idp]) : {};
  const mode = str(auth.mode)?.toLowerCase();
  if (mode === 'x509' && str(auth.path)) {
    out.auth = { kind: 'certificate', path: path.resolve(expandHome(str(auth.path)!, homeDir)), label: `${file} (authentication.${idp}.path)` };
  } else if (mode === 'oidc') {
    const access = str(record(auth.token).access);
    if (access) {
      const exp = record(auth.expiry).access;
      const expiry = typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
      const tokenAuth = { kind: 'token' as const, expiry, label: `${file} (authentication.${idp}.token.access)` };
      out.auth = defineSecret(tokenAuth, 'token', access) as typeof tokenAuth & { readonly token: string };
    }
  }

  const registry = record(doc.registry);
  const username = str(registry.username);
  const secret = str(registry.secret);
  if (username && secret) out.registry = defineSecret({ username } as { username: string; secret: string }, 'secret', secret);
  return out;
}

/** The value as a plain object, or {} when it is not one. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The value as a trimmed non-empty string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
