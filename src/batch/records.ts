/**
 * Lines of `runs.jsonl`: one JSON object per run, keys in a fixed order, no timing or host fields,
 * so that the same plan gives the same set of lines anywhere. Pure: no Node or DOM API.
 */
import { METRIC_KEYS, type RunMetrics } from './metrics.ts';
import type { RunSpec } from './sweep.ts';

/** A finished run: its spec and either its metrics or the error it failed with. */
export interface RunRecord extends RunSpec {
  metrics?: RunMetrics;
  error?: string;
}

/** One line of `runs.jsonl`, without the newline. */
export function recordLine(r: RunRecord): string {
  const out: Record<string, unknown> = {
    run: r.run,
    point: r.point,
    replicate: r.replicate,
    seed: r.seed,
    factors: r.factors,
  };
  if (r.metrics) {
    const m: Record<string, unknown> = {};
    const src = r.metrics as unknown as Record<string, unknown>;
    for (const k of METRIC_KEYS) m[k] = src[k];
    out.metrics = m;
  } else out.error = r.error ?? 'unknown error';
  return JSON.stringify(out);
}

/** Parses a line of `runs.jsonl`; undefined when it is not a run record. */
export function parseRecord(line: string): RunRecord | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const whole = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  if (!whole(r.run) || !whole(r.point) || !whole(r.replicate) || !whole(r.seed)) return undefined;
  if (typeof r.factors !== 'object' || r.factors === null || Array.isArray(r.factors)) return undefined;
  const hasMetrics = typeof r.metrics === 'object' && r.metrics !== null;
  if (!hasMetrics && typeof r.error !== 'string') return undefined;
  return r as unknown as RunRecord;
}
