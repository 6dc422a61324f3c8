/**
 * Test-only: what a FileSource must do, as observations that can be compared across adapters. The
 * end-to-end test runs `observeSource` on the Node adapter (the reference) and, served by Vite, on each
 * browser adapter in Chromium over the same tree, and expects equal results.
 */
import { DataError } from '../../../core/data-error';
import type { FileSource } from '../../../core/dataset-source';

/** Written b before a: listings must come back sorted whatever order the store keeps. */
export const CONTRACT_TREE: Readonly<Record<string, string>> = {
  'Annotations/b.xml': '<annotation/>',
  'Annotations/a.xml': 'héllo',
  'ImageSets/Main/train.txt': 'a\n',
};

export type Observations = Record<string, unknown>;

/** A result, or the error: for a DataError its file (relative to the source's label) and problem. */
async function outcome(source: FileSource, run: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await run();
    if (value instanceof Uint8Array) {
      return { bytes: value.byteLength, plain: value.constructor === Uint8Array };
    }
    return value;
  } catch (error) {
    if (!(error instanceof DataError)) return { unexpected: String(error) };
    // Adapters may add a parenthesised detail ("(HTTP 404)"); the problem itself must agree.
    const problem = error.problem.replace(/ \(.*\)$/, '');
    // Where a refused '..' would have led differs by adapter (Node resolves it); the refusal does not.
    if (problem.includes('outside the dataset folder')) return { file: '<outside>', problem: 'outside' };
    if (!error.file.startsWith(source.label)) return { file: error.file, problem };
    return { file: `<root>/${error.file.slice(source.label.length).replace(/^\//, '')}`, problem };
  }
}

export async function observeSource(source: FileSource): Promise<Observations> {
  const checks: Record<string, () => Promise<unknown>> = {
    "listFiles('Annotations')": () => source.listFiles('Annotations'),
    "listFiles('/Annotations/')": () => source.listFiles('/Annotations/'),
    "listFiles('')": () => source.listFiles(''),
    "listDirs('')": () => source.listDirs(''),
    "listDirs('ImageSets')": () => source.listDirs('ImageSets'),
    "listFiles('JPEGImages') (missing)": () => source.listFiles('JPEGImages'),
    "listDirs('Annotations/a.xml') (a file)": () => source.listDirs('Annotations/a.xml'),
    "readText('Annotations/a.xml')": () => source.readText('Annotations/a.xml'),
    "readBytes('Annotations/a.xml')": () => source.readBytes('Annotations/a.xml'),
    "readText('ImageSets/Main/train.txt')": () => source.readText('ImageSets/Main/train.txt'),
    "exists('Annotations/b.xml')": () => source.exists('Annotations/b.xml'),
    "exists('ImageSets/Main')": () => source.exists('ImageSets/Main'),
    "exists('')": () => source.exists(''),
    "exists('Annotations/zzz.xml')": () => source.exists('Annotations/zzz.xml'),
    "exists('Annotations/a.xml/x')": () => source.exists('Annotations/a.xml/x'),
    "readText('Annotations/zzz.xml')": () => source.readText('Annotations/zzz.xml'),
    "readBytes('JPEGImages/x.jpg') (missing folder)": () => source.readBytes('JPEGImages/x.jpg'),
    "readBytes('Annotations')": () => source.readBytes('Annotations'),
    "readText('../outside.txt')": () => source.readText('../outside.txt'),
  };
  const observed: Observations = {};
  for (const [what, run] of Object.entries(checks)) observed[what] = await outcome(source, run);
  return observed;
}
