import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { CountBadge } from './count-badge.tsx';

/**
 * One choice among values, each with how many items it would show, plus "All" (the sum, and `null` to the
 * caller). Used by the findings page's severity and the migration page's verdict.
 */
export function CountFilter<Value extends string>({
  label,
  values,
  labels,
  value,
  counts,
  onChange,
}: {
  /** The group's accessible name. */
  label: string;
  values: readonly Value[];
  labels: Record<Value, string>;
  value: Value | null;
  counts: Record<Value, number>;
  onChange: (next: Value | null) => void;
}) {
  const total = values.reduce((sum, each) => sum + counts[each], 0);
  const options = [
    { value: 'all', label: 'All', count: total },
    ...values.map((each) => ({ value: each, label: labels[each], count: counts[each] })),
  ];
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      aria-label={label}
      value={value ?? 'all'}
      onChange={(_event, next: string | null) => {
        if (next === null) return;
        onChange(next === 'all' ? null : (values.find((each) => each === next) ?? null));
      }}
      sx={{ flexWrap: 'wrap' }}
    >
      {options.map((option) => (
        <ToggleButton key={option.value} value={option.value} sx={{ textTransform: 'none', px: 1.5 }}>
          <CountBadge label={option.label} count={option.count} />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
