import { readFileSync, writeFileSync } from 'node:fs';
import { parameterTableMarkdown, withProgrammeTable } from '../src/model/parameterTable.ts';
import { withParameterValues } from '../src/model/parameterValues.ts';

writeFileSync(new URL('../docs/parameters.md', import.meta.url), parameterTableMarkdown());
const programme = new URL('../docs/programme.md', import.meta.url);
writeFileSync(programme, withParameterValues(withProgrammeTable(readFileSync(programme, 'utf8'))));
const odd = new URL('../docs/ODD.md', import.meta.url);
writeFileSync(odd, withParameterValues(readFileSync(odd, 'utf8')));
console.log(
  'wrote docs/parameters.md, the programme table of docs/programme.md and the parameter values of docs/ODD.md and docs/programme.md',
);
