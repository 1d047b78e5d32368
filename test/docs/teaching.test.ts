import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { lessonById } from '../../web/lessons/catalogue.ts';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../docs/examples/${name}.json`, import.meta.url), 'utf8'));
const teaching = readFileSync(new URL('../../docs/teaching.md', import.meta.url), 'utf8');

/** The weekly series of one run (the columns of series.csv, e.g. `projectsRunning`, `fund`). */
function series(file: unknown): Record<string, ArrayLike<number>> {
  const v = validateScenario(file);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const sim = new Simulation(v.scenario);
  while (!sim.done) sim.step();
  return sim.record().series;
}
const at = (col: ArrayLike<number>, weeks: number[]): number[] => weeks.map((w) => col[w]);
/** The guide's text with every run of whitespace (line breaks included) made one space. */
const flat = teaching.replace(/\s+/g, ' ');
const yuan = (x: number): string => Math.round(x).toLocaleString('en-GB');

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

  it('shows the running projects and the fund the guide prints for seed 1 (the funding cliff)', () => {
    const weeks = [52, 60, 80, 104];
    const grant = series(read('charity-led-grant'));
    const ended = series(read('charity-led-grant-ends'));
    const [g52, g60, g80, g104] = at(grant.projectsRunning, weeks);
    const [e52, e60, e80, e104] = at(ended.projectsRunning, weeks);
    expect(flat).toContain(
      `with the grant ${g52} at week 52, ${g60} at week 60, ${g80} at week 80, ${g104} at week 104`,
    );
    expect(flat).toContain(
      `with the grant ended ${e52} at week 52, ${e60} at week 60, ${e80} at week 80, ${e104} at week 104`,
    );
    // the cliff: fewer projects running at the end once the grant has ended
    expect(e104).toBeLessThan(g104);
    const fundGrant = grant.fund[53];
    const fundEnded = ended.fund[53];
    expect(flat).toContain(
      `The fund held ${yuan(fundGrant)} yuan at week 53 with the grant and ${yuan(fundEnded)} with the grant ended`,
    );
    expect(fundEnded).toBeLessThan(fundGrant);
  });

  it('shows what the guide prints with local-takeover knocked out (no one carries the projects on)', () => {
    const file = { ...(read('charity-led-grant-ends') as object), knockouts: ['local-takeover'] };
    const cut = series(file);
    const [w53, w60, w80, w104] = at(cut.projectsRunning, [53, 60, 80, 104]);
    expect(flat).toContain(
      `${w53} running projects at week 53, ${w60} at week 60, ${w80} at week 80, ${w104} at week 104`,
    );
    // local money carried on projects that the knock-out ends with the grant
    expect(w53).toBeLessThan(series(read('charity-led-grant-ends')).projectsRunning[53]);
    expect(flat).toContain(`which held ${yuan(cut.fund[53])} yuan at week 53`);
  });
});

describe('docs/teaching.md, exercise 1 (the social workers’ contract)', () => {
  const scenario = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

  for (const preset of ['organization-led', 'volunteer-led'])
    it(`${preset} seed 1: the contract runs out, and social workers are back, in the weeks the guide prints`, () => {
      const s = series({ ...(scenario(preset) as object), seed: 1 });
      const count = s.socialWorkers;
      // the first week with no social workers at all, and the first after it with some again
      let out = -1;
      for (let w = 0; w < count.length; w++)
        if (count[w] === 0) {
          out = w;
          break;
        }
      let back = out;
      while (back < count.length && count[back] === 0) back++;
      expect(out).toBeGreaterThan(0);
      expect(flat).toContain(`social workers' strength falls to 0 in week ${out}`);
      expect(flat).toContain(`column is 0 from week ${out} to week ${back - 1}); from week ${back} only`);
      expect(s['strength.socialWorkers'][out]).toBe(0);
      expect(flat).toContain(
        `the social workers' strength ends at ${s['strength.socialWorkers'][count.length - 1].toFixed(3)}`,
      );
    });
});
