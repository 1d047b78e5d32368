/**
 * Validation messages of a programme file: `path: message` (`path：message` in Chinese, as for scenarios), a did-you-mean hint for unknown keys
 * (the keys known at that path of the schema), Chinese on request (programmeMessages.ts).
 */
import { z } from 'zod';
import { issueLine } from './messages.ts';
import { type ProgrammeLang, programmeMessage, translateMessage } from './programmeMessages.ts';
import { closest } from './scenario.ts';

export function formatIssue(root: z.ZodType, issue: z.core.$ZodIssue, lang: ProgrammeLang): string[] {
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(root, issue.path);
    return issue.keys.map((k) => {
      const hint = closest(k, known);
      const where = path ? `${path}.${k}` : k;
      return issueLine(
        where,
        `${programmeMessage('unknown-key', lang)}${hint ? ` (${programmeMessage('did-you-mean', lang)} "${hint}"?)` : ''}`,
        lang,
      );
    });
  }
  if (issue.code === 'invalid_union' && path === 'communities')
    return [issueLine('communities', programmeMessage('communities-form', lang), lang)];
  const message = translateMessage(issue.message, lang);
  return [issueLine(path || '(programme)', message, lang)];
}

function knownKeysAt(root: z.ZodType, path: PropertyKey[]): string[] {
  let shape: z.ZodType = root;
  for (const p of path) {
    const def = unwrap(shape);
    if (def instanceof z.ZodObject) shape = def.shape[String(p)];
    else if (def instanceof z.ZodArray) shape = def.element as z.ZodType;
    else return [];
    if (!shape) return [];
  }
  const def = unwrap(shape);
  return def instanceof z.ZodObject ? Object.keys(def.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (;;) {
    if (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault)
      cur = cur.unwrap() as z.ZodType;
    else if (cur instanceof z.ZodPipe) cur = cur.in as z.ZodType;
    else return cur;
  }
}
