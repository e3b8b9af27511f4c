import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Suspense, useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { DividedList, DividedListItem } from '../../../lib/components/divided-list.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { formatCount } from '../../../lib/format/format.ts';

export interface OverviewItem {
  key: string;
  label: string;
  value: number;
  /** Where the filtered list is; none for a bucket with no page of its own. */
  to?: string;
  /** A word after the label, e.g. "(missing)". */
  note?: string;
  color: { light: string; dark: string };
}

interface OverviewCardProps {
  title: string;
  /** One line under the title. */
  summary: ReactNode;
  /** The chart: decorative, hidden from assistive technology (the list says the same). */
  chart: ReactNode;
  /** The chart's height, for its placeholder while its code loads. */
  chartHeight: number;
  /**
   * The numbers are not ready to show (their order would still change as details arrive): one placeholder for
   * the chart and the list instead, replaced at once when they are.
   */
  pending?: boolean;
  items: readonly OverviewItem[];
  /** What the numbers count, for the list's name: "Clients by kind". */
  listLabel: string;
  footer?: ReactNode;
}

function Swatch({ color }: { color: OverviewItem['color'] }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={[
        { width: 10, height: 10, borderRadius: '2px', flexShrink: 0, bgcolor: color.light },
        (theme) => theme.applyStyles('dark', { bgcolor: color.dark }),
      ]}
    />
  );
}

/** A titled card: a chart for the eye, and the same numbers as a list of links to the filtered pages. */
export function OverviewCard({
  title,
  summary,
  chart,
  chartHeight,
  pending = false,
  items,
  listLabel,
  footer,
}: OverviewCardProps) {
  const headingId = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ minWidth: 0 }}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          {title}
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 1 }}>
          {summary}
        </Typography>
        {pending ? (
          <Skeleton variant="rounded" height={chartHeight} aria-hidden />
        ) : (
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: 'minmax(0, 1.2fr) minmax(0, 1fr)' },
              gap: 2,
              alignItems: 'center',
            }}
          >
            <ErrorBoundary label="The chart">
              <Suspense fallback={<Skeleton variant="rounded" height={chartHeight} aria-hidden />}>
                {chart}
              </Suspense>
            </ErrorBoundary>
            <DividedList label={listLabel}>
              {items.map((item) => (
                <DividedListItem
                  key={item.key}
                  sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}
                >
                  <Swatch color={item.color} />
                  <Box sx={{ flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {item.to !== undefined ? (
                      <Link component={RouterLink} to={item.to} underline="always">
                        {item.label}
                      </Link>
                    ) : (
                      item.label
                    )}
                    {item.note !== undefined ? (
                      <Typography component="span" variant="body2" color="textSecondary">
                        {' '}
                        {item.note}
                      </Typography>
                    ) : null}
                  </Box>
                  <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
                    {formatCount(item.value)}
                  </Box>
                </DividedListItem>
              ))}
            </DividedList>
          </Box>
        )}
        {footer !== undefined && !pending ? <Box sx={{ mt: 1.5 }}>{footer}</Box> : null}
      </CardContent>
    </Card>
  );
}
