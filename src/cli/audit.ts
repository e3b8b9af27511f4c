// dist-server/audit.js (`npm run audit -- [--policy FILE] [--format text|json|sarif|junit] [--output FILE]
// [--fail-on LEVEL]`).
import { processIo, runCommandProcess } from '../export/command-line.ts';
import { runAudit } from './run-audit.ts';

await runCommandProcess('audit', 2, (argv) =>
  runAudit(argv, {
    ...processIo(),
    // The bundle lives in dist-server/, beside docs/.
    findingsDocUrl: process.env.IDC_AUDIT_DOCS_URL ?? new URL('../docs/findings.md', import.meta.url).href,
  }),
);
