import { access, chmod, rename } from 'node:fs/promises';

/** The name a bad state file is moved to: `<file>.corrupt-<ISO time with ':' replaced by '-'>`. */
export function corruptName(file: string, now: number): string {
  return `${file}.corrupt-${new Date(now).toISOString().replace(/:/g, '-')}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Renames a bad file out of the way (never overwriting an earlier one) and makes it 0600 (an older one may hold tokens); returns the new path. */
export async function moveAside(file: string, now: number): Promise<string> {
  const base = corruptName(file, now);
  let target = base;
  for (let i = 1; await exists(target); i++) target = `${base}-${i}`;
  await rename(file, target);
  await chmod(target, 0o600).catch(() => undefined);
  return target;
}
