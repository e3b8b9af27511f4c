import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useDeferredValue, useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import {
  compareButtonLabel,
  historyChartHeading,
  historyHeading,
  historyLead,
  historyPoints,
  noPicksPrompt,
  snapshotsHeading,
  type HistoryPoint,
} from '../../../identity-cloud/history-page-words.ts';
import {
  historySnapshotsQueryOptions,
  isHistoryListUnavailable,
} from '../../../lib/history/history-queries.ts';
import { toDrift } from '../../drift/routes.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCarriedSnapshots } from '../hooks/use-carried-snapshots.ts';
import { orderedPair, parsePage, parsePicks, togglePick } from '../utils/history-view.ts';
import { HistoryChartStill } from './history-chart-still.tsx';
import { SnapshotTable, snapshotsPerPage } from './snapshot-table.tsx';

const HistoryChart = lazy(async () => ({ default: (await import('./history-chart.tsx')).HistoryChart }));

/**
 * The chart draws in a background render once the table has painted: it repeats what the table says, and a year of
 * points must not hold back the rows someone came for. Meanwhile its still picture keeps its room (no shift).
 */
function DeferredChart({ points }: { points: readonly HistoryPoint[] }) {
  const deferred = useDeferredValue(points, null);
  const chartPlaceholder = <HistoryChartStill points={points} />;
  if (deferred === null) return chartPlaceholder;
  return (
    <Suspense fallback={chartPlaceholder}>
      <HistoryChart points={deferred} />
    </Suspense>
  );
}

/** Every inventory the server remembered for this tenant, what changed in each, and two of them compared. */
export function HistoryPage() {
  useDocumentTitle('History');
  const session = useQuery(sessionQueryOptions());
  const carried = useCarriedSnapshots(session.data);
  const snapshots = useQuery({
    ...historySnapshotsQueryOptions(),
    initialData: carried,
    // The carried list is as fresh as the page it came in.
    initialDataUpdatedAt: carried === undefined ? undefined : performance.timeOrigin,
  });
  const [params, setParams] = useSearchParams();
  const list = useMemo(() => snapshots.data ?? [], [snapshots.data]);
  const pickKey = params.getAll('pick').join('\n');
  const picks = useMemo(() => parsePicks(pickKey === '' ? [] : pickKey.split('\n'), list), [pickKey, list]);
  const pair = orderedPair(picks, list);
  const page = parsePage(params.get('page'), Math.ceil(list.length / snapshotsPerPage));
  const onPageChange = (next: number) => {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      if (next === 0) updated.delete('page');
      else updated.set('page', String(next + 1));
      return updated;
    });
  };
  const points = useMemo(() => historyPoints(list), [list]);

  const onTogglePick = useCallback(
    (id: string) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          const current = parsePicks(next.getAll('pick'), list);
          next.delete('pick');
          for (const pick of togglePick(current, id)) next.append('pick', pick);
          return next;
        },
        { replace: true },
      );
    },
    [setParams, list],
  );

  let content;
  if (snapshots.data !== undefined) {
    content =
      list.length === 0 ? (
        <Typography>
          No snapshot yet. Each complete inventory read (opening the dashboard, Refresh, or
          <code> npm run snapshot</code>) is remembered here.
        </Typography>
      ) : (
        <>
          {points.length >= 2 ? (
            <Card variant="outlined" component="section" aria-labelledby="history-chart-heading">
              <CardContent>
                <Typography variant="h2" id="history-chart-heading" gutterBottom>
                  {historyChartHeading}
                </Typography>
                <DeferredChart points={points} />
              </CardContent>
            </Card>
          ) : null}
          <Card variant="outlined" component="section" aria-labelledby="history-snapshots-heading">
            <CardContent>
              <Stack spacing={1.5}>
                <Typography variant="h2" id="history-snapshots-heading">
                  {snapshotsHeading(list.length)}
                </Typography>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
                  <Typography variant="body2" color="textSecondary" aria-live="polite">
                    {picks.length === 2
                      ? 'Two snapshots picked.'
                      : picks.length === 1
                        ? 'One snapshot picked: pick another to compare the two.'
                        : noPicksPrompt}
                  </Typography>
                  <Button
                    variant="contained"
                    startIcon={<CompareArrowsIcon />}
                    disabled={pair === null}
                    {...(pair === null ? {} : { component: RouterLink, to: toDrift(pair) })}
                  >
                    {compareButtonLabel}
                  </Button>
                  {picks.length > 0 ? (
                    <Button
                      onClick={() =>
                        setParams(
                          (previous) => {
                            const next = new URLSearchParams(previous);
                            next.delete('pick');
                            return next;
                          },
                          { replace: true },
                        )
                      }
                    >
                      Clear picks
                    </Button>
                  ) : null}
                </Box>
                <SnapshotTable
                  snapshots={list}
                  picks={picks}
                  onTogglePick={onTogglePick}
                  page={page}
                  onPageChange={onPageChange}
                />
              </Stack>
            </CardContent>
          </Card>
        </>
      );
  } else if (snapshots.error !== null) {
    content = isHistoryListUnavailable(snapshots.error) ? (
      <Typography color="textSecondary">Nothing to show while history is off.</Typography>
    ) : (
      <ApiErrorAlert
        error={snapshots.error}
        resource="the history"
        onRetry={() => void snapshots.refetch()}
      />
    );
  } else {
    content = (
      <Stack spacing={2} aria-busy="true" aria-label="Loading the history">
        <Skeleton variant="rounded" height={240} />
        <Skeleton variant="rounded" height={320} />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <PageHeading title={historyHeading}>{historyLead(session.data?.customerId ?? null, list)}</PageHeading>
      {content}
    </Stack>
  );
}
