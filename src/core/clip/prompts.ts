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
