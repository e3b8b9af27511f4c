import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useId, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ClientHistory } from '../../../identity-cloud/history.ts';
import { clientVersionChanges } from '../../../identity-cloud/history.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { FieldChangeTable } from '../../../lib/components/field-change-table.tsx';
import { FieldList } from '../../../lib/components/field-list.tsx';
import { formatDateTime, pluralize } from '../../../lib/format/format.ts';
import { clientHistoryQueryOptions, isHistoryOff } from '../../../lib/history/history-queries.ts';
import { toDrift } from '../../drift/routes.ts';

function When({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateTime(new Date(at))}</time>;
}

function HistoryBody({ history }: { history: ClientHistory }) {
  const versions = useMemo(() => clientVersionChanges(history), [history]);
  const first = versions[0];
  if (first === undefined) {
    return (
      <Typography color="textSecondary">
        Not in the history yet: it is recorded with the next complete inventory.
      </Typography>
    );
  }
  const changes = versions.slice(1).reverse();
  const last = changes[0];
  return (
    <Stack spacing={2}>
      <FieldList
        items={[
          { label: 'First seen', value: <When at={first.takenAt} /> },
          {
            label: 'Last changed',
            value: last === undefined ? 'Never: unchanged since first seen' : <When at={last.takenAt} />,
          },
          ...(history.removedAt ? [{ label: 'Removed', value: <When at={history.removedAt} /> }] : []),
        ]}
      />
      {changes.length > 0 ? (
        <Box component="ol" aria-label="Changes of this client" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {changes.map((version) => {
            const index = versions.indexOf(version);
            const previous = versions[index - 1];
            const fieldChanges = version.changes ?? [];
            const time = formatDateTime(new Date(version.takenAt));
            return (
              <Box
                component="li"
                key={version.snapshotId}
                sx={{ py: 1.5, borderTop: 1, borderColor: 'divider' }}
              >
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'baseline', mb: 1 }}>
                  <Typography component="span" sx={{ fontWeight: 600 }}>
                    Seen in the snapshot of <When at={version.takenAt} />
                  </Typography>
                  <Typography component="span" variant="body2" color="textSecondary">
                    {pluralize(fieldChanges.length, 'difference')}
                  </Typography>
                  {previous !== undefined ? (
                    <Link
                      component={RouterLink}
                      to={toDrift({ base: previous.snapshotId, against: version.snapshotId })}
                      underline="hover"
                      variant="body2"
                    >
                      Compare the two snapshots
                    </Link>
                  ) : null}
                </Box>
                <FieldChangeTable changes={fieldChanges} label={`Changes seen on ${time}`} />
              </Box>
            );
          })}
        </Box>
      ) : null}
    </Stack>
  );
}

/** When the client was first seen, when it last changed, and each change field by field, from the history. */
export function ClientHistoryCard({ clientId }: { clientId: string }) {
  const headingId = useId();
  const history = useQuery(clientHistoryQueryOptions(clientId));
  let body: ReactNode;
  if (history.data !== undefined) {
    body = <HistoryBody history={history.data} />;
  } else if (history.error instanceof ApiError && history.error.status === 404) {
    body = <HistoryBody history={{ versions: [], removedAt: null }} />;
  } else if (isHistoryOff(history.error)) {
    body = <Typography color="textSecondary">Nothing to show while history is off.</Typography>;
  } else if (history.error !== null) {
    body = (
      <ApiErrorAlert
        error={history.error}
        resource="this client’s history"
        onRetry={() => void history.refetch()}
      />
    );
  } else {
    body = <Skeleton variant="rounded" height={80} aria-label="Loading the client’s history" />;
  }
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          History
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
}
