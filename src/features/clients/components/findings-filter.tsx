import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { severityLabels } from '../../../identity-cloud/findings/finding.ts';
import { formatCount } from '../../../lib/format/format.ts';
import type { SeverityCounts, SeverityFilter } from '../utils/clients-view.ts';
import { severityFilters } from '../utils/clients-view.ts';

const optionLabels: Record<SeverityFilter | 'all', string> = {
  all: 'All clients',
  any: 'With findings',
  critical: `${severityLabels.critical} findings`,
  high: `${severityLabels.high} findings`,
  medium: `${severityLabels.medium} findings`,
  low: `${severityLabels.low} findings`,
  info: `${severityLabels.info} findings`,
  none: 'Without findings',
};

interface FindingsFilterProps {
  value: SeverityFilter | null;
  counts: SeverityCounts;
  onChange: (value: SeverityFilter | null) => void;
}

/** "Findings": all clients, those with findings (of a severity), or those without; each with its count. */
export function FindingsFilter({ value, counts, onChange }: FindingsFilterProps) {
  const options = ['all' as const, ...severityFilters];
  return (
    <TextField
      select
      size="small"
      label="Findings"
      value={value ?? 'all'}
      onChange={(event) => {
        const next = event.target.value as SeverityFilter | 'all';
        onChange(next === 'all' ? null : next);
      }}
      sx={{ minWidth: 220 }}
      slotProps={{
        select: { renderValue: (selected) => optionLabels[selected as SeverityFilter | 'all'] },
      }}
    >
      {options.map((option) => (
        <MenuItem key={option} value={option} sx={{ gap: 2, justifyContent: 'space-between' }}>
          <span>{optionLabels[option]}</span>
          <span>{formatCount(counts[option])}</span>
        </MenuItem>
      ))}
    </TextField>
  );
}

/** "high findings", "findings", "no findings": for the empty-list sentence. */
export function severityFilterWords(value: SeverityFilter): string {
  if (value === 'any') return 'with findings';
  if (value === 'none') return 'without findings';
  return `with ${severityLabels[value].toLowerCase()} findings`;
}
