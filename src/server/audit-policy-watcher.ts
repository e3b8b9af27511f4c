// Keeps the audit policy file in force: read at start and whenever it changes (polled with fs.watchFile, which
// survives editors that save by renaming and files that do not exist yet). A file that fails validation leaves
// the previous policy in force and says why.
import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { unwatchFile, watchFile } from 'node:fs';
import { basename } from 'node:path';
import type { AuditPolicyState } from '../identity-cloud/audit/audit-policy-state.ts';
import { noAuditPolicy } from '../identity-cloud/audit/audit-policy-state.ts';
import { formatPolicyError, readAuditPolicy } from '../identity-cloud/audit/read-audit-policy.ts';

export interface AuditPolicyWatcher {
  current(): AuditPolicyState;
  /** Reads the file again now (tests, and the first read). */
  reload(): Promise<AuditPolicyState>;
  close(): void;
}

export interface WatchOptions {
  /** Given explicitly (IDC_AUDIT_POLICY): a missing file is an error, not "no policy". */
  required: boolean;
  log?: (line: string) => void;
  intervalMs?: number;
  now?: () => Date;
}

export async function watchAuditPolicy(path: string, options: WatchOptions): Promise<AuditPolicyWatcher> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  // Errors and the banner name the file as the person wrote it, never the server's full path.
  const name = basename(path);
  let state: AuditPolicyState = noAuditPolicy;
  let reading: Promise<AuditPolicyState> | null = null;

  const read = async (): Promise<AuditPolicyState> => {
    const checkedAt = now().toISOString();
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'read error';
      if (code === 'ENOENT' && !options.required) return { ...noAuditPolicy, checkedAt };
      const message = code === 'ENOENT' ? 'the file does not exist' : `the file could not be read (${code})`;
      return {
        status: 'invalid',
        file: name,
        errors: [{ file: name, line: 1, column: 1, field: '', message }],
        policy: state.policy,
        checkedAt,
      };
    }
    const result = readAuditPolicy(text, name);
    if (result.ok) return { status: 'active', file: name, errors: [], policy: result.policy, checkedAt };
    return { status: 'invalid', file: name, errors: result.errors, policy: state.policy, checkedAt };
  };

  const reload = (): Promise<AuditPolicyState> => {
    reading ??= read()
      .then((next) => {
        const changed = next.status !== state.status || JSON.stringify(next) !== JSON.stringify(state);
        state = next;
        if (changed) describe(next);
        return next;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  const describe = (next: AuditPolicyState) => {
    if (next.status === 'active') log(`Audit policy ${name} in force.`);
    else if (next.status === 'none') log('No audit policy file: the generic rules apply.');
    else {
      const kept = next.policy === null ? 'no policy is in force' : 'the previous policy stays in force';
      log(`Audit policy ${name} refused, ${kept}:\n${next.errors.map(formatPolicyError).join('\n')}`);
    }
  };

  await reload();
  const listener = (current: Stats, previous: Stats) => {
    if (
      current.mtimeMs !== previous.mtimeMs ||
      current.size !== previous.size ||
      current.ino !== previous.ino
    ) {
      void reload();
    }
  };
  watchFile(path, { interval: options.intervalMs ?? 1000, persistent: false }, listener);
  return {
    current: () => state,
    reload,
    close: () => {
      unwatchFile(path, listener);
    },
  };
}
