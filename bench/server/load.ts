// Bounded load on loopback: a fixed number of workers, each sending its next request only when
// the last one answered (a closed loop, as autocannon does), for a fixed time. Latency is from
// sending to the whole body read.
export interface LoadResult {
  requests: number;
  /** By status code. */
  statuses: Map<number, number>;
  perSecond: number;
  p50: number;
  p99: number;
}

export async function runLoad(
  options: { concurrency: number; durationMs: number },
  send: (worker: number, n: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const end = started + options.durationMs;
  let n = 0;
  const worker = async (id: number) => {
    while (performance.now() < end) {
      const at = performance.now();
      const status = await send(id, n++);
      latencies.push(performance.now() - at);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, id) => worker(id)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, statuses, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}
