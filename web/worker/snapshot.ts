import { pathwayOf, runSummary } from '../../src/analysis/summary.ts';
import type { Simulation } from '../../src/engine/run.ts';
import { CELL_MEMBER, CELL_SERVED, type EventRow, type FlowDelta, type Snapshot } from './protocol.ts';

/**
 * Reads a running simulation into a snapshot without changing it: the same run then gives exactly
 * the numbers of `wushe run`. Remembers what was sent, so each snapshot carries only what is new.
 */
export class SnapshotReader {
  private lastTick = -1;
  private lastEvent = 0;
  private readonly lastFlow: Float64Array;
  private readonly lastFlowStrength: Float64Array;

  constructor(private readonly sim: Simulation) {
    this.lastFlow = new Float64Array(sim.world.record.flowCount.length);
    this.lastFlowStrength = new Float64Array(sim.world.record.flowCount.length);
  }

  read(): { snapshot: Snapshot; transfer: Transferable[] } {
    const sim = this.sim;
    const w = sim.world;
    const from = this.lastTick + 1;
    const columns = sim.columns.map((c) => Array.from(c.subarray(from, w.tick + 1)));
    this.lastTick = w.tick;

    const r = w.record;
    const flows: FlowDelta[] = [];
    for (let k = 0; k < r.flowCount.length; k++) {
      const count = r.flowCount[k] - this.lastFlow[k];
      if (count <= 0) continue;
      flows.push({
        mechanism: Math.floor(k / 25),
        source: Math.floor(k / 5) % 5,
        target: k % 5,
        count,
        strength: r.flowStrength[k] - this.lastFlowStrength[k],
      });
      this.lastFlow[k] = r.flowCount[k];
      this.lastFlowStrength[k] = r.flowStrength[k];
    }

    const events: EventRow[] = [];
    for (let e = this.lastEvent; e < r.eventCount; e++) {
      events.push({
        tick: r.evTick[e],
        mechanism: r.evMechanism[e],
        source: r.evSource[e],
        target: r.evTarget[e],
        actor: r.evActor[e],
        subject: r.evSubject[e],
        value: r.evValue[e],
      });
    }
    this.lastEvent = r.eventCount;

    const res = w.residents;
    const n = res.count;
    const cells = new Uint8Array(n);
    const served = new Float64Array(5);
    let servedAny = 0;
    for (let i = 0; i < n; i++) {
      const bits = res.served[i];
      let c = res.role[i];
      if (res.org[i] >= 0) c |= CELL_MEMBER;
      if (bits) {
        c |= CELL_SERVED;
        servedAny++;
      }
      cells[i] = c;
      for (let e = 0; e < 5; e++) if (bits & (1 << e)) served[e]++;
    }

    const o = w.organizations;
    let alive = 0;
    for (let k = 0; k < o.used; k++) alive += o.alive[k];
    const orgs = { home: new Int32Array(alive), kind: new Uint8Array(alive), members: new Int32Array(alive) };
    for (let k = 0, j = 0; k < o.used; k++) {
      if (!o.alive[k]) continue;
      orgs.home[j] = o.home[k];
      orgs.kind[j] = o.kind[k];
      orgs.members[j] = o.members[k];
      j++;
    }

    const snapshot: Snapshot = {
      tick: w.tick,
      ticks: sim.scenario.ticks,
      done: sim.done,
      from,
      columns,
      flows,
      events,
      pathway: pathwayOf(sim),
      residents: n,
      buildingSize: w.buildingSize,
      cells,
      orgs,
      coverage: Array.from(served, (x) => x / n),
      servedAny: servedAny / n,
      socialWorkers: w.socialWorkers.fte,
      fund: w.charity.fund,
    };
    if (sim.done) snapshot.summary = runSummary(sim);
    return { snapshot, transfer: [cells.buffer, orgs.home.buffer, orgs.kind.buffer, orgs.members.buffer] };
  }
}
