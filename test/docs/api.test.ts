/** docs/api.md is generated from the published type declarations; it must match the build of these sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMarkdown } from '../../scripts/api-docs.ts';
import { DIST, ROOT } from '../../scripts/build-steps.ts';

describe('docs/api.md', () => {
  const page = apiMarkdown(DIST); // dist/ built by the global setup (test/setup/build.ts)

  it('is current (regenerate with `npm run docs:api`)', () => {
    expect(readFileSync(join(ROOT, 'docs/api.md'), 'utf8')).toBe(page);
  });

  it('documents every export of both entry points, with the doc comments', () => {
    for (const name of [
      'runScenario',
      'calibrate',
      'surveyOnce',
      'analysePathway',
      'PARAMETERS',
      'WorkerPool',
    ])
      expect(page).toContain(`#### \`${name}\``);
    expect(page).toContain('## `wushe/node`');
    expect(page).toContain('#### `createNodePool`');
    expect(page).toMatch(/#### `runScenario`\n\n[A-Z]/);
  });
});
