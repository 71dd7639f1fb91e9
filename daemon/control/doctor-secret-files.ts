import { statSync } from 'node:fs';
import path from 'node:path';
import { canfarConfigPath, readCanfarConfig } from '../../src/config/canfar-config.js';
import { expandHome, type Paths } from '../../src/config/paths.js';
import { readConfigFile } from '../../src/config/settings.js';
import { DOCTOR_TEXT as T } from './control-text.js';
import type { DoctorCheck } from './doctor-check.js';

/** A file that holds a credential, and what it holds (for the message). */
interface SecretFile {
  name: string;
  file: string;
  holds: string;
}

async function ownConfigSecrets(paths: Paths, homeDir: string): Promise<SecretFile[]> {
  const raw = await readConfigFile(paths.configFile).catch(() => null);
  if (!raw) return [];
  const found: SecretFile[] = [];
  const registry = raw.registry as Record<string, unknown> | undefined;
  if (typeof raw.token === 'string') found.push({ name: 'config file', file: paths.configFile, holds: 'a token' });
  else if (typeof registry?.secret === 'string') found.push({ name: 'config file', file: paths.configFile, holds: 'a registry secret' });
  if (typeof raw.tokenFile === 'string' && raw.tokenFile.trim() !== '') {
    found.push({ name: 'token file', file: path.resolve(expandHome(raw.tokenFile.trim(), homeDir)), holds: 'a token' });
  }
  return found;
}

async function canfarSecrets(homeDir: string): Promise<SecretFile[]> {
  const canfar = await readCanfarConfig(homeDir).catch(() => null);
  const file = canfarConfigPath(homeDir);
  if (canfar?.auth?.kind === 'token') return [{ name: 'canfar config', file, holds: 'a token' }];
  return canfar?.registry ? [{ name: 'canfar config', file, holds: 'a registry secret' }] : [];
}

/** One doctor check per config file that holds a token or secret: a failure, with the chmod to run, when others may read it. */
export async function checkSecretFiles(paths: Paths, homeDir: string): Promise<DoctorCheck[]> {
  const files = [...(await ownConfigSecrets(paths, homeDir)), ...(await canfarSecrets(homeDir))];
  const checks: DoctorCheck[] = [];
  for (const { name, file, holds } of files) {
    let mode: number;
    try {
      mode = statSync(file).mode & 0o777;
    } catch {
      continue;
    }
    const base = { section: 'credentials' as const, name, path: file };
    if ((mode & 0o077) === 0) checks.push({ ...base, status: 'ok', detail: T.secretPrivate(holds) });
    else checks.push({ ...base, status: 'fail', detail: T.secretReadable(holds, `0${mode.toString(8)}`, file) });
  }
  return checks;
}
