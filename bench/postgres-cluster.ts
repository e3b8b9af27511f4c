// A throwaway PostgreSQL cluster for the store scenario, as scripts/postgres-cluster.sh makes one for the tests: a
// fresh data directory, a free loopback port, trust authentication for a local user, started by an unprivileged
// user when the benchmark runs as root, stopped and removed at the end. Only when the server's binaries are on the
// machine (Debian's postgresql puts them in /usr/lib/postgresql/<version>/bin): the benchmark installs nothing.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** A server URL for the `postgres` database (the scenario creates its own databases). */
  url: string;
  version: string;
  stop(): void;
}

const binRoot = '/usr/lib/postgresql';

function binDir(): string | null {
  if (!existsSync(binRoot)) return null;
  const versions = readdirSync(binRoot)
    .filter((version) => existsSync(join(binRoot, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(binRoot, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('No free port.'));
      });
    });
  });
}

/** The reason the cluster cannot be started here, or null when it can. */
export function postgresUnavailableReason(): string | null {
  if (binDir() === null) {
    return `no PostgreSQL server binaries in ${binRoot}/*/bin (install Debian's postgresql, or set BENCH_DATABASE_URL)`;
  }
  return null;
}

/** Starts the cluster; throws with initdb's or the server's log when either fails. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = binDir();
  if (bin === null) throw new Error(postgresUnavailableReason() ?? 'no PostgreSQL');
  const root = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster belongs to the postgres user (created when missing, as the
  // tests' script does).
  const runAs = (command: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
      : execFileSync(command, args, { stdio: 'pipe' });
  if (root) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--system', '--no-create-home', 'postgres'], { stdio: 'pipe' });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'idc-bench-postgres-'));
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
  const data = join(dir, 'data');
  const port = await freePort();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    runAs(join(bin, 'initdb'), ['-D', data, '-U', 'idc', '--auth=trust']);
    runAs(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${String(port)} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  } catch (error) {
    remove();
    throw error;
  }
  // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)": the first version number.
  const version =
    /\d+(\.\d+)+/.exec(execFileSync(join(bin, 'postgres'), ['--version']).toString())?.[0] ?? '?';
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    try {
      runAs(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      remove();
    }
  };
  // Interrupted (Ctrl-C), the benchmark still stops its server rather than leaving it running.
  function interrupted(signal: NodeJS.Signals) {
    stop();
    process.kill(process.pid, signal);
  }
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return { url: `postgres://idc@127.0.0.1:${String(port)}/postgres`, version, stop };
}
