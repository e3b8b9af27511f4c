import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { formatCount, formatDateTime } from '../../../lib/format/format.ts';
import { historySnapshotsQueryOptions } from '../../../lib/history/history-queries.ts';
import { toDrift } from '../../drift/routes.ts';
import { toHistory } from '../../history/routes.ts';

const kinds = [
  { key: 'added', sign: '+', word: 'added' },
  { key: 'removed', sign: '−', word: 'removed' },
  { key: 'changed', sign: '~', word: 'changed' },
] as const;

/**
 * What the latest snapshot found changed against the one before it, each count linking to the clients in Drift.
 * Nothing when there is no history to speak of (off, failed, empty): the shell's banner says why when it is off.
 */
export function ChangesSinceSnapshot() {
  const headingId = useId();
  const snapshots = useQuery(historySnapshotsQueryOptions());
  const [latest, previous] = snapshots.data ?? [];
  if (latest === undefined) return null;
  const when = (takenAt: string) => formatDateTime(new Date(takenAt));
  const changes = latest.changes;
  const total = changes ? changes.added + changes.removed + changes.changed : null;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h2" id={headingId}>
            Changed since the last snapshot
          </Typography>
          {previous === undefined ? (
            <Typography>
              The first snapshot was taken {when(latest.takenAt)}; changes show from the next one.
            </Typography>
          ) : (
            <>
              <Typography>
                The latest inventory ({when(latest.takenAt)}) against the snapshot before it (
                {when(previous.takenAt)}):{' '}
                {total === 0 ? (
                  'no change.'
                ) : changes ? (
                  kinds.map(({ key, sign, word }, index) => (
                    <span key={key}>
                      {index > 0 ? ', ' : ''}
                      {changes[key] > 0 ? (
                        <Link
                          component={RouterLink}
                          to={toDrift({ base: previous.id, against: latest.id, show: key })}
                        >
                          {sign}
                          {formatCount(changes[key])} {word}
                        </Link>
                      ) : (
                        `${sign}0 ${word}`
                      )}
                    </span>
                  ))
                ) : (
                  <Link component={RouterLink} to={toDrift({ base: previous.id, against: latest.id })}>
                    see the differences
                  </Link>
                )}
                {total !== 0 && changes ? '.' : null}
              </Typography>
            </>
          )}
          <Typography variant="body2">
            <Link component={RouterLink} to={toHistory()}>
              All snapshots
            </Link>
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}
