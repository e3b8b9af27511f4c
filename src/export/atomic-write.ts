import { randomUUID } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';

/**
 * Written beside the target, then renamed: a reader (a scheduler, a CI step) never sees half a file. With a
 * `mode`, the file has exactly that mode, whatever the umask.
 */
export async function writeFileAtomically(
  path: string,
  content: string,
  { mode }: { mode?: number } = {},
): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Why a write failed, for a sentence: the system's code (`EACCES`, `ENOSPC`), never the message's paths. */
export function writeFailureReason(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'write error';
}
