/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965; the adaptive coefficients of Gao & Han 2012)
 * inside the unit box: points are clamped to [0, 1] in every coordinate. Deterministic. The
 * function may be asynchronous (an evaluation that runs surveys on a worker pool); points are
 * evaluated one after another, so the search is the same whatever runs the evaluations.
 */
export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

export type Objective = (x: number[]) => number | Promise<number>;

export async function nelderMead(
  f: Objective,
  start: number[],
  options: { step?: number; maxEvaluations?: number; tolerance?: number } = {},
): Promise<NelderMeadResult> {
  const n = start.length;
  const step = options.step ?? 0.15;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-6;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  const clamp = (x: number[]) => x.map((v) => Math.min(1, Math.max(0, v)));
  let evaluations = 0;
  const evaluate = async (x: number[]) => {
    evaluations++;
    return await f(x);
  };
  const simplex: { x: number[]; v: number }[] = [];
  const x0 = clamp(start);
  simplex.push({ x: x0, v: await evaluate(x0) });
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i] + step <= 1 ? x[i] + step : x[i] - step;
    const c = clamp(x);
    if (evaluations >= maxEvaluations) break;
    simplex.push({ x: c, v: await evaluate(c) });
  }
  while (simplex.length === n + 1 && evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0];
    const worst = simplex[n];
    // stop when the values agree and the simplex has shrunk (both, as scipy does): a flat stretch
    // of a stepwise objective is not a minimum
    let spread = 0;
    for (let k = 1; k <= n; k++)
      for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(simplex[k].x[i] - best.x[i]));
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance) && spread <= 1e-3) break;
    const centroid = new Array(n).fill(0);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) centroid[i] += simplex[k].x[i] / n;
    const along = (t: number) => clamp(centroid.map((c, i) => c + t * (c - worst.x[i])));
    const xr = along(alpha);
    const vr = await evaluate(xr);
    if (vr < best.v) {
      if (evaluations >= maxEvaluations) {
        simplex[n] = { x: xr, v: vr };
        break;
      }
      const xe = along(beta);
      const ve = await evaluate(xe);
      simplex[n] = ve < vr ? { x: xe, v: ve } : { x: xr, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: xr, v: vr };
    } else {
      if (evaluations >= maxEvaluations) break;
      const outside = vr < worst.v;
      const xc = along(outside ? gamma : -gamma);
      const vc = await evaluate(xc);
      if (vc < (outside ? vr : worst.v)) simplex[n] = { x: xc, v: vc };
      else {
        // the whole budget is a hard limit: a shrink cut short leaves the rest of the simplex as it was
        for (let k = 1; k <= n && evaluations < maxEvaluations; k++) {
          const x = clamp(simplex[k].x.map((v, i) => best.x[i] + delta * (v - best.x[i])));
          simplex[k] = { x, v: await evaluate(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations };
}

/**
 * A coarse coordinate search before Nelder–Mead: each coordinate in turn is tried at `levels`
 * evenly spaced values, keeping the best. Survey shares are step functions of the parameters, and a
 * simplex that starts on a flat step cannot tell which way to go; this finds the right step first.
 * Stops after `maxEvaluations` evaluations (the start point included).
 */
export async function coarseStart(
  f: Objective,
  start: number[],
  levels = 5,
  maxEvaluations = Number.POSITIVE_INFINITY,
): Promise<{ x: number[]; evaluations: number }> {
  let best = [...start];
  let bestValue = await f(best);
  let evaluations = 1;
  for (let i = 0; i < start.length; i++) {
    for (let l = 0; l < levels; l++) {
      if (evaluations >= maxEvaluations) return { x: best, evaluations };
      const x = [...best];
      x[i] = (l + 0.5) / levels;
      const v = await f(x);
      evaluations++;
      if (v < bestValue) {
        bestValue = v;
        best = x;
      }
    }
  }
  return { x: best, evaluations };
}
