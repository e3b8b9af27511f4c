import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs, scenarioNames } from './bench-options.ts';

describe('parseBenchArgs', () => {
  it('runs every scenario three times and writes latest.json by default', () => {
    expect(parseBenchArgs([])).toEqual({
      scenarios: [...scenarioNames],
      quick: false,
      runs: 3,
      sizes: [30, 100, 1000, 10_000],
      out: 'bench/results/latest.json',
      help: false,
    });
  });

  it('keeps a quick or partial run away from the committed results', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({
      runs: 1,
      sizes: [30, 100, 1000],
      out: 'bench/results/partial.json',
    });
    expect(parseBenchArgs(['--scenarios', 'bundle']).out).toBe('bench/results/partial.json');
    expect(parseBenchArgs(['--scenarios', 'bundle', '--out', 'x.json']).out).toBe('x.json');
  });

  it('takes scenarios by name or number, in the issue’s order', () => {
    expect(parseBenchArgs(['--scenarios', 'table,1,5']).scenarios).toEqual(['fan-out', 'table', 'overhead']);
  });

  it('takes scenarios as plain arguments too, as in `npm run bench -- lighthouse`', () => {
    expect(parseBenchArgs(['lighthouse'])).toMatchObject({
      scenarios: ['lighthouse'],
      out: 'bench/results/partial.json',
    });
    expect(parseBenchArgs(['7', '--scenarios', 'bundle']).scenarios).toEqual(['bundle', 'lighthouse']);
  });

  it('refuses unknown scenarios, bad numbers and unknown flags with a usage error', () => {
    expect(() => parseBenchArgs(['--scenarios', 'speed'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--scenarios', '8'])).toThrow(/Unknown scenario "8"/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/positive integer/);
    expect(() => parseBenchArgs(['--sizes', '100,abc'])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--fast'])).toThrow(BenchUsageError);
  });

  it('reads runs and sizes', () => {
    expect(parseBenchArgs(['--runs', '5', '--sizes', '100, 2_000'])).toMatchObject({
      runs: 5,
      sizes: [100, 2000],
    });
  });
});
