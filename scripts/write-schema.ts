/**
 * Writes scenarios/schema.json from the scenario schema and programmes/schema.json from the
 * programme schema (`npm run schema`). The file is then
 * formatted with Biome so that `biome check` accepts it; test/model/jsonSchema.test.ts fails when
 * the committed file no longer matches the schema.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../src/model/jsonSchema.ts';
import { programmeJsonSchema } from '../src/model/programme.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
const programmes = fileURLToPath(new URL('../programmes/schema.json', import.meta.url));

mkdirSync(fileURLToPath(new URL('../scenarios/', import.meta.url)), { recursive: true });
mkdirSync(fileURLToPath(new URL('../programmes/', import.meta.url)), { recursive: true });
writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync(programmes, `${JSON.stringify(programmeJsonSchema(), null, 2)}\n`);

const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
if (existsSync(biome)) {
  const r = spawnSync(biome, ['format', '--write', file, programmes], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || r.stdout);
    process.exitCode = 1;
  }
} else {
  process.stderr.write('note: biome not installed; scenarios/schema.json left unformatted\n');
}
process.stdout.write(`wrote ${file} and ${programmes}\n`);
