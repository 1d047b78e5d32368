/**
 * The language of the command line's validation messages: `--lang en|zh`, else the locale
 * (LC_ALL, LC_MESSAGES, LANG, the first one set, as POSIX orders them; `zh…` means Chinese), else
 * English.
 */
import { InvalidArgumentError } from 'commander';
import { LANGS, type Lang, langOfLocale } from '../model/messages.ts';

let chosen: Lang | undefined;

/** The language from the environment's locale. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return langOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** The language messages are printed in. */
export function cliLang(): Lang {
  return chosen ?? localeLang();
}

/** Sets the language (`--lang`), or goes back to the locale's with `undefined`. */
export function setCliLang(lang: Lang | undefined): void {
  chosen = lang;
}

/** Parser for `--lang`. */
export function parseLang(raw: string): Lang {
  const lang = raw.trim().toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang))
    throw new InvalidArgumentError(`Expected one of ${LANGS.join(', ')}.`);
  return lang as Lang;
}
