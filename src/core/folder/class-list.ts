import { DataError } from '../data-error';
import type { DatasetClass } from '../datasets/multi-label-dataset';

/** The class list of a plain image folder. */
export const CLASS_LIST_FILE = 'classes.txt';

/**
 * A class list: one class per line, optionally `name<TAB>prompt name` (the text the prompt template's
 * `{name}` becomes, e.g. `retriever<TAB>golden retriever dog`). Blank lines and lines starting with `#`
 * are skipped. An empty list, an empty name or a name given twice is a DataError naming `file` and
 * the lines.
 */
export function parseClassList(text: string, file: string): DatasetClass[] {
  const classes: DatasetClass[] = [];
  const lineOf = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [namePart = '', ...promptParts] = raw.split('\t');
      const name = namePart.trim();
      const promptName = promptParts.join(' ').trim() || name;
      if (name === '') throw new DataError(file, `line ${index + 1}: a prompt name without a class name`);
      const earlier = lineOf.get(name);
      if (earlier !== undefined) throw new DataError(file, `class '${name}' is listed twice (lines ${earlier} and ${index + 1})`);
      lineOf.set(name, index + 1);
      classes.push({ token: name, name, promptName });
    });
  if (classes.length === 0) throw new DataError(file, 'the class list is empty: write one class per line');
  return classes;
}

/** Classes typed in the lab (one per line, same rules), named as the place they came from. */
export const typedClassList = (text: string): DatasetClass[] => parseClassList(text, 'the class list typed in the lab');
