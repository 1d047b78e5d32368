import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createWorld, type WorldOptions } from '../../src/engine/initialise.ts';
import { MECHANISM_INDEX } from '../../src/engine/mechanisms.ts';
import {
  CORE,
  type Counters,
  ORGANISER,
  PROJECT_FREE,
  PROJECT_RECRUITING,
  PROJECT_RUNNING,
  VOLUNTEER,
  type World,
} from '../../src/engine/state.ts';
import { measureStrength } from '../../src/engine/strength.ts';
import { ELEMENTS, type ElementId } from '../../src/model/elements.ts';
import { type Scenario, validateScenario } from '../../src/model/scenario.ts';

/** Nested partial parameters, e.g. `{ volunteers: { lapseHazard: 1 } }`. */
export type ParameterOverrides = Record<string, Record<string, number>>;

export interface ScenarioOverrides {
  id?: string;
  seed?: number;
  ticks?: number;
  residents?: number;
  initial?: Partial<Record<ElementId, number>>;
  strategy?: string;
  parameters?: ParameterOverrides;
  interventions?: unknown[];
}

/** A valid scenario file: every element weak, 200 residents, 20 weeks, unless overridden. */
export function scenarioFile(o: ScenarioOverrides = {}): Record<string, unknown> {
  const initial = Object.fromEntries(ELEMENTS.map((e) => [e, o.initial?.[e] ?? 0])) as Record<
    ElementId,
    number
  >;
  const file: Record<string, unknown> = {
    id: o.id ?? 'test',
    seed: o.seed ?? 1,
    ticks: o.ticks ?? 20,
    residents: o.residents ?? 200,
    initial,
    strategy: o.strategy ?? 'strengths-first',
  };
  if (o.parameters) file.parameters = o.parameters;
  if (o.interventions) file.interventions = o.interventions;
  return file;
}

/** Validates a scenario file, failing the test with the validation errors if it is invalid. */
export function validated(file: unknown): Scenario {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(`invalid test scenario:\n${v.errors.join('\n')}`);
  return v.scenario;
}

export function makeScenario(o: ScenarioOverrides = {}): Scenario {
  return validated(scenarioFile(o));
}

/** A world built from `makeScenario(o)`. */
export function makeWorld(o: ScenarioOverrides = {}, options: WorldOptions = {}): World {
  return createWorld(makeScenario(o), options);
}

/** Re-measures the strengths the systems read (what `step` does at the start of each week). */
export function remeasure(world: World): void {
  measureStrength(world, world.ref, world.strength);
}

export const PRESET_DIR = new URL('../../scenarios/', import.meta.url);

