import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import { ApiError, networkFailureStatus } from '../api-client.ts';
import { useAppLinks } from '../app-links.tsx';

interface ApiErrorAlertProps {
  error: unknown;
  /** What was being read, in words: "the clients", "this login policy". */
  resource: string;
  /** Shown for failures a second attempt may fix (network, 5xx, timeouts, rate limits). */
  onRetry?: () => void;
  /** For 403: what the page still shows without this resource. */
  forbiddenConsequence?: string;
}

function statusOf(error: unknown): number | null {
  return error instanceof ApiError ? error.status : null;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One alert per failed read, worded by what the person can do about it. */
export function ApiErrorAlert({ error, resource, onRetry, forbiddenConsequence }: ApiErrorAlertProps) {
  const { toConnect } = useAppLinks();
  const status = statusOf(error);
  const detail = error instanceof Error ? error.message : 'Something unexpected happened.';

  if (status === 401) {
    return (
      <Alert
        severity="warning"
        action={
          <Button color="inherit" size="small" component={RouterLink} to={toConnect()}>
            Connect
          </Button>
        }
      >
        <AlertTitle>Not connected or credentials refused</AlertTitle>
        The dashboard could not read {resource}: it has no connection to a tenant, or Identity Cloud refused
        the configuration client’s credentials. Connect again to continue.
      </Alert>
    );
  }
  if (status === 403) {
    return (
      <Alert severity="info">
        <AlertTitle>Not permitted to read {resource}</AlertTitle>
        The configuration client’s token lacks permission for {resource} (its scope does not include it).{' '}
        {forbiddenConsequence ?? 'The rest of the page shows what the token may read.'} To see everything,
        connect with a configuration client whose scope covers <code>GET:config/**</code>.
      </Alert>
    );
  }
  if (status === 404) {
    return (
      <Alert severity="warning">
        <AlertTitle>{capitalised(resource)} not found</AlertTitle>
        {detail}
      </Alert>
    );
  }
  const retryable = status === null || status === networkFailureStatus || status === 429 || status >= 500;
  return (
    <Alert
      severity="error"
      action={
        retryable && onRetry !== undefined ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>Could not load {resource}</AlertTitle>
      {detail}
    </Alert>
  );
}
