import type { Interval } from '../../src/batch/programme.ts';
import { toCsv } from '../export.ts';
import type { DesignRun } from './programmeSummary.ts';

/** What the Programme view exports: the summary and the communities as CSV (the JSON is built by the view). */
type Runs = { A?: DesignRun; B?: DesignRun };

/** Every metric of both designs (mean and 95% interval) and the paired difference B − A. */
export function summaryCsv(runs: Runs, diff?: Record<string, Interval>): string | undefined {
  if (!runs.A || !runs.B) return undefined;
  const cols = (i?: Interval) => [i?.mean ?? null, i?.lo ?? null, i?.hi ?? null];
  return toCsv(
    [
      'metric',
      'A.mean',
      'A.lo',
      'A.hi',
      'B.mean',
      'B.lo',
      'B.hi',
      'BminusA.mean',
      'BminusA.lo',
      'BminusA.hi',
    ],
    Object.keys(runs.A.result.summary).map((m) => [
      m,
      ...cols(runs.A!.result.summary[m]),
      ...cols(runs.B!.result.summary[m]),
      ...cols(diff?.[m]),
    ]),
  );
}

/** The communities of both designs, one row each (means over the replicates). */
export function communitiesCsv(runs: Runs): string | undefined {
  if (!runs.A || !runs.B) return undefined;
  const rows = (['A', 'B'] as const).flatMap((d) =>
    runs[d]!.result.perCommunity.map((c) => [
      d,
      c.index + 1,
      c.residents,
      c.allocation,
      c.budget,
      c.mode,
      c.modeShare,
      c.fullLinkage.mean,
      c.fullLinkageWeek.mean,
      c.improvedShare.mean,
      c.improvedShare.lo,
      c.improvedShare.hi,
      c.strengthAtFundingEnd.mean,
      c.strengthAtEnd.mean,
    ]),
  );
  return toCsv(
    [
      'design',
      'community',
      'residents',
      'allocation',
      'budget',
      'mode',
      'modeShare',
      'fullLinkage',
      'fullLinkageWeek',
      'improvedShare.mean',
      'improvedShare.lo',
      'improvedShare.hi',
      'strengthAtFundingEnd',
      'strengthAtEnd',
    ],
    rows,
  );
}
