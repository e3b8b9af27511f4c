// The charts' heights, outside their lazy chunk so that the placeholders shown while it loads take the same room
// (a placeholder of another size moves everything below it when the chart arrives).
export const donutChartHeight = 200;

export function barChartHeight(bars: number): number {
  return Math.max(120, bars * 34 + 40);
}
