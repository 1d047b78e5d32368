import { describe, expect, it } from 'vitest';
import { runProgrammeReplicate } from '../../src/analysis/programmeReplicate.ts';
import { replicateSeeds, runProgrammeInProcess } from '../../src/batch/programme.ts';
import { CommunityShard, DistrictRun } from '../../src/engine/district.ts';
import { allocationShares } from '../../src/engine/districtAllocation.ts';
import { DistrictExchange } from '../../src/engine/districtExchange.ts';
import type { CommunityReport } from '../../src/engine/districtTypes.ts';
import { resolveProgramme } from '../../src/model/programmeCommunities.ts';
import { INSTRUMENTS } from '../../src/model/programmeParameters.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { programme, spec as programmeSpec, spec, templateScenario } from './helpers.ts';

function report(index: number, extra: Partial<CommunityReport> = {}): CommunityReport {
  return {
    index,
    residents: 1000,
    need: 0.6,
    strength: 0.3,
    stationedFte: 0,
    stationedSkill: 0,
    donations: 0,
    volunteers: 50,
    members: 40,
    organizations: 3,
    fund: 0,
    socialWorkers: 1,
    trainingRoom: 2,
    served: 0,
    ...extra,
  };
}

describe('allocation rules', () => {
  const reports = [
    report(0, { residents: 1000, need: 0.5, strength: 0.2 }),
    report(1, { residents: 3000, need: 0.5, strength: 0.6 }),
    report(2, { residents: 1000, need: 1.0, strength: 0.4 }),
    report(3, { residents: 1000, need: 0.5, strength: 0.8 }),
  ];
  const shares = (allocation: Record<string, unknown>) => [
    ...allocationShares(spec({ allocation }), reports),
  ];

  it('equal shares; by need in proportion to residents × need; a table as written', () => {
    expect(shares({ rule: 'equal' })).toEqual([0.25, 0.25, 0.25, 0.25]);
    const need = shares({ rule: 'need' });
    expect(need[1]).toBeCloseTo(1.5 / 3.5);
    expect(need[2]).toBeCloseTo(1 / 3.5);
    expect(need[0]).toBeCloseTo(need[3]);
    expect(shares({ rule: 'table', table: [0, 1, 1, 2] })).toEqual([0, 0.25, 0.25, 0.5]);
  });

  it('by strength favours the strong (扬长), by weakness the weak', () => {
    const strong = shares({ rule: 'strength' });
    const weak = shares({ rule: 'weakness' });
    expect(strong[3]).toBeGreaterThan(strong[0]);
    expect(weak[0]).toBeGreaterThan(weak[3]);
    for (const s of [strong, weak]) expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('a lottery treats the given share of communities, the same ones for the same programme seed', () => {
    const a = shares({ rule: 'lottery', lotteryShare: 0.5 });
    expect(a.filter((x) => x > 0)).toEqual([0.5, 0.5]);
    expect(shares({ rule: 'lottery', lotteryShare: 0.5 })).toEqual(a);
  });
});

describe('the weekly coupling conserves worker hours and money', () => {
  it('every funded week, the hours delivered plus the coordination overhead equal the FTE bought', () => {
    const p = programme({ allocation: { rule: 'equal' } });
    const reports = p.members.map((_, c) => report(c, { need: 0.3 + 0.2 * c }));
    const x = new DistrictExchange(p, reports);
    const bought = x.agencyFte.reduce((a, b) => a + b, 0);
    expect(bought).toBeGreaterThan(0);
    let overhead = 0;
    for (let a = 0; a < x.agencyFte.length; a++) overhead += x.agencyFte[a] * x.agencyOverhead[a];
    for (let week = 0; week < p.fundingWeeks; week++) {
      const adj = x.adjust(week, reports);
      const delivered = adj.reduce((s, a) => s + (a.stationed?.fte ?? 0), 0);
      expect(delivered + overhead).toBeCloseTo(bought, 9);
      // agency 0 serves communities 0 and 3 (bought alike): its hours move towards the needier one
      expect(adj[3].stationed?.fte).toBeGreaterThan(adj[0].stationed?.fte ?? Infinity);
      x.settle(week, reports);
    }
    expect(x.adjust(p.fundingWeeks, reports).every((a) => a.stationed === null)).toBe(true);
    // four communities on three agencies: the agency with two pays the overhead for one more
    expect([...x.agencyOverhead]).toEqual([0.05, 0, 0]);
    // without responsiveness to need, the two get the same hours
    const flat = new DistrictExchange(programme({ district: { needResponsiveness: 0 } }), reports).adjust(
      0,
      reports,
    );
    expect(flat[3].stationed?.fte).toBeCloseTo(flat[0].stationed?.fte ?? 0, 12);
  });

  it('the foundation grants exactly what it matched, never more than it holds; spending stays within each budget', () => {
    const p = programme({ instruments: { fundMatching: { share: 0.01, ratio: 2 } } });
    const reports = p.members.map((_, c) => report(c, { donations: 300 }));
    const x = new DistrictExchange(p, reports);
    const start = x.foundation;
    let granted = 0;
    for (let week = 0; week < p.weeks; week++) {
      granted += x.adjust(week, reports).reduce((s, a) => s + a.fundGrant, 0);
      x.settle(week, reports);
      expect(x.foundation).toBeGreaterThanOrEqual(0);
    }
    granted += x.adjust(p.weeks, reports).reduce((s, a) => s + a.fundGrant, 0);
    expect(granted).toBeCloseTo(x.ledger.foundationGranted, 6);
    expect(x.ledger.foundationGranted + x.foundation).toBeCloseTo(start, 6);
    expect(x.foundation).toBeCloseTo(0, 6); // 4,000 yuan of matching is used up by 2 × 300 a week
    for (const id of INSTRUMENTS)
      for (let c = 0; c < p.members.length; c++)
        expect(x.spent[id][c]).toBeLessThanOrEqual(x.budget[id][c] + 1e-6);
  });

  it('over a whole replicate: ledger and rows agree, and the stationed teams carry the agency hours', () => {
    const p = programme();
    const r = runProgrammeReplicate(p, 11);
    const l = r.ledger;
    expect(l.deliveredFteWeeks + l.overheadFteWeeks).toBeCloseTo(l.purchasedFteWeeks, 4);
    let spent = 0;
    for (const row of r.rows) for (const id of INSTRUMENTS) spent += row.spent[id];
    expect(spent).toBeCloseTo(l.totalSpent, 3);
    expect(l.spent.socialWork).toBeCloseTo(p.budget * p.instruments.socialWork.share, 3);
    expect(l.totalSpent).toBeLessThanOrEqual(p.budget + 1e-6);
    expect(l.foundationGranted + l.foundationLeft).toBeCloseTo(l.foundationIn, 6);
    expect(r.series.volunteers).toHaveLength(p.weeks + 1);

    // the hours the district sends are the programme part of each community's stationed team
    const shard = new CommunityShard(p, 11, [0, 1, 2, 3]);
    const x = new DistrictExchange(p, shard.reports());
    const adj = x.adjust(0, shard.reports());
    const own = shard.sims.map((s) => s.world.socialWorkers.stationed.fte);
    shard.step(adj);
    const after = shard.reports();
    for (const [c, rep] of after.entries())
      expect(rep.stationedFte).toBeCloseTo(adj[c].stationed?.fte ?? 0, 9);
    expect(own.length).toBe(4);
  });
});

describe('when the money ends', () => {
  it('the stationed teams’ contract ends with the programme; without renewal or a fund to take them over, they leave', () => {
    const t = validateScenario({
      ...templateScenario(),
      knockouts: ['committee-renews-contract', 'local-takeover', 'fund-buys-social-work'],
    });
    if (!t.ok) throw new Error(t.errors.join());
    const p = resolveProgramme(programmeSpec({ fundingWeeks: 5, weeks: 8 }), { template: t.scenario });
    const shard = new CommunityShard(p, 3, [0, 1, 2, 3]);
    const run = new DistrictRun(p, 3);
    let reports = shard.reports();
    run.begin(reports);
    for (let week = 0; week < p.weeks; week++) {
      reports = shard.step(run.adjust(week, reports));
      run.settle(week, reports);
      const stationed = shard.sims.map((s) => s.world.socialWorkers.stationed.fte);
      if (week < p.fundingWeeks - 1) expect(Math.min(...stationed)).toBeGreaterThan(0);
      else expect(stationed).toEqual([0, 0, 0, 0]);
    }
  });
});

describe('spill-over', () => {
  it('sends each community’s outgoing visits to its two neighbours on the ring, half each', () => {
    const p = programme({ district: { spillover: 0.1 } });
    const reports = p.members.map((_, c) => report(c, { volunteers: 100 * (c + 1), members: 0 }));
    const adj = new DistrictExchange(p, reports).adjust(0, reports);
    const visits = p.members[0].parameters.volunteers.visitsPerWeek;
    const out = (c: number) => 0.1 * 100 * (c + 1) * visits;
    // community 0 hears from 3 and 1
    expect(adj[0].visitsIn).toBeCloseTo((out(3) + out(1)) / 2, 12);
    expect(adj[2].visitsIn).toBeCloseTo((out(1) + out(3)) / 2, 12);
    const none = new DistrictExchange(programme({ district: { spillover: 0 } }), reports).adjust(0, reports);
    expect(none.every((a) => a.visitsIn === 0)).toBe(true);
  });
});

describe('replicates', () => {
  it('the same programme and seed give identical results; different seeds differ; seeds are common to designs', () => {
    const p = programme();
    const a = runProgrammeInProcess(p, { seeds: 2 });
    const b = runProgrammeInProcess(p, { seeds: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.seeds).toEqual(replicateSeeds(p.seed, 2));
    expect(JSON.stringify(a.replicates[0].rows)).not.toBe(JSON.stringify(a.replicates[1].rows));
    const other = runProgrammeInProcess(programme({ allocation: { rule: 'need' } }), {
      seeds: 2,
      master: p.seed,
    });
    expect(other.seeds).toEqual(a.seeds);
    expect(a.summary.improvedShare.n).toBe(2);
    expect(a.summary.improvedShare.lo).not.toBeNull();
  });
});
