import * as Comlink from 'comlink';
import { MECHANISMS } from '../src/engine/mechanisms.ts';
import { SERIES_COLUMNS, seriesIndex } from '../src/engine/reporters.ts';
import type { Pathway, RunSummary } from '../src/engine/result.ts';
import { ELEMENTS } from '../src/model/elements.ts';
import { type Scenario, type ScenarioFile, validateScenario } from '../src/model/scenario.ts';
import type { EventRow, SimApi, Snapshot } from './worker/protocol.ts';

/** Everything the views read about the run on screen; only the player writes it. */
export interface RunState {
  file: ScenarioFile;
  scenario: Scenario;
  tick: number;
  ticks: number;
  done: boolean;
  /** One column per series reporter (SERIES_COLUMNS), each of length ticks + 1, filled up to `tick`. */
  series: Float64Array[];
  /** Cumulative count per (mechanism, source, target), index (m * 5 + s) * 5 + t. */
  flowCount: Float64Array;
  events: EventRow[];
  pathway: Pathway;
  snapshot: Snapshot;
  summary?: RunSummary;
}

export interface View {
  /** A new run was loaded (week 0). */
  reset?(run: RunState): void;
  /** New weeks arrived. */
  update?(run: RunState, snap: Snapshot): void;
  /** The view came back into sight after weeks it skipped while playing (default: `update` with the latest snapshot). */
  refresh?(run: RunState): void;
  /** The language changed. */
  relabel?(run: RunState): void;
  /**
   * Called on each animation frame while the player runs its loop; returns true while the view still
   * animates and needs another frame. The loop stops when nothing needs it, so a view that starts an
   * animation outside `frame` does so in one of the calls above (the player runs a frame after each).
   */
  frame?(now: number): boolean;
}

export const SPEEDS = [1, 2, 5, 10, 20, 50] as const;

/** A series column of the run by its reporter id (src/engine/reporters.ts). */
export function column(run: RunState, id: string): Float64Array {
  const k = seriesIndex(id);
  if (k < 0) throw new Error(`no series column ${id}`);
  return run.series[k];
}

/** The five strength columns, in element order. */
export function strengthColumns(run: RunState): Float64Array[] {
  return ELEMENTS.map((e) => column(run, `strength.${e}`));
}

/**
 * Drives the simulation worker: loads scenarios, plays at a speed in weeks per second, steps, and
 * hands each compact snapshot to the views. At most one request is in flight, so the page never
 * queues up work it cannot draw.
 */
