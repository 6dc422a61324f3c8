import { naturalClassName } from '../voc/voc-classes';

/** The paper's prompt template (spec §1); `{name}` is replaced by each class's natural name. */
export const DEFAULT_PROMPT_TEMPLATE = 'a photo of a {name}';

export function validatePromptTemplate(template: string): string | null {
  if (!template.includes('{name}')) return `the prompt template '${template}' has no {name} placeholder`;
  return null;
}

/**
 * One prompt per class. VOC folder tokens are not words, so prompts use natural names
 * (diningtable → "dining table") unless the caller gives its own names.
 */
export function buildPrompts(
  classes: readonly string[],
  template = DEFAULT_PROMPT_TEMPLATE,
  names: readonly string[] = classes.map(naturalClassName),
): string[] {
  const problem = validatePromptTemplate(template);
  if (problem) throw new RangeError(problem);
  if (names.length !== classes.length) {
    throw new RangeError(`${names.length} class names given for ${classes.length} classes`);
  }
  return names.map((name) => template.replaceAll('{name}', name));
}

/** The user's prompt choices: a template and, per class token, a name that replaces the natural one. */
export interface PromptChoice {
  readonly template: string;
  /** Class token → name used in the prompt; classes not listed keep their natural name. */
  readonly classNames: Readonly<Record<string, string>>;
}

export const DEFAULT_PROMPT_CHOICE: PromptChoice = { template: DEFAULT_PROMPT_TEMPLATE, classNames: {} };

/**
 * Prompts for `classes` under a choice; a class the choice does not name gets its default name (the
 * dataset's prompt name: VOC's natural name, a class list's own prompt text). A blank name is refused rather than silently becoming the
 * natural one: an empty class word would give every class the same prompt.
 */
export function promptsFor(classes: readonly string[], choice: PromptChoice, defaultNames: readonly string[] = classes.map(naturalClassName)): string[] {
  const names = classes.map((token, column) => {
    const name = choice.classNames[token];
    if (name === undefined) return defaultNames[column] ?? naturalClassName(token);
    if (name.trim() === '') throw new RangeError(`the class '${token}' has an empty name`);
    return name.trim();
  });
  return buildPrompts(classes, choice.template, names);
}
