// The sandbox as a program: `npm run sandbox -- --port 4010 --clients 1000 --latency 50`.
import { CliUsageError, parseSandboxArgs, sandboxUsage } from './cli-options.ts';
import { startSandbox } from './start-sandbox.ts';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseSandboxArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`sandbox: ${error.message}\nRun with --help for the flags.`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    console.log(sandboxUsage);
    return;
  }
  let sandbox;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    // Typically EADDRINUSE or EACCES on the chosen port.
    console.error(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
