import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { DriftMatchBy } from '../../../identity-cloud/drift.ts';
import { compareInventories, driftToCsv } from '../../../identity-cloud/drift.ts';
import { exportFileName } from '../../../identity-cloud/inventory-export.ts';
import { recordExport } from '../../../lib/activity/record-export.ts';
import { csvMediaType, downloadText } from '../../../lib/download.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { InventoryErrorAlert } from '../../../lib/inventory/inventory-error-alert.tsx';
import { useInventory } from '../../../lib/inventory/use-inventory.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { defaultTenantLabel, findSavedTenant } from '../../../lib/tenants/saved-tenants.ts';
import { useSavedTenants } from '../../../lib/tenants/use-saved-tenants.ts';
import { toHistory } from '../../history/routes.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { setDriftBase, useDriftBase } from '../hooks/drift-base-store.ts';
import { useStoredSnapshot } from '../hooks/use-stored-snapshot.ts';
import type { DriftShow } from '../utils/drift-view.ts';
import { defaultMatchBy, parseDriftShow, parseMatchBy } from '../utils/drift-view.ts';
import { readSnapshotFile } from '../utils/read-snapshot-file.ts';
import { DriftBaseCard } from './drift-base-card.tsx';
import { DriftResults } from './drift-results.tsx';
import { SnapshotDropZone } from './snapshot-drop-zone.tsx';

