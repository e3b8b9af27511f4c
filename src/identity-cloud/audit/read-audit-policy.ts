// Reads idc-audit.yaml text (the caller reads the file): YAML syntax errors and schema errors alike come back
// as "file:line:column: field: message", the line and column those of the YAML node the field came from.
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { AuditPolicy } from './audit-policy.ts';
import { auditPolicySchema } from './audit-policy.ts';

export interface PolicyFileError {
  file: string;
  line: number;
  column: number;
  /** Dotted path with list indexes (`acceptedFindings[0].expires`); empty for the file as a whole. */
  field: string;
  message: string;
}

export type PolicyReadResult = { ok: true; policy: AuditPolicy } | { ok: false; errors: PolicyFileError[] };

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** One line per error, as compilers print them. */
export function formatPolicyError(error: PolicyFileError): string {
  const field = error.field === '' ? '' : `${error.field}: `;
  return `${error.file}:${error.line}:${error.column}: ${field}${error.message}`;
}

interface Located {
  /** The node the path leads to, or the deepest one that exists on the way. */
  node: Node | null;
  /** The key node of the last step, when the path ends on a mapping entry. */
  key: Node | null;
}

function locate(root: Node | null, path: readonly PropertyKey[]): Located {
  let node: Node | null = root;
  let key: Node | null = null;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part));
      if (!pair) break;
      key = isScalar(pair.key) ? pair.key : null;
      const value = pair.value;
      node = isScalar(value) || isMap(value) || isSeq(value) ? value : key;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (!(isScalar(item) || isMap(item) || isSeq(item))) break;
      key = null;
      node = item;
    } else {
      break;
    }
  }
  return { node, key };
}

function startOf(node: Node | null): number {
  return node?.range?.[0] ?? 0;
}

export function readAuditPolicy(text: string, file: string): PolicyReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        field: '',
        // The parser's first sentence; its message can quote the file, which stays in the file.
        message: `not valid YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+.*$/, '')}`,
      })),
    };
  }

  const value: unknown = document.toJS() ?? {};
  const parsed = auditPolicySchema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, policy: parsed.data };

  const root = document.contents as Node | null;
  const errors: PolicyFileError[] = [];
  for (const issue of parsed.error.issues) errors.push(...issueErrors(issue, root, file, at));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

function issueErrors(
  issue: z.core.$ZodIssue,
  root: Node | null,
  file: string,
  at: (offset: number) => { line: number; column: number },
): PolicyFileError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((name) => {
      const path = [...issue.path, name];
      const { key } = locate(root, path);
      return {
        file,
        ...at(startOf(key)),
        field: formatFieldPath(path),
        message: 'is not a key of the audit policy here (check its spelling in docs/audit.md)',
      };
    });
  }
  const { node, key } = locate(root, issue.path);
  // A required field that is absent: point at the mapping that lacks it.
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const message = missing ? 'is required' : issue.message;
  // A bad key of a mapping (an unknown rule id under severity): point at the key, not its value.
  const badKey = key !== null && issue.input !== undefined && issue.input === issue.path.at(-1);
  const target = badKey ? key : node;
  return [{ file, ...at(startOf(target)), field: formatFieldPath(issue.path), message }];
}
