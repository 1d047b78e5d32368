/**
 * The order test files start in: longest first, so that the last files to finish are short ones.
 * Vitest's own order does that from the durations of the previous run (kept in node_modules/.vite);
 * in a fresh checkout, which has none, it orders by file size, and the files that take longest
 * (they run many simulations or a browser in few lines) would start last. For them, the files
 * below start first, in this order; every other file keeps Vitest's order.
 */
import { relative } from 'node:path';
import type { TestSequencer, TestSpecification, Vitest } from 'vitest/node';

const SLOWEST = [
  'test/cli/readme.test.ts',
  'test/scenarios/hubei.test.ts',
  'test/web/classroom.test.ts',
  'test/integration/slurm.test.ts',
  'test/web/app.test.ts',
  'test/web/programme.test.ts',
  'test/programme/shards.test.ts',
  'test/scenarios/modes.test.ts',
  'test/cli/sweep-resume.test.ts',
  'test/web/programmeImport.test.ts',
];

export class LongestFirst implements TestSequencer {
  constructor(private readonly ctx: Vitest) {}

  private async base(): Promise<TestSequencer> {
    const { BaseSequencer } = await import('vitest/node');
    return new BaseSequencer(this.ctx);
  }

  async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await this.base()).shard(files);
  }

  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await (await this.base()).sort(files);
    const path = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId).replaceAll('\\', '/');
    const unmeasured = (f: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${f.project.name}:${path(f)}`) === undefined;
    const first = SLOWEST.flatMap((p) => sorted.filter((f) => path(f) === p && unmeasured(f)));
    return [...first, ...sorted.filter((f) => !first.includes(f))];
  }
}
