import { DYNAMICS_PATTERNS } from './dynamics.ts';
import { KNOCKOUT_PATTERNS } from './knockouts.ts';
import { PRACTICE_PATTERNS } from './practice.ts';
import type { Pattern } from './types.ts';

export { type BatteryPlan, type BatteryRun, evaluate, planRuns, runInProcess } from './evaluate.ts';
export type { Judge, Pattern, PatternResult } from './types.ts';

/** The pattern battery (docs/validation.md, "Pattern battery"), in report order. */
export const BATTERY: readonly Pattern[] = [...PRACTICE_PATTERNS, ...DYNAMICS_PATTERNS, ...KNOCKOUT_PATTERNS];
