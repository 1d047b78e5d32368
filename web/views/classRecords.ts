import { h } from '../dom.ts';
import { downloadText } from '../export.ts';
import { t } from '../i18n/index.ts';
import {
  type LessonRecord,
  mergeRecords,
  parseRecordsCsv,
  recordsCsv,
  saveRecords,
} from '../lessons/records.ts';
import { problemSlot } from '../problem.ts';

/**
 * The teacher's part of the lessons: how many records this browser keeps, their export as CSV, the
 * import and merge of several students' CSV files (problems shown beside the import button), and
 * deleting them. `changed` is called after records were added or deleted.
 */
export function classRecordsView(
  records: LessonRecord[],
  changed: (message?: string) => void,
): { root: HTMLElement; render: () => void } {
  const count = h('p', { class: 'muted', 'data-testid': 'lesson-count' });
  const exportCsv = h('button', { type: 'button', 'data-testid': 'lesson-export', i18n: 'lessonExport' });
  const importInput = h('input', {
    id: 'lesson-import',
    type: 'file',
    accept: '.csv,text/csv',
    multiple: true,
    class: 'file-input',
    'data-testid': 'lesson-import',
  });
  const importProblem = problemSlot('lesson-import-problem');
  importProblem.attach(importInput);
  const clear = h('button', { type: 'button', class: 'danger', i18n: 'lessonClear' });
  const root = h(
    'details',
    { class: 'lesson-teacher' },
    h('summary', { i18n: 'lessonTeacher' }),
    h('p', { class: 'help', i18n: 'lessonTeacherHelp' }),
    count,
    h(
      'div',
      { class: 'button-row' },
      exportCsv,
      h('label', { for: 'lesson-import', class: 'button', i18n: 'lessonImport' }),
      importInput,
      clear,
    ),
    importProblem.el,
  );

  function render(): void {
    const students = new Set(records.map((r) => r.student)).size;
    count.textContent = t('lessonCount', { n: records.length, s: students });
    exportCsv.disabled = records.length === 0;
  }

  exportCsv.addEventListener('click', () =>
    downloadText(
      `wushe-lessons-${new Date().toISOString().slice(0, 10)}.csv`,
      recordsCsv(records),
      'text/csv',
    ),
  );
  importInput.addEventListener('change', async () => {
    const files = [...(importInput.files ?? [])];
    importInput.value = '';
    const problems: string[] = [];
    let added = 0;
    for (const f of files) {
      try {
        added += mergeRecords(records, parseRecordsCsv(await f.text()));
      } catch (e) {
        problems.push(t('lessonBadCsv', { name: f.name, columns: (e as Error).message }));
      }
    }
    saveRecords(records);
    importProblem.show(problems.length ? problems : undefined);
    render();
    changed(t('lessonMerged', { n: added, files: files.length - problems.length }));
  });
  clear.addEventListener('click', () => {
    if (!window.confirm(t('lessonClearConfirm'))) return;
    records.length = 0;
    saveRecords(records);
    render();
    changed();
  });

  render();
  return { root, render };
}
