/**
 * Saves a file the way browsers save downloads: a Blob, an object URL and a click on an <a download>. No
 * navigation happens, so the app's Content-Security-Policy (which has no `blob:` source) does not apply.
 */
function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL only after the click handler returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>, type: string): void {
  downloadBlob(fileName, new Blob([bytes], { type }));
}

export const csvMediaType = 'text/csv;charset=utf-8';
export const jsonMediaType = 'application/json;charset=utf-8';
