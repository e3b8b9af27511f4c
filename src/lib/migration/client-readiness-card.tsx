import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { MigrationTarget } from '../../identity-cloud/migration/migration-target.ts';
import {
  isMigrationTarget,
  migrationTargetLabels,
  migrationTargets,
  targetTypeLabels,
} from '../../identity-cloud/migration/migration-target.ts';
import { useAppLinks } from '../app-links.tsx';
import { readChosenTarget, saveChosenTarget } from './chosen-target.ts';
import { ReasonList } from './reason-list.tsx';
import { useMigrationPlan } from './use-migration-plan.ts';
import { VerdictChip } from './verdict-chip.tsx';

/** A client's readiness for the migration target chosen on the Migration page (or here). */
export function ClientReadinessCard({ clientId }: { clientId: string }) {
  const { toMigration } = useAppLinks();
  const headingId = useId();
  const selectId = useId();
  const [target, setTarget] = useState<MigrationTarget>(() => readChosenTarget());
  const { plan, inventory } = useMigrationPlan(target);
  const readiness = plan?.clients.find((entry) => entry.clientId === clientId);
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack
          direction="row"
          spacing={2}
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 1 }}
        >
          <Typography variant="h2" id={headingId}>
            Migration readiness
          </Typography>
          <FormControl size="small" sx={{ minWidth: 200 }}>
            <InputLabel id={selectId}>Target</InputLabel>
            <Select
              labelId={selectId}
              label="Target"
              value={target}
              onChange={(event) => {
                if (!isMigrationTarget(event.target.value)) return;
                setTarget(event.target.value);
                saveChosenTarget(event.target.value);
              }}
            >
              {migrationTargets.map((option) => (
                <MenuItem key={option} value={option}>
                  {migrationTargetLabels[option]}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Stack>
        {readiness ? (
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
              <VerdictChip verdict={readiness.verdict} />
              <Typography variant="body2">
                Becomes: <strong>{targetTypeLabels[target][readiness.targetType]}</strong>
              </Typography>
            </Stack>
            <ReasonList reasons={readiness.reasons} label="Reasons" />
            <Link component={RouterLink} to={toMigration(`target=${target}`)}>
              All clients’ readiness for {migrationTargetLabels[target]}
            </Link>
          </Stack>
        ) : inventory.isFetching ? (
          <Skeleton width="60%" aria-hidden />
        ) : (
          <Typography color="textSecondary">
            Not judged: the inventory did not include this client’s details.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
