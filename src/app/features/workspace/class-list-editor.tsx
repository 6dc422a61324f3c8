import { useRef } from 'react';
import { readTypedClasses } from '../../state/dataset-choice';
import { useLabStore } from '../../state/lab-store';

/**
 * The classes of a plain folder of photos, typed in the lab: one per line, optionally
 * `name<TAB>prompt text` — read by the same parser as a folder's classes.txt, so both agree. Used
 * when the folder has no classes.txt, or to replace it while not blank.
 */
export function ClassListEditor({ hasClassesFile }: { readonly hasClassesFile: boolean }) {
  const form = useLabStore((state) => state.selection.datasetForm);
  const select = useLabStore((state) => state.select);
  const typed = readTypedClasses(form.classList);
  /** Escape hands Tab back to the page, so the field is never a keyboard trap. */
  const tabLeaves = useRef(false);
  const insertTab = (target: HTMLTextAreaElement) => {
    const { selectionStart, selectionEnd, value } = target;
    const classList = `${value.slice(0, selectionStart)}\t${value.slice(selectionEnd)}`;
    select({ datasetForm: { ...form, classList } });
    requestAnimationFrame(() => target.setSelectionRange(selectionStart + 1, selectionStart + 1));
  };
  return (
    <div className="class-list-editor">
      <label className="field wide">
        Class list
        <textarea
          rows={6}
          value={form.classList}
          spellCheck={false}
          aria-invalid={typed.kind === 'invalid'}
          aria-describedby="class-list-help"
          placeholder={'dog\nretriever\tgolden retriever dog'}
          onChange={(event) => select({ datasetForm: { ...form, classList: event.target.value } })}
          onBlur={() => (tabLeaves.current = false)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') tabLeaves.current = true;
            else if (event.key === 'Tab' && !tabLeaves.current && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              insertTab(event.currentTarget);
            }
          }}
        />
      </label>
      <p id="class-list-help" className={typed.kind === 'invalid' ? 'banner error' : 'muted'} role={typed.kind === 'invalid' ? 'alert' : undefined}>
        {typed.kind === 'invalid' ? typed.problem : classListHelp(typed.kind === 'classes' ? typed.classes.length : 0, hasClassesFile)}
      </p>
    </div>
  );
}

function classListHelp(classes: number, hasClassesFile: boolean): string {
  const format = 'One class per line; a Tab, then the text its prompt uses (optional). Lines starting with # are skipped. Escape, then Tab, leaves the field.';
  if (classes > 0) return `${classes} class(es)${hasClassesFile ? ', replacing the folder’s classes.txt' : ''}. ${format}`;
  return hasClassesFile ? `Empty: the folder’s classes.txt is read. ${format}` : `This folder has no classes.txt: type the classes to look for. ${format}`;
}
