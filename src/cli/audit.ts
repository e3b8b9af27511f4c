// dist-server/audit.js (`npm run audit -- [--policy FILE] [--format text|json|sarif|junit] [--output FILE]
// [--fail-on LEVEL]`).
import { runAudit } from './run-audit.ts';

try {
  process.exitCode = await runAudit(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    // The bundle lives in dist-server/, beside docs/.
    findingsDocUrl: process.env.IDC_AUDIT_DOCS_URL ?? new URL('../docs/findings.md', import.meta.url).href,
  });
} catch (error) {
  // A bug, not an upstream failure: say what kind, never the data it carried.
  console.error(`audit: unexpected failure (${error instanceof Error ? error.name : 'unknown error'}).`);
  process.exitCode = 2;
}
