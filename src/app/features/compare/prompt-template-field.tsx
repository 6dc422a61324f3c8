import { useEffect, useState } from 'react';
import { validatePromptTemplate } from '../../../core/clip/prompts';

/**
 * The side's prompt set: blank = the prompts in force. Applied on Enter or when leaving the field
 * (each new template runs the text encoder once), refused in place when it has no {name}.
 */
export function PromptTemplateField({
  side,
  template,
  disabledBy = null,
  onChange,
}: {
  side: 'A' | 'B';
  template: string | undefined;
  /** The id of the sentence saying why prompts cannot change here (a reference cache); null: they can. */
  disabledBy?: string | null;
  onChange: (template: string | undefined) => void;
}) {
  const [draft, setDraft] = useState(template ?? '');
  useEffect(() => setDraft(template ?? ''), [template]);
  const problem = draft.trim() === '' ? null : validatePromptTemplate(draft);
  const apply = () => {
    if (problem) return;
    const next = draft.trim() === '' ? undefined : draft;
    if (next !== template) onChange(next);
  };
  return (
    <label className="field wide">
      Prompt template {side}
      <input
        type="text"
        value={draft}
        placeholder="the prompts in force"
        disabled={disabledBy !== null}
        aria-describedby={disabledBy ?? undefined}
        aria-invalid={problem !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
      {problem && <span className="field-error">{problem}</span>}
    </label>
  );
}