export class Player {
  run?: RunState;
  playing = false;
  speed = 5;
  private readonly api: Comlink.Remote<SimApi>;
  private readonly views: Array<{ name: string; view: View }> = [];
  /** Views scrolled out of sight skip updates while playing and catch up when seen again. */
  private readonly hidden = new Set<string>();
  private readonly stale = new Set<string>();
  private readonly sight = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const name = (e.target as HTMLElement).dataset.view!;
        if (!e.isIntersecting) {
          this.hidden.add(name);
          continue;
        }
        this.hidden.delete(name);
        if (this.stale.delete(name) && this.run) {
          const { view } = this.views.find((v) => v.name === name)!;
          const run = this.run;
          this.timed(name, () => (view.refresh ? view.refresh(run) : view.update?.(run, run.snapshot)));
          this.wake();
        }
      }
    },
    { rootMargin: '200px' },
  );
  /** Milliseconds spent in each view (update + frame) since the last `resetTimings`, and frames run. */
  readonly timings: Record<string, number> = {};
  frames = 0;
  private generation = 0;
  private inFlight = false;
  /** A step or run to end asked for while a request was in flight. */
  private queued?: (api: Comlink.Remote<SimApi>) => Promise<Snapshot>;
  private due = 0;
  private lastFrame = 0;
  /** The pending requestAnimationFrame, 0 when the loop is stopped. */
  private scheduled = 0;
  private readonly stateListeners: Array<() => void> = [];

  constructor(private readonly onError: (title: 'errorScenario' | 'errorWorker', lines: string[]) => void) {
    const worker = new Worker(new URL('./worker/sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => onError('errorWorker', [e.message]));
    this.api = Comlink.wrap<SimApi>(worker);
  }

  /** Adds a view; with `el`, the view skips updates while playing as long as `el` is out of sight. */
  addView(name: string, view: View, el?: HTMLElement): void {
    this.views.push({ name, view });
    if (el) {
      el.dataset.view = name;
      this.sight.observe(el);
    }
    this.timings[name] = 0;
    if (this.run) view.reset?.(this.run);
  }

  resetTimings(): void {
    for (const k of Object.keys(this.timings)) this.timings[k] = 0;
    this.frames = 0;
  }

  private timed<T>(name: string, f: () => T): T {
    const t0 = performance.now();
    const out = f();
    this.timings[name] += performance.now() - t0;
    return out;
  }

  onStateChange(f: () => void): void {
    this.stateListeners.push(f);
  }

  /** Validates and loads a scenario at week 0; returns the problems if it is not valid. */
  async load(file: ScenarioFile): Promise<string[] | undefined> {
    const v = validateScenario(file);
    if (!v.ok) return v.errors;
    this.pause();
    const gen = ++this.generation;
    this.inFlight = true;
    try {
      const result = await this.api.load(file);
      if (gen !== this.generation) return undefined;
      if (!result.ok) return result.errors;
      const ticks = v.scenario.ticks;
      this.run = {
        file,
        scenario: v.scenario,
        tick: 0,
        ticks,
        done: false,
        series: SERIES_COLUMNS.map(() => new Float64Array(ticks + 1)),
        flowCount: new Float64Array(MECHANISMS.length * 25),
        events: [],
        pathway: result.snapshot.pathway,
        snapshot: result.snapshot,
      };
      this.absorb(this.run, result.snapshot);
      this.stale.clear();
      for (const { view } of this.views) view.reset?.(this.run);
      this.changed();
      return undefined;
    } finally {
      if (gen === this.generation) this.inFlight = false;
      this.flush();
    }
  }

  relabel(): void {
    if (this.run) for (const { view } of this.views) view.relabel?.(this.run);
    this.wake();
  }

  play(): void {
    if (!this.run || this.run.done) return;
    this.playing = true;
    this.due = 1;
    this.changed();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.catchUp();
    this.changed();
  }

  /** Brings the views that skipped weeks up to date. */
  private catchUp(): void {
    const run = this.run;
    if (!run) return;
    for (const { name, view } of this.views)
      if (this.stale.delete(name))
        this.timed(name, () => (view.refresh ? view.refresh(run) : view.update?.(run, run.snapshot)));
  }

  step(): Promise<void> {
    this.pause();
    return this.request((api) => api.advance(1));
  }

  finish(): Promise<void> {
    this.pause();
    return this.request((api) => api.finish());
  }

  async reset(): Promise<void> {
    if (this.run) await this.load(this.run.file);
  }

  setSpeed(weeksPerSecond: number): void {
    this.speed = weeksPerSecond;
    this.changed();
  }

  private async request(call: (api: Comlink.Remote<SimApi>) => Promise<Snapshot>): Promise<void> {
    // a step or run to end asked for while a load or another request is under way runs after it,
    // rather than being dropped (the latest such request wins)
    if (this.inFlight) {
      this.queued = call;
      return;
    }
    if (!this.run || this.run.done) return;
    const gen = this.generation;
    this.inFlight = true;
    try {
      const snap = await call(this.api);
      if (gen !== this.generation || !this.run) return;
      this.absorb(this.run, snap);
      const run = this.run;
      // while playing, views out of sight wait; a pause, a step or the end brings every view up to date
      const lazy = this.playing && !snap.done;
      for (const { name, view } of this.views) {
        if (!view.update) continue;
        if (lazy && this.hidden.has(name)) this.stale.add(name);
        else {
          this.stale.delete(name);
          this.timed(name, () => view.update!(run, snap));
        }
      }
      if (snap.done) this.playing = false;
      if (!this.playing) this.catchUp();
      this.changed();
    } catch (e) {
      this.playing = false;
      this.onError('errorWorker', [String((e as Error).message ?? e)]);
    } finally {
      if (gen === this.generation) this.inFlight = false;
      this.flush();
    }
  }

  /** Runs the request that waited for the one in flight, if any. */
  private flush(): void {
    const next = this.queued;
    if (!next || this.inFlight) return;
    this.queued = undefined;
    void this.request(next);
  }

  private absorb(run: RunState, snap: Snapshot): void {
    snap.columns.forEach((rows, k) => {
      run.series[k].set(rows, snap.from);
    });
    for (const f of snap.flows) run.flowCount[(f.mechanism * 5 + f.source) * 5 + f.target] += f.count;
    for (const e of snap.events) run.events.push(e);
    run.tick = snap.tick;
    run.done = snap.done;
    run.pathway = snap.pathway;
    run.snapshot = snap;
    if (snap.summary) run.summary = snap.summary;
  }

  private changed(): void {
    for (const f of this.stateListeners) f();
    this.wake();
  }

  /** Starts the frame loop unless it is running; it stops by itself when nothing needs frames. */
  private wake(): void {
    if (!this.scheduled) this.scheduled = requestAnimationFrame(this.frame);
  }

  /**
   * One frame: paces the weeks while playing and lets the views animate. Another frame follows only
   * while playing or while a view still animates, so an idle page draws nothing.
   */
  private readonly frame = (now: number): void => {
    this.scheduled = 0;
    const dt = Math.min(250, now - (this.lastFrame || now));
    this.lastFrame = now;
    if (this.playing && this.run && !this.run.done) {
      this.due = Math.min(this.due + (dt * this.speed) / 1000, 52);
      if (!this.inFlight && this.due >= 1) {
        const weeks = Math.floor(this.due);
        this.due -= weeks;
        void this.request((api) => api.advance(weeks));
      }
    }
    this.frames++;
    let animating = false;
    for (const { name, view } of this.views)
      if (view.frame && this.timed(name, () => view.frame!(now))) animating = true;
    if (this.playing || animating) this.wake();
    else this.lastFrame = 0;
  };
}
