import { readFileSync, writeFileSync } from 'node:fs';
import { parameterTableMarkdown, withProgrammeTable } from '../src/model/parameterTable.ts';

writeFileSync(new URL('../docs/parameters.md', import.meta.url), parameterTableMarkdown());
const programme = new URL('../docs/programme.md', import.meta.url);
writeFileSync(programme, withProgrammeTable(readFileSync(programme, 'utf8')));
console.log('wrote docs/parameters.md and the programme table of docs/programme.md');
