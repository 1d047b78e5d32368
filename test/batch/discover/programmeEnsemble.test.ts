import { describe, expect, it } from 'vitest';
import { metricCatalogue, sweepEnsemble } from '../../../src/batch/discover/ensemble.ts';
import { compileOutcome } from '../../../src/batch/discover/outcome.ts';
import { programmeEnsemble } from '../../../src/batch/discover/programmeEnsemble.ts';

const CSV = `seed,community,id,residents,allocation,purchasedFte,budget.grants,initial.volunteers,helped,mode,firstMover,fullLinkageWeek,yearsAfter2.volunteers
11,1,c1,3000,equal,1.5,20000,0.2,400,mixed,,,12
11,2,c2,5000,equal,0.5,20000,0.6,900,volunteer-led,volunteers,40,80
12,1,c1,3000,need,1.5,20000,0.2,350,"charity-led",charity,70,3
`;

describe('the ensemble of a programme run (communities.csv)', () => {
  it('varying input columns are inputs, the others metrics', () => {
    const e = programmeEnsemble(CSV);
    expect(e.kind).toBe('programme');
    // budget.grants never varies: not an input
    expect(e.inputs).toEqual([
      { name: 'residents', kind: 'numeric', range: [3000, 5000] },
      { name: 'allocation', kind: 'categorical', categories: ['equal', 'need'] },
      { name: 'purchasedFte', kind: 'numeric', range: [0.5, 1.5] },
      { name: 'initial.volunteers', kind: 'numeric', range: [0.2, 0.6] },
    ]);
    expect(e.cases[0]).toEqual({
      id: 'seed 11, community 1',
      inputs: [3000, 'equal', 1.5, 0.2],
      metrics: {
        helped: 400,
        mode: 'mixed',
        firstMover: null,
        fullLinkageWeek: null,
        'yearsAfter2.volunteers': 12,
      },
    });
    const outcome = compileOutcome(
      'yearsAfter2.volunteers < 50 && fullLinkageWeek != null',
      metricCatalogue(e.cases),
    );
    expect(e.cases.map((c) => outcome.test(c.metrics))).toEqual([false, false, true]);
  });

  it('a row with the wrong number of cells is an error naming the line', () => {
    expect(() => programmeEnsemble('seed,community,residents\n1,1\n')).toThrow(
      /line 2: 2 cells, the header has 3/,
    );
  });
});

describe('the ensemble of a sweep', () => {
  it('ranges and lists of numbers are numeric inputs, other lists categorical; failed runs are counted', () => {
    const e = sweepEnsemble(
      {
        'initial.charity': { min: 0.1, max: 0.9 },
        residents: [200, 400],
        strategy: ['balanced', 'strengths-first'],
      },
      [
        {
          run: 1,
          point: 1,
          replicate: 0,
          seed: 2,
          factors: { 'initial.charity': 0.5, residents: 400, strategy: 'balanced' },
          error: 'x',
        },
        {
          run: 0,
          point: 0,
          replicate: 0,
          seed: 1,
          factors: { 'initial.charity': 0.2, residents: 200, strategy: 'strengths-first' },
          metrics: { mode: 'mixed' } as never,
        },
      ],
    );
    expect(e.inputs).toEqual([
      { name: 'initial.charity', kind: 'numeric', range: [0.1, 0.9] },
      { name: 'residents', kind: 'numeric', range: [200, 400] },
      { name: 'strategy', kind: 'categorical', categories: ['balanced', 'strengths-first'] },
    ]);
    expect(e.failed).toBe(1);
    expect(e.cases).toEqual([
      { id: 'run 0', inputs: [0.2, 200, 'strengths-first'], metrics: { mode: 'mixed' } },
    ]);
  });
});
