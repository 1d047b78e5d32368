import type { Presets } from './common.ts';
import { DYNAMICS_PATTERNS } from './dynamics.ts';
import { KNOCKOUT_PATTERNS } from './knockouts.ts';
import { practicePatterns } from './practice.ts';
import type { Pattern } from './types.ts';

export { PRESET_IDS, type PresetId, type Presets } from './common.ts';
export { type BatteryPlan, type BatteryRun, evaluate, planRuns, runInProcess } from './evaluate.ts';
export type { Judge, Pattern, PatternResult } from './types.ts';

/**
 * The pattern battery (docs/validation.md, "Pattern battery"), in report order. `presets` are the
 * preset scenario files named in PRESET_IDS, as read from scenarios/.
 */
export function battery(presets: Presets): Pattern[] {
  return [...practicePatterns(presets), ...DYNAMICS_PATTERNS, ...KNOCKOUT_PATTERNS];
}
