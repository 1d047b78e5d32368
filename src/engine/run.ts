import { ELEMENTS, type ElementId } from '../model/elements.ts';
import type { Scenario } from '../model/scenario.ts';
import { createWorld, type WorldOptions } from './initialise.ts';
import { MECHANISMS } from './mechanisms.ts';
import { currentNeed } from './needState.ts';
import { REPORTERS, SERIES_REPORTERS, STRENGTH_SERIES } from './reporters.ts';
import { type Flow, type LinkageEvent, type Outcomes, PRODUCED_WIDTH, type RunRecording } from './result.ts';
import type { World } from './state.ts';
import { step } from './step.ts';
import { measureStrength } from './strength.ts';

/** A run that can be stepped week by week (the web app) or run to the end (the command line). */
export class Simulation {
  readonly world: World;
  /** One column per series reporter (reporters.ts), each of ticks + 1 weeks. */
  readonly columns: Float64Array[];
  /** Linkage events each element produced in others, week by week (see `RunRecording.produced`). */
  readonly produced: Float64Array;
  /** Events through which each element put money into others, and the yuan, week by week (`RunRecording.funded`, `moved`). */
  readonly funded: Float64Array;
  readonly moved: Float64Array;
  private readonly end = new Float64Array(5);

  constructor(
    readonly scenario: Scenario,
    options: WorldOptions = {},
  ) {
    this.world = createWorld(scenario, options);
    this.columns = SERIES_REPORTERS.map(() => new Float64Array(scenario.ticks + 1));
    this.produced = new Float64Array((scenario.ticks + 1) * PRODUCED_WIDTH);
    this.funded = new Float64Array((scenario.ticks + 1) * 5);
    this.moved = new Float64Array((scenario.ticks + 1) * 5);
    this.sample();
  }

  get tick(): number {
    return this.world.tick;
  }

  get done(): boolean {
    return this.world.tick >= this.scenario.ticks;
  }

  step(): void {
    if (this.done) return;
    step(this.world);
    this.sample();
  }

  private sample(): void {
    const w = this.world;
    const t = w.tick;
    // strength at the end of the week, measured the same way as at its start
    const strength = measureStrength(w, w.ref, this.end);
    for (let k = 0; k < SERIES_REPORTERS.length; k++)
      this.columns[k][t] = SERIES_REPORTERS[k].measure(w, strength);
    this.produced.set(w.record.produced, t * PRODUCED_WIDTH);
    this.funded.set(w.record.funded, t * 5);
    this.moved.set(w.record.moved, t * 5);
  }

  /** Strength per element at the end of the last week run. */
  strength(): Record<ElementId, number> {
    const t = this.world.tick;
    return Object.fromEntries(
      ELEMENTS.map((e, i) => [e, round(this.columns[STRENGTH_SERIES[i]][t])]),
    ) as Record<ElementId, number>;
  }

  /**
   * Everything the run recorded up to now, except the pathway, which analysis/pathway.ts reads off
   * this record (the engine does not judge its own run).
   */
  record(): RunRecording {
    const w = this.world;
    const s = this.scenario;
    const upTo = w.tick;
    const series: Record<string, number[]> = { tick: Array.from({ length: upTo + 1 }, (_, t) => t) };
    SERIES_REPORTERS.forEach((r, k) => {
      series[r.id] = Array.from(this.columns[k].subarray(0, upTo + 1), round);
    });
    const initial = Object.fromEntries(
      ELEMENTS.map((e, i) => [e, round(this.columns[STRENGTH_SERIES[i]][0])]),
    ) as Record<ElementId, number>;
    const end = measureStrength(w, w.ref, new Float64Array(5));
    const counts: Record<string, number> = {};
    for (const r of REPORTERS) if (r.final === 'count') counts[r.id] = round(r.measure(w, end));
    return {
      scenario: s.id,
      seed: s.seed,
      ticks: upTo,
      residents: s.residents,
      strategy: s.strategy,
      initial: { strength: initial },
      final: { strength: this.strength(), counts },
      series,
      flows: flows(w),
      outcomes: outcomes(w),
      produced: this.produced.subarray(0, (upTo + 1) * PRODUCED_WIDTH),
      funded: this.funded.subarray(0, (upTo + 1) * 5),
      moved: this.moved.subarray(0, (upTo + 1) * 5),
    };
  }

