// Runs a list of scenarios against the server under test, for the customers and the assets benches:
// one request of each is checked first (a scenario that does not work is a bug, not a number), then
// each scenario is measured by autocannon in a child process (bench/load.ts), and its figures are
// divided by those of the floor measured in the same list.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { request, requestBody, runInChild, type BodySource } from './client.ts';
import { fmt, type ScenarioResult } from './report.ts';

export type Scenario = {
  key: string;
  label: string;
  method: 'GET' | 'POST';
  paths: string[];
  create?: boolean;
  /** The bodies of a create scenario; default: new customers. */
  body?: BodySource;
  /** Checks one response before measuring; returns a problem or null. */
  check(status: number, body: any): string | null;
};

export const ok = (expected: number) => (status: number) => (status === expected ? null : `expected ${expected}, got ${status}`);
export const page = (min: number) => (status: number, body: any) =>
  status !== 200 ? `expected 200, got ${status}` : !Array.isArray(body?.items) || body.items.length < min ? `expected ≥ ${min} items, got ${body?.items?.length}` : null;

export type MeasureOptions = {
  base: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  warmup: number;
  minResponses: number;
  seed: number;
  /** Directory for a V8 CPU profile of the server per scenario; null = no profiling. */
  profileDir: string | null;
  /** Start of the profile file names (run start and database kind). */
  profilePrefix: string;
};

/** A create stream (of customers, or of orders): the next unused body index, shared by the create scenarios that use it. */
export type CreateStream = { next: number };

/** Sends the first request of every scenario and throws when one does not answer as expected. */
export async function checkScenarios(o: MeasureOptions, list: Scenario[], stream: CreateStream): Promise<void> {
  for (const s of list) {
    const body = s.create ? JSON.stringify(requestBody(s.body ?? { kind: 'create-customer', seed: o.seed }, stream.next++)) : undefined;
    const res = await request(o.base + s.paths[0], s.method, { ...o.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body);
    let json: unknown = null;
    try {
      json = JSON.parse(res.text);
    } catch {
      // keep null
    }
    const problem = s.check(res.status, json);
    if (problem) throw new Error(`scenario "${s.label}" does not work: ${problem}\n${s.method} ${s.paths[0]}\n${res.text.slice(0, 1000)}`);
  }
}

/**
 * Measures every scenario in order. `tag` names the data set in failures and profile files
 * ("200,000 customers"). Returns the results and the scenarios that answered mostly errors.
 */
export async function measureScenarios(o: MeasureOptions, list: Scenario[], stream: CreateStream, tag: string): Promise<{ results: ScenarioResult[]; failures: string[] }> {
  const results: ScenarioResult[] = [];
  const failures: string[] = [];
  for (const s of list) {
    process.stdout.write(`  ${s.label}… `);
    const profiler = o.profileDir ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const r = await runInChild({
      url: o.base,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
      minResponses: o.minResponses,
      headers: o.headers,
      method: s.method,
      paths: s.paths,
      ...(s.create ? { body: { ...(s.body ?? { kind: 'create-customer' as const, seed: o.seed }), start: stream.next } } : {}),
    });
    if (s.create) stream.next = r.nextBodyIndex;
    if (profiler && o.profileDir) {
      const { profile } = await profiler.post('Profiler.stop');
      profiler.disconnect();
      fs.mkdirSync(o.profileDir, { recursive: true });
      fs.writeFileSync(path.join(o.profileDir, `${o.profilePrefix}-${tag.replace(/[^a-z0-9]+/gi, '-')}-${s.key}.cpuprofile`), JSON.stringify(profile));
    }
    const floor = results.find((x) => x.key === 'floor');
    results.push({ ...r, key: s.key, label: s.label, rpsRatio: floor ? r.rps / floor.rps : Number.NaN, p95Ratio: floor ? r.p95 / floor.p95 : Number.NaN });
    const bad = r.non2xx + r.errors;
    console.log(
      `${fmt.int(r.rps)} req/s, p95 ${fmt.ms(r.p95)} ms${r.mode === 'amount' ? ` (too slow for ${o.duration} s: measured ${fmt.int(r.responses)} requests in ${r.seconds.toFixed(1)} s)` : ''}${bad ? `, ${fmt.int(bad)} non-2xx/errors ${JSON.stringify(r.statusCodes)}` : ''}`,
    );
    if (r.responses === 0 || bad > r.responses / 2) failures.push(`${tag}, ${s.label}: ${fmt.int(bad)} of ${fmt.int(r.responses)} responses failed ${JSON.stringify(r.statusCodes)}`);
  }
  return { results, failures };
}
