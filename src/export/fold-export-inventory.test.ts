import { describe, expect, it } from 'vitest';
import { createExportProgress } from './export-progress.ts';
import { foldExportInventory } from './run-export.ts';

function bodyOf(lines: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(lines.join('\n') + '\n'));
      controller.close();
    },
  });
}

describe('the headless export reads the inventory stream like the browser', () => {
  it('skips a malformed line, says which, and keeps every other line', async () => {
    let stderr = '';
    const progress = createExportProgress({ write: (text: string) => (stderr += text) });
    const { inventory, skippedLines } = await foldExportInventory(
      bodyOf([
        JSON.stringify({
          kind: 'list',
          total: 2,
          clients: [
            { id: 'a', name: 'A' },
            { id: 'b', name: 'B' },
          ],
        }),
        JSON.stringify({ kind: 'client', client: { id: 'a', name: 'A', type: 'public', redirectURIs: [] } }),
        '{"kind":"client","client":{"id":"b", "na',
        JSON.stringify({ kind: 'client', client: { id: 42 } }),
        JSON.stringify({ kind: 'done', clients: 1, failed: 0, ms: 5 }),
      ]),
      progress,
    );
    expect(skippedLines).toBe(2);
    expect([...inventory.clientsById.keys()]).toEqual(['a']);
    expect(inventory.done).not.toBeNull();
    expect(stderr).toContain('export: Inventory line 3 skipped: not JSON.');
    expect(stderr).toContain('export: Inventory line 4 skipped: a "client" line with an invalid client.id');
    // Never the line's content.
    expect(stderr).not.toContain('42');
  });
});
