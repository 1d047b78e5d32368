import { h } from '../dom.ts';
import type { ScenarioEditor } from '../editor.ts';
import { downloadJson } from '../export.ts';
import { lang, t } from '../i18n/index.ts';
import { readScenarioText } from '../issues.ts';
import { problemSlot } from '../problem.ts';
import { shareUrl } from '../share.ts';

/** Import and export of scenario files, and the share link that reproduces the run. */
export function scenarioFileView(editor: ScenarioEditor): { root: HTMLElement; sync: () => void } {
  // an import's problems appear right under the import button, in the interface language
  const problem = problemSlot('import-problem');
  const input = h('input', {
    id: 'scenario-import',
    type: 'file',
    accept: '.json,application/json',
    'data-testid': 'scenario-import',
    class: 'file-input',
  });
  problem.attach(input);
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const r = readScenarioText(text, file.name, lang());
    if (!r.ok) {
      problem.show(r.errors, t('errorImport', { name: file.name }));
      return;
    }
    problem.show(undefined);
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
    problem.el,
    h('p', {}, link, ' ', copy),
  );
  function sync(): void {
    link.href = shareUrl(editor.file);
  }
  sync();
  return { root, sync };
}