  /** The individual linkage events kept so far (see `WorldOptions.events`). */
  events(): LinkageEvent[] {
    const r = this.world.record;
    const out: LinkageEvent[] = [];
    for (let e = 0; e < r.eventCount; e++) {
      const m = MECHANISMS[r.evMechanism[e]];
      out.push({
        tick: r.evTick[e],
        mechanism: m.id,
        source: ELEMENTS[r.evSource[e]],
        target: ELEMENTS[r.evTarget[e]],
        value: round(r.evValue[e]),
        amount: round(r.evAmount[e]),
        actor: r.evActor[e],
        subject: r.evSubject[e],
        subjectKind: subjectKind(m.id),
        project: m.project,
      });
    }
    return out;
  }

  get eventsDropped(): number {
    return this.world.record.eventsDropped;
  }
}

function subjectKind(id: string): LinkageEvent['subjectKind'] {
  if (id.endsWith('donor') || id.endsWith('sponsor') || id.endsWith('resources') || id.endsWith('funds'))
    return 'donor';
  if (id === 'project-fundraising') return 'donor';
  // a contract taken over has no subject (−1)
  if (id === 'project-legacy-partner' || id === 'project-funding' || id === 'local-takeover')
    return 'project';
  if (id.includes('organization')) return 'organization';
  if (id === 'core-volunteer-joins-council') return 'partner';
  return 'resident';
}

function flows(w: World): Flow[] {
  const out: Flow[] = [];
  const r = w.record;
  for (let m = 0; m < MECHANISMS.length; m++) {
    for (let s = 0; s < 5; s++) {
      for (let t = 0; t < 5; t++) {
        const k = (m * 5 + s) * 5 + t;
        if (r.flowCount[k] > 0) {
          out.push({
            from: ELEMENTS[s],
            to: ELEMENTS[t],
            mechanism: MECHANISMS[m].id,
            count: r.flowCount[k],
            strength: round(r.flowStrength[k]),
          });
        }
      }
    }
  }
  return out;
}

function outcomes(w: World): Outcomes {
  const res = w.residents;
  const n = res.count;
  const served = new Float64Array(5);
  const improved = new Float64Array(3);
  let belonging = 0;
  let trust = 0;
  const IMPROVEMENT = w.params.services.improvement;
  for (let i = 0; i < n; i++) {
    const bits = res.served[i];
    for (let e = 0; e < 5; e++) if (bits & (1 << e)) served[e]++;
    for (let k = 0; k < 3; k++)
      if (currentNeed(w, i, k) < res.needReference[3 * i + k] - IMPROVEMENT) improved[k]++;
    belonging += res.belonging[i];
    trust += res.trust[i];
  }
  const share = (x: number) => round(x / n);
  return {
    coverage: Object.fromEntries(ELEMENTS.map((e, i) => [e, share(served[i])])) as Record<ElementId, number>,
    servedAny: share(w.counters.served),
    meanNeed: {
      psychological: round(w.meanNeed[0]),
      material: round(w.meanNeed[1]),
      social: round(w.meanNeed[2]),
    },
    improved: { psychological: share(improved[0]), material: share(improved[1]), social: share(improved[2]) },
    meanBelonging: share(belonging),
    meanTrust: share(trust),
    projects: {
      started: w.counters.projectsStarted,
      completed: w.counters.projectsCompleted,
      failed: w.counters.projectsFailed,
    },
    serviceContacts: Object.fromEntries(ELEMENTS.map((e, i) => [e, w.record.contacts[i]])) as Record<
      ElementId,
      number
    >,
  };
}

/** Rounds to 6 significant decimals so that output is stable text across platforms. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
