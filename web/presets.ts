import baseline from '../scenarios/baseline.json';
import charityLed from '../scenarios/charity-led.json';
import dongting from '../scenarios/dongting.json';
import organizationLed from '../scenarios/organization-led.json';
import volunteerLed from '../scenarios/volunteer-led.json';
import type { ScenarioFile } from '../src/model/scenario.ts';

/** The preset scenarios, bundled into the app (the same files the command line reads). */
export const PRESETS: readonly ScenarioFile[] = [
  organizationLed,
  volunteerLed,
  charityLed,
  baseline,
  dongting,
].map((f) => {
  const { $schema: _schema, ...file } = f as ScenarioFile;
  return file;
});

/** The three practice models, in the report's order. */
export const PRACTICE_MODELS = ['organization-led', 'volunteer-led', 'charity-led'] as const;

export function presetById(id: string): ScenarioFile | undefined {
  const p = PRESETS.find((f) => f.id === id);
  return p && structuredClone(p);
}