/** Ids of every preset in scenarios/ (every JSON file except the schema). */
export function presetIds(): string[] {
  return readdirSync(PRESET_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A preset's file as parsed JSON (not yet validated). */
export function presetFile(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${id}.json`, PRESET_DIR), 'utf8'));
}

export interface Recount extends Omit<Counters, 'served'> {
  served: number;
}

/** Recomputes every counter from agent state, independently of the ops that keep them. */
export function recount(world: World): Recount {
  const res = world.residents;
  const orgs = world.organizations;
  const c: Recount = {
    volunteers: 0,
    cores: 0,
    organisers: 0,
    members: 0,
    organizations: 0,
    organizationsFounded: 0,
    donors: 0,
    projectsRecruiting: 0,
    projectsRunning: 0,
    projectsStarted: world.counters.projectsStarted,
    projectsCompleted: world.counters.projectsCompleted,
    projectsFailed: world.counters.projectsFailed,
    served: 0,
  };
  for (let i = 0; i < res.count; i++) {
    const role = res.role[i];
    if (role >= VOLUNTEER) c.volunteers++;
    if (role >= CORE) c.cores++;
    if (role === ORGANISER) c.organisers++;
    if (res.org[i] >= 0) c.members++;
    if (res.served[i] !== 0) c.served++;
  }
  for (let o = 0; o < orgs.used; o++) {
    if (orgs.alive[o]) c.organizations++;
    if (orgs.founded[o] >= 1) c.organizationsFounded++;
  }
  for (let k = 0; k < world.donors.used; k++) if (world.donors.alive[k]) c.donors++;
  const pr = world.projects;
  for (let k = 0; k < pr.used; k++) {
    if (pr.phase[k] === PROJECT_RECRUITING) c.projectsRecruiting++;
    else if (pr.phase[k] === PROJECT_RUNNING) c.projectsRunning++;
  }
  return c;
}

/**
 * Asserts that the counters, the per-organisation member counts and the neighbour counts all
 * equal a recount from agent state, and that roles, memberships and project places agree.
 * Returns the first problem as a message (for use inside property tests) or undefined.
 */
export function consistencyProblem(world: World): string | undefined {
  const counted = recount(world);
  for (const [k, v] of Object.entries(counted)) {
    const kept = world.counters[k as keyof Counters];
    if (kept !== v) return `counters.${k} = ${kept}, recount ${v} (week ${world.tick})`;
  }
  const res = world.residents;
  const orgs = world.organizations;
  const members = new Int32Array(orgs.used);
  const volN = new Int32Array(res.count);
  const memN = new Int32Array(res.count);
  const { offsets, neighbours } = world.network;
  for (let i = 0; i < res.count; i++) {
    const o = res.org[i];
    if (o >= orgs.used) return `resident ${i} in organisation ${o} that was never founded`;
    if (o >= 0) {
      members[o]++;
      if (!orgs.alive[o]) return `resident ${i} still a member of closed organisation ${o}`;
    }
    const role = res.role[i];
    if (role < VOLUNTEER && (role === 1) !== o >= 0)
      return `resident ${i}: role ${role} but organisation ${o}`;
    if (role === ORGANISER && (o < 0 || orgs.leader[o] !== i))
      return `organiser ${i} does not lead organisation ${o}`;
    const p = res.project[i];
    if (p >= 0 && (world.projects.phase[p] === PROJECT_FREE || role < VOLUNTEER)) {
      return `resident ${i} (role ${role}) placed in project ${p} with phase ${world.projects.phase[p]}`;
    }
    for (let x = offsets[i]; x < offsets[i + 1]; x++) {
      const j = neighbours[x];
      if (res.role[j] >= VOLUNTEER) volN[i]++;
      if (res.org[j] >= 0) memN[i]++;
    }
  }
  for (let o = 0; o < orgs.used; o++) {
    if (orgs.members[o] !== members[o])
      return `organisation ${o}: members ${orgs.members[o]}, recount ${members[o]}`;
  }
  for (let i = 0; i < res.count; i++) {
    if (res.volunteerNeighbours[i] !== volN[i]) {
      return `resident ${i}: volunteerNeighbours ${res.volunteerNeighbours[i]}, recount ${volN[i]}`;
    }
    if (res.memberNeighbours[i] !== memN[i]) {
      return `resident ${i}: memberNeighbours ${res.memberNeighbours[i]}, recount ${memN[i]}`;
    }
  }
  if (!(world.charity.fund >= 0)) return `fund ${world.charity.fund}`;
  return undefined;
}

export function expectConsistent(world: World): void {
  expect(consistencyProblem(world)).toBeUndefined();
}

/** Every number found anywhere inside `value`, with its path. */
export function numbersIn(value: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) numbersIn(value[i], `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) numbersIn(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** Number of linkage events recorded for a mechanism from `source` to `target` (element indices). */
export function flowCount(world: World, mechanism: string, source: number, target: number): number {
  const m = MECHANISM_INDEX[mechanism];
  if (m === undefined) throw new Error(`unknown mechanism ${mechanism}`);
  return world.record.flowCount[(m * 5 + source) * 5 + target];
}

/** Total events recorded for a mechanism, whatever its source and target. */
export function mechanismCount(world: World, mechanism: string): number {
  const m = MECHANISM_INDEX[mechanism];
  let n = 0;
  for (let k = 0; k < 25; k++) n += world.record.flowCount[m * 25 + k];
  return n;
}
