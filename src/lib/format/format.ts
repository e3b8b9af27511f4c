// Human formatting shared by every page: counts with separators, plurals, durations, times.
const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** `pluralize(2, 'client')` → "2 clients"; `pluralize(1, 'policy', 'policies')` → "1 policy". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

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

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
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
