// The load generator, run by bench/run.ts as a child process (so it gets its own event loop and can
// use the second core instead of competing with the server's loop). It receives one LoadSpec over
// IPC, runs autocannon and sends back a LoadResult:
//   1. warm-up for `warmup` seconds, then a drain: `connections` more requests whose answers are
//      awaited, so requests still queued from the warm-up (or the previous scenario) are done
//      before measuring — on PGlite everything queues behind one connection;
//   2. the measured run: `duration` seconds, or — when the warm-up rate says that would give fewer
//      than `minResponses` answers — exactly `minResponses` requests (mode 'amount');
//   3. a drain again, so the next scenario starts on an idle server.
// Latency percentiles are computed here from every response time (autocannon's summary has no p95).
import autocannon, { type AutocannonRequest } from 'autocannon';
import { requestBody, type BodySource } from './client.ts';

export type LoadSpec = {
  url: string;
  connections: number;
  duration: number;
  warmup: number;
  minResponses: number;
  headers: Record<string, string>;
  method: 'GET' | 'POST';
  /** Request paths, used in rotation across all connections. */
  paths: string[];
  /** POST bodies are generated here: body `start`, `start + 1`, … of the create stream (a customer or an order). */
  body?: BodySource & { start: number };
};

export type LoadResult = {
  responses: number;
  seconds: number;
  rps: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 'duration': `duration` seconds; 'amount': the scenario was too slow, `minResponses` requests were measured. */
  mode: 'duration' | 'amount';
  /** Responses per second seen during warm-up and drain. */
  warmupRps: number;
  /** The next unused index of the create stream (warm-up included). */
  nextBodyIndex: number;
};

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  let bodyIndex = spec.body?.start ?? 0;
  const body = spec.body;
  const requests: AutocannonRequest[] = [
    {
      method: spec.method,
      setupRequest(request) {
        request.path = spec.paths[next++ % spec.paths.length]!;
        if (body) request.body = JSON.stringify(requestBody(body, bodyIndex++));
        return request;
      },
    },
  ];
  const headers = { ...spec.headers, ...(body ? { 'content-type': 'application/json' } : {}) };
  const options = { url: spec.url, connections: spec.connections, headers, requests, timeout: 30 };

  // autocannon checks its stop conditions on a 1-second tick, so a run with `amount` lasts at least
  // until the next tick: rates here are taken from the time of the last answer, not the run's end.
  const drain = () => autocannon({ ...options, amount: spec.connections });

  let warm = 0;
  let warmEnd = 0;
  const w0 = performance.now();
  if (spec.warmup > 0) {
    const w = autocannon({ ...options, duration: spec.warmup });
    w.on('response', () => {
      warm++;
      warmEnd = performance.now();
    });
    await w;
  }
  const d = drain();
  d.on('response', () => {
    if (spec.warmup > 0) return;
    warm++;
    warmEnd = performance.now();
  });
  await d;
  const warmupRps = warm > 0 ? warm / ((warmEnd - w0) / 1000) : 0;
  const mode = warmupRps * spec.duration < spec.minResponses ? 'amount' : 'duration';

  const times: number[] = [];
  const statusCodes: Record<string, number> = {};
  const m0 = performance.now();
  let lastAt = m0;
  const instance = autocannon({ ...options, ...(mode === 'amount' ? { amount: spec.minResponses } : { duration: spec.duration }) });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    lastAt = performance.now();
  });
  const result = await instance;
  const seconds = mode === 'amount' ? (lastAt - m0) / 1000 : Math.min(result.duration, (performance.now() - m0) / 1000);
  if (process.env.BENCH_DEBUG) console.error(`[load] mode ${mode}, warm-up ${warmupRps.toFixed(0)}/s, autocannon ${result.duration} s, counted ${seconds.toFixed(3)} s, ${times.length} responses`);
  if (mode === 'duration') await drain();

  const sorted = Float64Array.from(times).sort();
  const non2xx = Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith('2') ? n : n + count), 0);
  return {
    responses: times.length,
    seconds,
    rps: times.length / seconds,
    mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    statusCodes,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mode,
    warmupRps,
    nextBodyIndex: bodyIndex,
  };
}

if (process.send) {
  process.once('message', (spec: LoadSpec) => {
    runLoad(spec).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, () => process.exit(1)),
    );
  });
}
