import { writeFileSync } from 'node:fs';
import { parameterTableMarkdown } from '../src/model/parameterTable.ts';

writeFileSync(new URL('../docs/parameters.md', import.meta.url), parameterTableMarkdown());
console.log('wrote docs/parameters.md');
