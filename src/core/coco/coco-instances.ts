import { DataError } from '../data-error';

/** What the lab reads of a COCO instances file: images, categories, and each annotation's image and category. */
export interface CocoInstances {
  readonly images: readonly { readonly id: number; readonly fileName: string }[];
  /** In category-id order (COCO's class order). */
  readonly categories: readonly { readonly id: number; readonly name: string }[];
  readonly annotations: readonly { readonly imageId: number; readonly categoryId: number; readonly crowd: boolean }[];
  /** Entries of the file the lab could not use, each said in words. */
  readonly warnings: readonly string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/**
 * Parses an instances file's text. Malformed or truncated JSON, or a file without the `images`,
 * `categories` and `annotations` arrays, is a DataError naming `file`; a single bad entry is left out
 * with a warning (the rest of the dataset is still usable).
 */
export function parseCocoInstances(text: string, file: string): CocoInstances {
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new DataError(file, `malformed or truncated JSON (${why})`);
  }
  if (!isObject(root)) throw new DataError(file, 'not a COCO instances file: the JSON is not an object');
  const arrays = ['images', 'categories', 'annotations'].map((key) => [key, root[key]] as const);
  const missing = arrays.filter(([, value]) => !Array.isArray(value)).map(([key]) => key);
  if (missing.length > 0) throw new DataError(file, `not a COCO instances file: no ${missing.join(', ')} array`);
  const warnings: string[] = [];
  const entries = <T>(key: string, read: (entry: Json) => T | null): T[] => {
    let bad = 0;
    const out: T[] = [];
    for (const entry of root[key] as unknown[]) {
      const value = isObject(entry) ? read(entry) : null;
      if (value === null) bad++;
      else out.push(value);
    }
    if (bad > 0) warnings.push(`${file}: ${bad} ${key} entr${bad === 1 ? 'y' : 'ies'} without the fields the lab needs, left out`);
    return out;
  };
  const images = entries('images', (e) => (isWhole(e.id) && typeof e.file_name === 'string' && e.file_name !== '' ? { id: e.id, fileName: e.file_name } : null));
  const categories = entries('categories', (e) => (isWhole(e.id) && typeof e.name === 'string' && e.name.trim() !== '' ? { id: e.id, name: e.name.trim() } : null));
  const annotations = entries('annotations', (e) =>
    isWhole(e.image_id) && isWhole(e.category_id) ? { imageId: e.image_id, categoryId: e.category_id, crowd: e.iscrowd === 1 || e.iscrowd === true } : null,
  );
  return { images, categories: [...categories].sort((a, b) => a.id - b.id), annotations, warnings };
}
