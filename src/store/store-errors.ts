// A store failure as one sentence a person can act on. Only codes are used: a driver's message can quote data.
import { NewerStoreError } from './migrate.ts';

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

const notWritable = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EISDIR',
  'EEXIST',
  'ENOENT',
  'SQLITE_CANTOPEN',
]);
const unreachable = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ETIMEDOUT']);

export function describeStoreError(error: unknown, location: string): string {
  if (error instanceof NewerStoreError) return error.message;
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') {
    return `the disk holding ${location} is full: free some space`;
  }
  if (code !== undefined && (notWritable.has(code) || code.startsWith('SQLITE_READONLY'))) {
    return `${location} cannot be written (${code}): check the path and its permissions`;
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `${location} is not a database this dashboard can read (${code})`;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return `${location} is locked by another program (${code})`;
  }
  if (code !== undefined && unreachable.has(code)) {
    return `${location} cannot be reached (${code}): is it running?`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `${location}: the host name is not known (${code})`;
  if (code === '28P01' || code === '28000') return `${location} refused the credentials in DATABASE_URL`;
  if (code === '3D000') return `${location}: the database does not exist`;
  if (code === '42501') return `${location} refused the permission the store needs (${code})`;
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === '08006' || code === '08001') {
    return `${location} is not accepting connections (${code}): is it running?`;
  }
  if (error instanceof Error && /timeout|terminated|Connection ended/i.test(error.message)) {
    return `${location} stopped answering: is it running?`;
  }
  const kind = code ?? (error instanceof Error ? error.name : 'unknown error');
  return `${location} failed (${kind})`;
}