/** What changed since a snapshot, or between two tenants: added, removed and changed clients, field by field. */
export function DriftPage() {
  useDocumentTitle('Drift');
  const session = useQuery(sessionQueryOptions());
  const inventory = useInventory();
  const saved = useSavedTenants();
  const memoryBase = useDriftBase();
  const [params, setParams] = useSearchParams();
  // A stored snapshot named in the address is the base; a second one, when named, replaces the live inventory.
  const baseId = params.get('base');
  const againstId = baseId === null ? null : params.get('against');
  const storedBase = useStoredSnapshot(baseId);
  const storedAgainst = useStoredSnapshot(againstId);
  const base = baseId === null ? memoryBase : storedBase.side;
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const liveSnapshot = inventory.data;
  const liveStreaming = inventory.isFetching && liveSnapshot?.complete !== true;
  const current = againstId === null ? liveSnapshot?.inventory : storedAgainst.side?.inventory;
  const streaming = againstId === null && liveStreaming;
  const facts = session.data ?? null;
  const show = parseDriftShow(params.get('show'));
  const matchBy: DriftMatchBy =
    parseMatchBy(params.get('match')) ??
    (base !== null && facts !== null ? defaultMatchBy(base.customerId, facts.customerId) : 'id');

  // Compared once the current inventory has finished (a half-loaded one would report most clients as added).
  const drift = useMemo(
    () =>
      base === null || current === undefined || streaming
        ? null
        : compareInventories(base.inventory, current, { matchBy }),
    [base, current, streaming, matchBy],
  );

  const setParam = (key: string, value: string | null) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };

  const onFile = async (file: File) => {
    setReading(true);
    setFileError(null);
    const result = await readSnapshotFile(file);
    setReading(false);
    if (result.ok) {
      setDriftBase(result.base);
      setParam('match', null);
    } else {
      setFileError(result.error);
    }
  };

  const clearStored = () => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const key of ['base', 'against', 'match']) next.delete(key);
        return next;
      },
      { replace: true },
    );
  };

  const snapshot = liveSnapshot;
  const keepCurrent = () => {
    if (snapshot === undefined || facts === null) return;
    setDriftBase({
      source: 'pinned',
      name: findSavedTenant(saved, facts)?.label ?? defaultTenantLabel(facts),
      identityDomain: facts.identityDomain,
      customerId: facts.customerId,
      takenAt: new Date(),
      scope: 'inventory',
      incomplete: !snapshot.complete,
      inventory: snapshot.inventory,
    });
    setParam('match', null);
  };

  const exportCsv = () => {
    if (drift === null || facts === null) return;
    downloadText(
      exportFileName(facts.customerId, new Date(), 'csv', 'drift'),
      driftToCsv(drift),
      csvMediaType,
    );
    const compared =
      drift.added.length +
      drift.removed.length +
      drift.changed.length +
      drift.unchanged +
      drift.notCompared.length;
    recordExport({ kind: 'drift', format: 'csv', count: compared });
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <PageHeading title="Drift">
        Compare this tenant’s clients with an earlier snapshot (an inventory exported from the clients page,
        or by
        <code> npm run export</code>), with a snapshot the dashboard remembered (see{' '}
        <Link component={RouterLink} to={toHistory()}>
          History
        </Link>
        ), or with another tenant: dev against prod.
      </PageHeading>

      {againstId === null ? <InventoryErrorAlert inventory={inventory} /> : null}

      {[storedBase, storedAgainst].map(({ query }, index) =>
        query.error !== null ? (
          <ApiErrorAlert
            key={index}
            error={query.error}
            resource={index === 0 ? 'the stored base snapshot' : 'the stored snapshot to compare with'}
            onRetry={() => void query.refetch()}
          />
        ) : query.isLoading ? (
          <LinearProgress
            key={index}
            aria-label={index === 0 ? 'Loading the stored base snapshot' : 'Loading the stored snapshot'}
          />
        ) : null,
      )}

      {baseId !== null ? (
        base === null ? null : (
          <DriftBaseCard base={base} currentCustomerId={facts?.customerId} onClear={clearStored} />
        )
      ) : base === null ? (
        <Card variant="outlined" component="section" aria-labelledby="drift-choose-heading">
          <CardContent>
            <Stack spacing={2}>
              <Typography variant="h2" id="drift-choose-heading">
                Choose a base
              </Typography>
              {fileError !== null ? (
                <Alert severity="error" onClose={() => setFileError(null)}>
                  {fileError}
                </Alert>
              ) : null}
              <SnapshotDropZone onFile={(file) => void onFile(file)} disabled={reading} />
              {reading ? <LinearProgress aria-label="Reading the snapshot" /> : null}
              <Typography variant="body2" color="textSecondary">
                Two tenants: export the inventory snapshot while connected to one (Clients, Export), connect
                to the other, and drop the file here. Or keep this tenant’s inventory in memory as the base,
                switch tenants from the tenant menu in the app bar, and come back here.
              </Typography>
              <div>
                <Button
                  variant="outlined"
                  onClick={keepCurrent}
                  disabled={snapshot === undefined || streaming}
                >
                  Keep this inventory as the base
                </Button>
              </div>
            </Stack>
          </CardContent>
        </Card>
      ) : (
        <DriftBaseCard
          base={base}
          currentCustomerId={facts?.customerId}
          onClear={() => {
            setDriftBase(null);
            setParam('match', null);
          }}
        />
      )}

      {storedAgainst.side !== null ? (
        <DriftBaseCard
          base={storedAgainst.side}
          currentCustomerId={facts?.customerId}
          title="Compared with"
          clearLabel="Compare with now instead"
          onClear={() => setParam('against', null)}
        />
      ) : null}

      {base !== null ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-end' }}>
          <FormControl>
            <FormLabel id="drift-match-label">Match clients by</FormLabel>
            <RadioGroup
              row
              aria-labelledby="drift-match-label"
              value={matchBy}
              onChange={(event) => setParam('match', event.target.value)}
            >
              <FormControlLabel
                value="id"
                control={<Radio />}
                label="Client ID (the same tenant over time)"
              />
              <FormControlLabel value="name" control={<Radio />} label="Name (two tenants)" />
            </RadioGroup>
          </FormControl>
          <Box sx={{ flexGrow: 1 }} />
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlinedIcon />}
            disabled={drift === null}
            onClick={exportCsv}
          >
            Export CSV
          </Button>
        </Box>
      ) : null}

      {base !== null && streaming ? (
        <Box>
          <LinearProgress aria-label="Loading the current inventory" />
          <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
            Comparing once the current inventory has loaded…
          </Typography>
        </Box>
      ) : null}

      {drift !== null ? (
        <DriftResults
          drift={drift}
          show={show}
          onShowChange={(next: DriftShow) => setParam('show', next === 'all' ? null : next)}
        />
      ) : null}
    </Stack>
  );
}
