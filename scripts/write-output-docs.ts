import { writeFileSync } from 'node:fs';
import { outputTableMarkdown } from '../src/batch/outputTable.ts';

writeFileSync(new URL('../docs/outputs.md', import.meta.url), outputTableMarkdown());
console.log('wrote docs/outputs.md');
