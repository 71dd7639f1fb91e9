import os from 'node:os';
import path from 'node:path';
import { access } from 'node:fs/promises';
import { AppError, credentialsError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL, type Connection, type Credential, type SettingSource } from './connection.js';
import { resolvePaths, expandHome, type Paths } from './paths.js';
import { readConfigFile, parseClientSettings, type ClientSettings } from './settings.js';
import { readCanfarConfig, type CanfarSettings } from './canfar-config.js';
import { certificateCredential, noCredential, tokenCredential, tokenFileCredential, type CredentialCheck } from './credentials.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUTS, registryAuth, splitServiceUrl } from './create-connection.js';
import { isLoopbackHost } from './loopback.js';

/** Connection settings given on the command line. */
export interface ConnectionFlags {
  url?: string;
  token?: string;
  /** Path of a PEM with the certificate chain and key. */
  cert?: string;
}

/** Where resolveConnection looks; every field defaults to the real environment. */
export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  paths?: Paths;
  homeDir?: string;
  /** Used for expiry checks. */
  clock?: Pick<Clock, 'now'>;
  /** For `doctor`: no credential gives kind `none`, and an expired one is returned instead of rejected. */
  lenient?: boolean;
}

/** Resolves URL, credential, registry auth, timeouts and concurrency: flags > env > own config > canfar config > defaults. */
export async function resolveConnection(flags: ConnectionFlags, options: ResolveOptions = {}): Promise<Connection> {
  const env = options.env ?? process.env;
  const homeDir = options.homeDir ?? (val(env.HOME) || os.homedir());
  const paths = options.paths ?? resolvePaths(env, { checkSocket: false });
  const raw = await readConfigFile(paths.configFile);
  const settings = raw ? parseClientSettings(raw, paths.configFile) : {};
  let canfarCache: CanfarSettings | null | undefined;
  const canfar = async (): Promise<CanfarSettings | null> => (canfarCache === undefined ? (canfarCache = await readCanfarConfig(homeDir)) : canfarCache);
  const check: CredentialCheck = { now: options.clock?.now() ?? Date.now(), allowExpired: options.lenient };
  const ctx = { env, homeDir, paths, settings, canfar, check };

  const { baseUrl, apiVersion, urlSource } = await resolveUrl(flags, ctx);
  const credential = (await resolveCredential(flags, ctx, baseUrl)) ?? missingCredential(options.lenient);
  if (credential.kind === 'token') refuseCleartextToken(baseUrl);
  const connection: Connection = {
    baseUrl,
    apiVersion,
    urlSource,
    credential,
    timeouts: { connectMs: settings.timeouts?.connectMs ?? DEFAULT_TIMEOUTS.connectMs, totalMs: settings.timeouts?.totalMs ?? DEFAULT_TIMEOUTS.totalMs },
    concurrency: settings.concurrency ?? DEFAULT_CONCURRENCY,
  };
  const registry = await resolveRegistry(ctx, baseUrl);
  if (registry) connection.registryAuth = registry;
  return connection;
}

interface Ctx {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  paths: Paths;
  settings: ClientSettings;
  canfar: () => Promise<CanfarSettings | null>;
  check: CredentialCheck;
}

async function resolveUrl(flags: ConnectionFlags, ctx: Ctx): Promise<{ baseUrl: string; apiVersion: string; urlSource: SettingSource }> {
  const candidates: Array<[string | undefined, SettingSource, string]> = [
    [flags.url, 'flag', '--url'],
    [ctx.env.SKAHA_URL, 'env', 'SKAHA_URL'],
    [ctx.env.CANFAR_URL, 'env', 'CANFAR_URL'],
    [ctx.settings.url, 'config', `"url" in ${ctx.paths.configFile}`],
  ];
  for (const [value, source, label] of candidates) {
    if (!val(value)) continue;
    const split = splitServiceUrl(value!, label);
    return { baseUrl: split.baseUrl, apiVersion: split.apiVersion ?? ctx.settings.apiVersion ?? DEFAULT_API_VERSION, urlSource: source };
  }
  const canfar = await ctx.canfar();
  if (canfar?.url) {
    const split = splitServiceUrl(canfar.url, `the active server url in ${canfar.file}`);
    return {
      baseUrl: split.baseUrl,
      apiVersion: split.apiVersion ?? canfar.apiVersion ?? ctx.settings.apiVersion ?? DEFAULT_API_VERSION,
      urlSource: 'canfar-config',
    };
  }
  return { baseUrl: DEFAULT_BASE_URL, apiVersion: ctx.settings.apiVersion ?? DEFAULT_API_VERSION, urlSource: 'default' };
}

