/**
 * `npm run docs:api`: writes docs/api.md from the doc comments of the published type declarations
 * (scripts/api-docs.ts), emitting them from the current sources into a temporary folder first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiMarkdown } from './api-docs.ts';
import { buildLibrary, ROOT } from './build-steps.ts';

const dir = mkdtempSync(join(tmpdir(), 'wushe-api-'));
try {
  buildLibrary(dir);
  writeFileSync(join(ROOT, 'docs', 'api.md'), apiMarkdown(dir));
  process.stdout.write('wrote docs/api.md\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
