import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import { historyStatusQueryOptions } from './history-queries.ts';

function sentence(reason: string | null | undefined): string {
  const text = reason?.trim() ? reason.trim().replace(/\.$/, '') : 'the server gave no reason';
  return `History is off: ${text}. Everything else works as usual; new inventories are not remembered.`;
}

/**
 * The one place that says the history store is off or broken, and why. Nothing while the server is asked, or when
 * it cannot be asked (the pages' own alerts say that).
 */
export function HistoryOffBanner() {
  const status = useQuery(historyStatusQueryOptions());
  if (status.data === undefined || status.data.enabled) return null;
  return (
    <Alert severity="info" role="status" sx={{ mb: 2 }}>
      {sentence(status.data.reason)}
    </Alert>
  );
}
