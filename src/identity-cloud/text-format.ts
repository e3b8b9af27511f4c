// Counts, plurals and times as every page writes them, in the app and in the server's picture of a page's first
// lines (the same words in both, so that nothing changes when the app takes over). Times are in the local time
// zone of whoever formats them: the server's in its HTML, the browser's in the app.
const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** `pluralize(2, 'client')` → "2 clients"; `pluralize(1, 'policy', 'policies')` → "1 policy". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}