async function resolveCredential(flags: ConnectionFlags, ctx: Ctx, baseUrl: string): Promise<Credential | null> {
  const { env, check, settings, homeDir } = ctx;
  const file = (p: string): string => path.resolve(expandHome(p, homeDir));
  // Within one level a token beats a certificate, as in the official client.
  if (flags.token !== undefined) return tokenCredential(flags.token, { source: 'flag', label: '--token' }, check);
  if (val(flags.cert)) return certificateCredential(file(flags.cert!), { source: 'flag', label: '--cert' }, check);
  for (const name of ['SKAHA_TOKEN', 'CANFAR_TOKEN']) {
    if (val(env[name])) return tokenCredential(env[name]!, { source: 'env', label: name }, check);
  }
  for (const name of ['SKAHA_CERT', 'CANFAR_CERTIFICATE']) {
    if (val(env[name])) return certificateCredential(file(env[name]!), { source: 'env', label: name }, check);
  }
  const cfg = ctx.paths.configFile;
  if (settings.token !== undefined) return tokenCredential(settings.token, { source: 'config', label: `"token" in ${cfg}` }, check);
  if (settings.tokenFile) return tokenFileCredential(file(settings.tokenFile), { source: 'config', label: `"tokenFile" in ${cfg}` }, check);
  if (settings.certificate) return certificateCredential(file(settings.certificate), { source: 'config', label: `"certificate" in ${cfg}` }, check);
  const canfar = await ctx.canfar();
  if (canfar?.auth?.kind === 'token' && !belongsTo(baseUrl, canfar.url ?? DEFAULT_BASE_URL)) {
    throw credentialsError(
      `the token in ${canfar.file} is for ${origin(canfar.url ?? DEFAULT_BASE_URL)}, not ${origin(baseUrl)}; ` +
        'it is not sent to another server — pass --token or set SKAHA_TOKEN for this one',
    );
  }
  if (canfar?.auth?.kind === 'token') {
    const renew = { ...check, knownExpiry: canfar.auth.expiry };
    return tokenCredential(canfar.auth.token, { source: 'canfar-config', label: canfar.auth.label }, renew);
  }
  if (canfar?.auth?.kind === 'certificate') return certificateCredential(canfar.auth.path, { source: 'canfar-config', label: canfar.auth.label }, check);
  const defaultCert = path.join(homeDir, '.ssl', 'cadcproxy.pem');
  if (await exists(defaultCert)) return certificateCredential(defaultCert, { source: 'default', label: 'the default location' }, check);
  return null;
}

function missingCredential(lenient: boolean | undefined): Credential {
  if (lenient) return noCredential();
  throw credentialsError(
    'no credentials found — pass --token or --cert, set SKAHA_TOKEN or SKAHA_CERT, ' +
      'create ~/.ssl/cadcproxy.pem with `cadc-get-cert -u <username>`, or log in with `canfar login`',
  );
}

async function resolveRegistry(ctx: Ctx, baseUrl: string): Promise<Connection['registryAuth'] | undefined> {
  const pairs: Array<[string, string]> = [
    ['SKAHA_REGISTRY_USERNAME', 'SKAHA_REGISTRY_SECRET'],
    ['CANFAR_REGISTRY__USERNAME', 'CANFAR_REGISTRY__SECRET'],
  ];
  for (const [userVar, secretVar] of pairs) {
    const username = val(ctx.env[userVar]);
    const secret = val(ctx.env[secretVar]);
    if (!username && !secret) continue;
    if (!username || !secret) {
      throw new AppError('CONFIG_ERROR', `${username ? secretVar : userVar} is not set but ${username ? userVar : secretVar} is — set both or neither`, {
        field: 'registry',
      });
    }
    return registryAuth(username, secret);
  }
  if (ctx.settings.registry) return registryAuth(ctx.settings.registry.username, ctx.settings.registry.secret);
  // Registry auth is optional: a broken canfar config must not block a connection that needs nothing from it.
  const canfar = await ctx.canfar().catch(() => null);
  // Like its token, the canfar config's registry secret goes only to the server that config names.
  if (!canfar?.registry || !belongsTo(baseUrl, canfar.url ?? DEFAULT_BASE_URL)) return undefined;
  return registryAuth(canfar.registry.username, canfar.registry.secret);
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Whether a URL is on the same server (origin) as the server a credential was saved for. */
function belongsTo(url: string, credentialServer: string): boolean {
  return origin(url) === origin(credentialServer);
}

/** Refuses to send a bearer token in clear text anywhere but this machine. */
function refuseCleartextToken(baseUrl: string): void {
  const url = new URL(baseUrl);
  if (url.protocol === 'https:' || isLoopbackHost(url.hostname)) return;
  throw new AppError('CONFIG_ERROR', `refusing to send a bearer token over plain http to ${url.host}: anyone on the path could read it — use an https:// URL`, {
    field: 'url',
  });
}

function val(value: string | undefined): string {
  return value === undefined ? '' : value.trim();
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
