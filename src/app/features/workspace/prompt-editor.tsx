import { useEffect, useState } from 'react';
import { DEFAULT_PROMPT_CHOICE, validatePromptTemplate, type PromptChoice } from '../../../core/clip/prompts';
import { naturalClassName } from '../../../core/voc/voc-classes';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { clearPromptError, useRunStatus } from '../../state/run-status-store';

/**
 * Prompt template and class names of the finished run. Applying them runs only the text encoder in the
 * worker (or nothing, for a prompt set embedded before) and recomputes the similarities from the stored
 * image embeddings; the next run also starts with them. A class's name defaults to the dataset's prompt
 * name (a class list's `name<TAB>prompt text`, COCO's category name, VOC's natural name).
 */
export function PromptEditor({ classes }: { classes: readonly string[] }) {
  const { client } = useLabServices();
  const promptChoice = useLabStore((state) => state.selection.promptChoice);
  const select = useLabStore((state) => state.select);
  const { prompts, promptError } = useRunStatus();
  const promptNames = useRunStatus((state) => state.dataset?.promptNames);
  /** What a class's prompt says unless edited: the dataset's own prompt name (a class list's prompt text), else the natural name. */
  const defaultName = (token: string) => promptNames?.[classes.indexOf(token)] ?? naturalClassName(token);
  const [draft, setDraft] = useState<PromptChoice>(promptChoice);
  const [applying, setApplying] = useState(false);
  useEffect(() => setApplying(false), [prompts, promptError]);
  const templateProblem = validatePromptTemplate(draft.template);
  const edited = classes.filter((token) => draft.classNames[token] !== undefined);
  const apply = (choice: PromptChoice) => {
    setDraft(choice);
    select({ promptChoice: choice });
    clearPromptError();
    setApplying(true);
    client.send({ type: 'set-prompts', choice });
  };
  const setName = (token: string, name: string) => {
    const classNames = { ...draft.classNames };
    if (name === defaultName(token)) delete classNames[token];
    else classNames[token] = name;
    setDraft({ ...draft, classNames });
  };
  return (
    <fieldset className="prompt-editor">
      <legend>Prompts</legend>
      <form
        className="controls"
        onSubmit={(event) => {
          event.preventDefault();
          if (!templateProblem) apply(draft);
        }}
      >
        <label className="field wide">
          Prompt template
          <input
            type="text"
            value={draft.template}
            aria-invalid={templateProblem !== null}
            aria-describedby="prompt-template-help"
            onChange={(event) => setDraft({ ...draft, template: event.target.value })}
          />
        </label>
        <button type="submit" disabled={applying || templateProblem !== null}>
          Apply prompts
        </button>
        <button type="button" disabled={applying} onClick={() => apply(DEFAULT_PROMPT_CHOICE)}>
          Reset to the paper's prompts
        </button>
      </form>
      <p id="prompt-template-help" className={templateProblem ? 'banner error' : 'muted'}>
        {templateProblem ?? '{name} is replaced by each class name below.'}
      </p>
      <details>
        <summary>Class names ({edited.length} edited)</summary>
        <table aria-label="Class names in the prompts">
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">name in the prompt</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((token) => (
              <tr key={token}>
                <th scope="row">{token}</th>
                <td>
                  <input
                    type="text"
                    aria-label={`Name of class ${token}`}
                    value={draft.classNames[token] ?? defaultName(token)}
                    onChange={(event) => setName(token, event.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {promptError && (
        <p className="banner error" role="alert">
          The prompts were not changed: {promptError}.
        </p>
      )}
      {prompts && (
        <p className="muted" role="status" aria-label="Prompts in force">
          In force: “{prompts.prompts[0]}”{prompts.prompts.length > 1 ? ` … (${prompts.prompts.length} prompts)` : ''} · text encoder{' '}
          {prompts.textFromCache ? 'not needed (embedded before)' : `${prompts.textEncoderMs.toFixed(0)} ms`} · similarities{' '}
          {prompts.similaritiesMs.toFixed(0)} ms, image encoder not used
        </p>
      )}
    </fieldset>
  );
}
