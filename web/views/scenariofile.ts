import { parseJson } from '../../src/model/parse.ts';
import { type ScenarioFile, validateScenario } from '../../src/model/scenario.ts';
import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { downloadJson } from '../export.ts';
import { t } from '../i18n/index.ts';
import { shareUrl } from '../share.ts';

/** Reads scenario text; returns the file as written (defaults not filled in) or the problems, one per line. */
export function readScenarioText(
  text: string,
  name: string,
): { ok: true; file: ScenarioFile } | { ok: false; errors: string[] } {
  const json = parseJson(text, name);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const v = validateScenario(json.value);
  if (!v.ok) return v;
  const { $schema: _schema, ...file } = json.value as ScenarioFile;
  return { ok: true, file };
}

/** Import and export of scenario files, and the share link that reproduces the run. */
export function scenarioFileView(
  editor: ScenarioEditor,
  showError: (title: string, lines: string[]) => void,
  clearError: () => void,
): { root: HTMLElement; sync: () => void } {
  const input = h('input', {
    id: 'scenario-import',
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'scenario-import',
    class: 'file-input',
  });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const r = readScenarioText(text, file.name);
    if (!r.ok) {
      showError(t('errorImport', { name: file.name }), r.errors);
      return;
    }
    clearError();
    editor.replace(r.file, 'import');
  });
  const exportButton = h('button', { type: 'button', class: 'small', i18n: 'exportScenario' });
  exportButton.addEventListener('click', () => downloadJson(`${editor.file.id}.json`, editor.file));
  const link = h('a', { 'data-testid': 'share-link', class: 'share-link', i18n: 'shareLink' });
  const copy = h('button', { type: 'button', class: 'small', i18n: 'copyLink' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.href);
      copy.textContent = t('copied');
      setTimeout(() => {
        copy.textContent = t('copyLink');
      }, 1500);
    } catch {
      // clipboard refused (e.g. not a secure context): the link itself can still be copied
    }
  });
  const root = h(
    'div',
    { class: 'scenario-file' },
    h('h3', { i18n: 'scenarioFile' }),
    h(
      'div',
      { class: 'button-row' },
      h('label', { for: 'scenario-import', class: 'button small', i18n: 'importScenario' }),
      input,
      exportButton,
    ),
    h('p', {}, link, ' ', copy),
  );
  function sync(): void {
    link.href = shareUrl(editor.file);
  }
  sync();
  return { root, sync };
}
