import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { ApiError, networkFailureStatus } from '../../../lib/api-client.ts';

function titleFor(status: number | null): string {
  if (status === 401) return 'Identity Cloud refused these credentials';
  if (status === 502) return 'Identity Cloud could not be reached';
  if (status === 504) return 'Identity Cloud did not answer in time';
  if (status === 403) return 'The dashboard refused the request';
  if (status === networkFailureStatus) return 'The dashboard’s server could not be reached';
  if (status === 400) return 'Some details are not valid';
  return 'Could not connect';
}

/** The proxy's refusal of a connection, in plain words with what to do (its detail sentence says it). */
export function ConnectionRefusedAlert({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : null;
  return (
    <Alert severity="error">
      <AlertTitle>{titleFor(status)}</AlertTitle>
      {error.message}
    </Alert>
  );
}
