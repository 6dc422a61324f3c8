import { DataError } from '../data-error';

/** Anything a plain 'a/b/c' path needs cleaning of: empty or '.' names, or '..'. */
const UNTIDY = /(^|\/)\.{0,2}(\/|$)/;

/**
 * A path as a key: names joined by single '/', no leading or trailing '/', no '.' names, so
 * 'Annotations/', '/Annotations' and 'Annotations' are one folder, as they are on disk. Null for a
 * path with '..', which could name something outside the dataset.
 */
export function pathKey(path: string): string | null {
  if (!UNTIDY.test(path)) return path; // the common case, without allocating
  const names = path.split('/').filter((name) => name !== '' && name !== '.');
  return names.includes('..') ? null : names.join('/');
}

/**
 * `pathKey`, refusing '..' with a DataError: a crafted image id must not reach outside the dataset
 * (the Node adapter refuses it too).
 */
export function requirePathKey(path: string, label: string): string {
  const key = pathKey(path);
  if (key === null) throw new DataError(displayPath(label, path), 'path is outside the dataset folder');
  return key;
}

/** A dataset path as its folder and file names ([] for the root); '..' refused as above. */
export function pathSegments(path: string, label: string): string[] {
  const key = requirePathKey(path, label);
  return key === '' ? [] : key.split('/');
}

/**
 * What a message calls a file: the source's label and the path. Not `joinPath`, which would fold
 * the '//' of a URL label.
 */
export function displayPath(label: string, path: string): string {
  const relative = path.replace(/^\/+/, '');
  if (label === '') return relative;
  if (relative === '') return label;
  return label.endsWith('/') ? `${label}${relative}` : `${label}/${relative}`;
}

/** A short text for an unexpected failure (a DOMException's name says more than its message). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name !== 'Error' ? `${error.name}: ` : '';
    return `${name}${error.message}`;
  }
  return String(error);
}

/**
 * Reads a file's contents, naming the file when that fails: a picked file can change on disk or lose
 * its permission between listing and reading (Chromium then rejects with NotReadableError).
 */
export async function readOrFail<T>(shown: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new DataError(shown, `cannot read (${describeError(error)})`);
  }
}
