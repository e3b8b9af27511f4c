// Human formatting shared by every page: counts with separators, plurals, durations, times. Counts, plurals and
// times are the domain module's, so that the server writes the words of a page's first lines as the app does.
import { pluralize } from '../../identity-cloud/text-format.ts';

export { formatCount, formatDateTime, pluralize } from '../../identity-cloud/text-format.ts';

const durationUnits = [
  { seconds: 365.25 * 24 * 3600, name: 'year' },
  { seconds: 24 * 3600, name: 'day' },
  { seconds: 3600, name: 'hour' },
  { seconds: 60, name: 'minute' },
  { seconds: 1, name: 'second' },
] as const;

/** 3600 → "1 hour"; 7776000 → "90 days"; 5400 → "1 hour 30 minutes" (at most two units, the rest dropped). */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return `${totalSeconds} seconds`;
  if (totalSeconds === 0) return '0 seconds';
  const parts: string[] = [];
  let rest = Math.round(totalSeconds);
  for (const unit of durationUnits) {
    if (parts.length === 2) break;
    const amount = Math.floor(rest / unit.seconds);
    if (amount > 0) {
      parts.push(pluralize(amount, unit.name));
      rest -= amount * unit.seconds;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ');
}

/** "in 58 minutes" / "2 minutes ago", for token expiry. */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return format.format(seconds, 'second');
  if (magnitude < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (magnitude < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
}
