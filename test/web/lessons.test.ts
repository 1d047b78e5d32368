import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/run.ts';
import { validateScenario } from '../../src/model/scenario.ts';
import { LESSONS, withoutSocialWorkers } from '../../web/lessons/catalogue.ts';
import { presetById } from '../../web/presets.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('guided lessons', () => {
  it('cover the practice models, social workers, the two strategies and a grant that ends', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['practice-models', 'social-workers', 'strategy', 'grant-ends']);
  });

  for (const lesson of LESSONS)
    it(`${lesson.id}: every text in both languages, every run a valid scenario`, () => {
      for (const text of [lesson.title, lesson.question, lesson.look, lesson.reflect, ...lesson.choices]) {
        expect(text.zh).toMatch(CJK);
        expect(text.en.trim()).not.toBe('');
      }
      expect(lesson.choices.length).toBeGreaterThanOrEqual(2);
      expect(lesson.runs.length).toBeGreaterThanOrEqual(2);
      for (const run of lesson.runs) {
        expect(run.label.zh).toMatch(CJK);
        const v = validateScenario(run.setup());
        expect(v.ok, `${lesson.id}/${run.id}: ${v.ok ? '' : v.errors.join('; ')}`).toBe(true);
      }
      // the runs of a lesson differ from each other
      expect(new Set(lesson.runs.map((r) => JSON.stringify(r.setup()))).size).toBe(lesson.runs.length);
    });

  it('takes the social workers out of the community in the social-workers lesson', () => {
    const fte = (change?: (f: ReturnType<typeof presetById> & object) => void) => {
      const f = presetById('organization-led')!;
      change?.(f);
      const v = validateScenario({ ...f, ticks: 4, residents: 500 });
      if (!v.ok) throw new Error(v.errors.join('\n'));
      return new Simulation(v.scenario).world.socialWorkers.fte;
    };
    expect(fte()).toBeGreaterThan(0);
    expect(fte(withoutSocialWorkers)).toBe(0);
  });

  it('ends the grant at week 52 in the second run of the grant lesson', () => {
    const [paid, ended] = LESSONS.find((l) => l.id === 'grant-ends')!.runs.map((r) => r.setup());
    expect(paid.interventions?.map((iv) => iv.type)).toEqual(['grant']);
    expect(ended.interventions).toContainEqual({ type: 'funding-end', tick: 52 });
  });
});
