import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { lessonById } from '../../web/lessons/catalogue.ts';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../docs/examples/${name}.json`, import.meta.url), 'utf8'));
const teaching = readFileSync(new URL('../../docs/teaching.md', import.meta.url), 'utf8');

/** Running projects at the given weeks of one run (the `projectsRunning` column of series.csv). */
function running(file: unknown, weeks: number[]): number[] {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const sim = new Simulation(v.scenario);
  while (!sim.done) sim.step();
  const col = sim.record().series.projectsRunning;
  return weeks.map((w) => col[w]);
}

describe('docs/teaching.md, exercise 6 (when the grant ends)', () => {
  const lesson = lessonById('grant-ends')!;
  const pairs = [
    ['charity-led-grant', 'grant-two-years'],
    ['charity-led-grant-ends', 'grant-ends-week-52'],
  ] as const;

  for (const [file, run] of pairs)
    it(`docs/examples/${file}.json is the in-app lesson's run ${run}`, () => {
      const doc = read(file) as Record<string, unknown>;
      const app = lesson.runs.find((r) => r.id === run)!.setup() as unknown as Record<string, unknown>;
      for (const key of ['seed', 'ticks', 'residents', 'initial', 'strategy', 'interventions'])
        expect(doc[key], `${file}.${key}`).toEqual(app[key]);
    });

  it('shows the running projects the guide prints for seed 1 (the funding cliff)', () => {
    const weeks = [52, 60, 80, 104];
    const grant = running(read('charity-led-grant'), weeks);
    const ended = running(read('charity-led-grant-ends'), weeks);
    expect(teaching).toContain(
      `with the grant ${grant[0]} at week 52, ${grant[1]} at week 60, ${grant[3]} at week 104`,
    );
    expect(teaching).toContain(
      `grant ended ${ended[0]} at week 52, ${ended[1]} at weeks 60 and 80, ${ended[3]} at week 104`,
    );
    expect(ended[1]).toBe(ended[2]);
    expect(ended[3]).toBeLessThan(grant[3]);
  });

  it('shows what the guide prints with local-takeover knocked out (no one carries the project on)', () => {
    const file = { ...(read('charity-led-grant-ends') as object), knockouts: ['local-takeover'] };
    const [w53, w60, w80, w104] = running(file, [53, 60, 80, 104]);
    // the guide's wording, whatever its line breaks
    expect(teaching.replace(/\s+/g, ' ')).toContain(
      `${w53} running projects at week 53, ${w60} at week 60, ${w80} at week 80, ${w104} at week 104`,
    );
    expect(w53).toBeLessThan(running(read('charity-led-grant-ends'), [53])[0]);
  });
});
