/**
 * What `work` settles to, or `fallback` once `ms` have passed without it (the work goes on; a late result is
 * dropped). For what a request may wait for from a store, but not for long.
 */
export function settleWithin<Result, Fallback>(
  work: Promise<Result>,
  ms: number,
  fallback: Fallback,
): Promise<Result | Fallback> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<Fallback>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, waited]).finally(() => {
    clearTimeout(timer);
  });
}
