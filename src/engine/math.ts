/** `x` kept within [lo, hi] (the one clamp of the engine; [0, 1] unless told). */
export function clamp(x: number, lo = 0, hi = 1): number {
  return Math.min(hi, Math.max(lo, x));
}

/** The weekly hazard equivalent to a yearly one: 1 − (1 − h)^(1/52). */
export function weeklyHazard(yearly: number): number {
  return 1 - (1 - yearly) ** (1 / 52);
}
