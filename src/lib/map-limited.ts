/**
 * Maps with at most `limit` calls in flight, keeping the input order. On the
 * first failure (or once `signal` is aborted) no new call starts, and the
 * failure is thrown when the calls in flight have ended: a caller that
 * cleans up after it (removes the folder they write to) is not raced by them.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    try {
      while (next < items.length && !failed) {
        signal?.throwIfAborted();
        const i = next++;
        out[i] = await fn(items[i] as T, i);
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  const failure = lanes.find((l) => l.status === 'rejected');
  if (failure) throw failure.reason;
  return out;
}
