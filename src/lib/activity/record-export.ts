// Tells the server that a file was saved, for the access log (`POST /api/activity/exports`): its kind, format and
// number of clients, never its content. The file is made in the browser, so the server sees nothing of it
// otherwise. A record that fails does not undo or block the download the person already has.
import type { ExportActivity } from '../../identity-cloud/export-activity.ts';
import { apiFetch } from '../api-client.ts';

export function recordExport(activity: ExportActivity): void {
  apiFetch('/api/activity/exports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  }).catch(() => {
    // The file is saved either way; a lost access-log line is the server's to notice (history off, store down).
  });
}
