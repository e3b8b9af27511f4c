import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { MigrationTarget } from '../../../identity-cloud/migration/migration-target.ts';
import {
  migrationTargetLabels,
  migrationTargets,
} from '../../../identity-cloud/migration/migration-target.ts';
import { verdictLabels, verdicts } from '../../../identity-cloud/migration/readiness.ts';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { CountFilter } from '../../../lib/components/count-filter.tsx';
import { pluralize } from '../../../lib/format/format.ts';
import { InventoryErrorAlert } from '../../../lib/inventory/inventory-error-alert.tsx';
import { readChosenTarget, saveChosenTarget } from '../../../lib/migration/chosen-target.ts';
import { recordExport } from '../../../lib/activity/record-export.ts';
import { downloadBytes } from '../../../lib/download.ts';
import { useMigrationPlan } from '../../../lib/migration/use-migration-plan.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { buildMigrationDownload } from '../utils/migration-download.ts';
import type { MigrationView } from '../utils/migration-view.ts';
import { migrationViewParams, parseMigrationView, viewRows } from '../utils/migration-view.ts';
import { ReadinessTable } from './readiness-table.tsx';

function TargetChoice({
  value,
  onChange,
}: {
  value: MigrationTarget;
  onChange: (next: MigrationTarget) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      aria-label="Target"
      value={value}
      onChange={(_event, next: MigrationTarget | null) => {
        if (next !== null) onChange(next);
      }}
      sx={{ flexWrap: 'wrap' }}
    >
      {migrationTargets.map((target) => (
        <ToggleButton key={target} value={target} sx={{ textTransform: 'none', px: 1.5 }}>
          {migrationTargetLabels[target]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/** Readiness of every client for a target platform, and the target's files to download. */
export function MigrationPage() {
  useDocumentTitle('Migration');
  const [params, setParams] = useSearchParams();
  const view = parseMigrationView(params, readChosenTarget());
  const { plan, snapshot, streaming, inventory, evaluated } = useMigrationPlan(view.target);
  const session = useQuery(sessionQueryOptions());
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
  const [search, setSearch] = useState(view.search);

  useEffect(() => {
    saveChosenTarget(view.target);
  }, [view.target]);

  // The target is always in the URL, even when it came from the remembered choice: a shared link says it.
  const targetInUrl = params.has('target');
  useEffect(() => {
    if (!targetInUrl) setParams(migrationViewParams(view), { replace: true });
  });

  const update = (change: Partial<MigrationView>) => {
    setParams(migrationViewParams({ ...view, ...change }), { replace: true });
  };

  const rows = useMemo(() => (plan ? viewRows(plan.clients, view) : []), [plan, view]);

  const download = () => {
    setDownloadProblem(null);
    if (!plan || !evaluated || !session.data) return;
    const result = buildMigrationDownload(plan, evaluated.inventory, session.data.customerId, new Date());
    if (result.kind === 'incomplete') {
      setDownloadProblem('The inventory is incomplete: no file was made.');
      return;
    }
    downloadBytes(result.fileName, result.bytes, 'application/zip');
    recordExport({ kind: 'migration', format: 'zip', count: plan.clients.length });
  };

  const complete = snapshot?.complete === true && plan !== undefined && plan.missing.length === 0;

  return (
    <Stack spacing={3}>
      <PageHeading title="Migration">
        Identity Cloud reaches its end of life in 2027. Choose where the clients go: each one’s verdict says
        whether it can move as it is, what to change first, or what to rethink, with every reason. The
        download holds the target’s files, a CSV mapping each client ID to its new name, and a to-do list; no
        secret is in them.
      </PageHeading>

      <TargetChoice value={view.target} onChange={(target) => update({ target })} />

      {streaming ? <LinearProgress aria-label="Reading the inventory" /> : null}
      <InventoryErrorAlert inventory={inventory} />

      {plan === undefined ? (
        inventory.error === null ? (
          <Skeleton variant="rounded" height={240} aria-hidden />
        ) : null
      ) : (
        <>
          {plan.missing.length > 0 && !streaming ? (
            <Alert severity="warning">
              <AlertTitle>Inventory incomplete: no migration files until it is whole</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {plan.missing.slice(0, 10).map((item) => (
                  <li key={`${item.resource}:${item.id ?? ''}`}>{item.reason}</li>
                ))}
              </Box>
              {plan.missing.length > 10 ? `… and ${plan.missing.length - 10} more. ` : ''}
              Refresh the inventory to read them again; a narrow-scope token may not read policies.
            </Alert>
          ) : null}
          {plan.gone.length > 0 ? (
            <Alert severity="info">
              {pluralize(plan.gone.length, 'client')} deleted while the inventory was read:{' '}
              {plan.gone.map((gone) => gone.name).join(', ')}. Not migrated.
            </Alert>
          ) : null}

          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <Typography component="p" sx={{ fontWeight: 600 }} aria-live="polite">
              {pluralize(plan.clients.length, 'client')} for {migrationTargetLabels[view.target]}:{' '}
              {verdicts
                .map((verdict) => `${plan.countsByVerdict[verdict]} ${verdictLabels[verdict]}`)
                .join(', ')}
              {streaming ? ' so far' : ''}
            </Typography>
            <Button
              variant="contained"
              startIcon={<DownloadIcon />}
              onClick={download}
              disabled={!complete || !session.data}
            >
              Download
            </Button>
          </Box>
          {downloadProblem ? <Alert severity="error">{downloadProblem}</Alert> : null}

          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <CountFilter
              label="Verdict"
              values={verdicts}
              labels={verdictLabels}
              value={view.verdict}
              counts={plan.countsByVerdict}
              onChange={(verdict) => update({ verdict })}
            />
            <TextField
              size="small"
              label="Search clients and reasons"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                update({ search: event.target.value });
              }}
              sx={{ minWidth: { xs: '100%', sm: 280 } }}
            />
          </Box>

          <ReadinessTable
            rows={rows}
            target={view.target}
            sort={view.sort}
            direction={view.direction}
            onSort={(sort, direction) => update({ sort, direction })}
          />
          <Typography variant="body2" color="textSecondary">
            How each verdict and mapping is decided, with the target documentation behind it, is written down
            in the repository’s docs/migration.md.
          </Typography>
        </>
      )}
    </Stack>
  );
}
