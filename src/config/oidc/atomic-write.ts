import { randomBytes } from 'node:crypto';
import { chown, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` atomically: the text goes to a temp file in the same folder (so the rename stays on
 * one file system) with the original's mode (and owner, when running as root), is synced, then
 * renamed over it. A reader sees the old file or the new one, never a part.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const info = await stat(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = info.mode & 0o7777;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    // The create mode went through the umask: set it exactly.
    await handle.chmod(mode);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    if (process.getuid?.() === 0 && (info.uid !== 0 || info.gid !== 0)) await chown(temp, info.uid, info.gid);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
