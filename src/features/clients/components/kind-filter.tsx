import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import {
  clientKindDescriptions,
  clientKindLabels,
  clientKinds,
} from '../../../identity-cloud/client-kind.ts';
import { CountBadge } from '../../../lib/components/count-badge.tsx';
import type { KindCounts } from '../utils/clients-view.ts';

interface KindFilterProps {
  value: ClientKind | null;
  counts: KindCounts;
  onChange: (kind: ClientKind | null) => void;
}

const options: { value: ClientKind | 'all'; label: string; description: string }[] = [
  { value: 'all', label: 'All', description: 'Every kind of client' },
  ...clientKinds.map((kind) => ({
    value: kind,
    label: clientKindLabels[kind],
    description: clientKindDescriptions[kind],
  })),
];

/** All / Public / Confidential / Configuration, each with its count among the clients matching the search. */
export function KindFilter({ value, counts, onChange }: KindFilterProps) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      aria-label="Kind of client"
      sx={{ flexWrap: 'wrap' }}
      value={value ?? 'all'}
      onChange={(_event, next: ClientKind | 'all' | null) => {
        // Clicking the pressed button again yields null: keep the current choice.
        if (next === null) return;
        onChange(next === 'all' ? null : next);
      }}
    >
      {options.map((option) => (
        // No aria-label: the accessible name is what the button shows, the kind and its count (WCAG 2.5.3).
        <ToggleButton
          key={option.value}
          value={option.value}
          title={option.description}
          sx={{ textTransform: 'none', px: 1.5 }}
        >
          <CountBadge label={option.label} count={counts[option.value]} />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
