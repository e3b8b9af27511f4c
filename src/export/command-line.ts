// What the headless commands (export, snapshot, audit, migrate) share: reading `--name value` options, and
// running as a process.

export type ParsedCommandLine<Arguments> =
  { kind: 'run'; arguments: Arguments } | { kind: 'help' } | { kind: 'error'; message: string };

/**
 * Reads `--name value` and `--name=value` options, handing each to `accept`, which returns an error message to
 * refuse it. `--help` or `-h` anywhere asks for the usage. An unknown option or an empty value is an error
 * naming it.
 */
export function readOptions(
  argv: readonly string[],
  names: readonly string[],
  accept: (name: string, value: string) => string | null,
): { kind: 'help' } | { kind: 'error'; message: string } | null {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') return { kind: 'help' };
    const [name = argument, inlineValue] = argument.startsWith('--')
      ? argument.split(/=(.*)/s, 2)
      : [argument, undefined];
    if (!names.includes(name)) {
      return { kind: 'error', message: `Unknown argument "${argument}" (try --help).` };
    }
    const value = inlineValue ?? argv[(index += 1)];
    if (value === undefined || value === '') return { kind: 'error', message: `${name} needs a value.` };
    const refusal = accept(name, value);
    if (refusal !== null) return { kind: 'error', message: refusal };
  }
  return null;
}

/**
 * Runs a command's main function with this process's arguments and sets the exit code. A throw is a bug, not an
 * upstream failure: one line says of what kind, never the data it carried.
 */
export async function runCommandProcess(
  command: string,
  bugExitCode: number,
  main: (argv: readonly string[]) => Promise<number>,
): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${command}: unexpected failure (${error instanceof Error ? error.name : 'unknown error'}).`,
    );
    process.exitCode = bugExitCode;
  }
}

/** This process's environment, output streams and folder: what every command's main function reads and writes. */
export function processIo() {
  return { env: process.env, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
