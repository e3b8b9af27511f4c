import { describe, expect, it } from 'vitest';
import { chartStillLines } from './history-chart-still.ts';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('the chart’s still picture', () => {
  it('draws each series oldest first across the box, on the rounded range of both', () => {
    const lines = chartStillLines([
      { takenAt: at(1), clients: 10, findings: null },
      { takenAt: at(2), clients: 12, findings: 11 },
      { takenAt: at(5), clients: 12, findings: 10 },
    ]);
    // Range 10–12 (steps of 0.5): 10 at the bottom (y 100), 12 at the top (y 0); time across 0–1000.
    expect(lines).toEqual([
      { series: 'clients', d: 'M0 100L250 0L1000 0' },
      // A snapshot whose findings were not counted is skipped, the line joined across it.
      { series: 'findings', d: 'M250 50L1000 100' },
    ]);
  });

  it('has no findings line when no snapshot counted them, and a flat series sits mid-box', () => {
    expect(
      chartStillLines([
        { takenAt: at(1), clients: 4, findings: null },
        { takenAt: at(2), clients: 4, findings: null },
      ]),
    ).toEqual([{ series: 'clients', d: 'M0 50L1000 50' }]);
  });
});
