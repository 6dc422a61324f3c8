import type { FileSource } from '../dataset-source';
import type { LabelMatrix, LabelValue } from '../types';
import type { VocObject } from './annotation-xml';
import { classFilePath, readClassLabels } from './image-sets';

export interface ObjectLabels {
  /** One value per class: 1 any non-difficult object, 0 only difficult ones, -1 none. */
  readonly row: Int8Array;
  /** The objects whose class is in the class list (the ones the row was built from). */
  readonly known: VocObject[];
  /** Distinct names not in the class list, in order of appearance. */
  readonly unknownNames: string[];
}

/** Finds a class's column: exact name first, then ignoring case ("Dog" is dog). */
export type ClassLookup = (name: string) => number | undefined;

export function classLookup(classes: readonly string[]): ClassLookup {
  const exact = new Map(classes.map((name, column) => [name, column]));
  const folded = new Map<string, number>();
  // Reversed so that, if two classes differ only by case, the first one wins.
  for (let column = classes.length - 1; column >= 0; column--) {
    folded.set((classes[column] ?? '').toLowerCase(), column);
  }
  return (name) => exact.get(name) ?? folded.get(name.toLowerCase());
}

/** VOC classification ground truth from an image's objects (devkit VOCreadrecxml, VOCevalcls). */
export function labelsFromObjects(
  objects: readonly VocObject[],
  classes: readonly string[],
  lookup: ClassLookup = classLookup(classes),
): ObjectLabels {
  const row = new Int8Array(classes.length).fill(-1);
  const known: VocObject[] = [];
  const unknown = new Set<string>();
  for (const object of objects) {
    const column = lookup(object.name);
    if (column === undefined) {
      unknown.add(object.name);
      continue;
    }
    // Known objects carry the class's own spelling, so counts per name match the columns.
    known.push({ ...object, name: classes[column] ?? object.name });
    // A non-difficult object makes the class positive; a difficult one only lifts "absent" to 0.
    if (!object.difficult) row[column] = 1;
    else if (row[column] === -1) row[column] = 0;
  }
  return { row, known, unknownNames: [...unknown] };
}

/** The per-class label files of one split, column-aligned with `classes`. */
export interface ClassFileTable {
  readonly split: string;
  readonly classes: readonly string[];
  readonly columns: readonly ReadonlyMap<string, LabelValue>[];
}

export async function loadClassFileTable(
  source: FileSource,
  classes: readonly string[],
  split: string,
): Promise<ClassFileTable> {
  // 20-odd files: reading them together is fine.
  const columns = await Promise.all(classes.map((name) => readClassLabels(source, name, split)));
  return { split, classes, columns };
}

/** The class files of `split` that are missing, so a caller can say why it cannot use them. */
export async function missingClassFiles(
  source: FileSource,
  classes: readonly string[],
  split: string,
): Promise<string[]> {
  const files = classes.map((name) => classFilePath(name, split));
  const present = await Promise.all(files.map((file) => source.exists(file)));
  return files.filter((_, index) => !present[index]);
}

export type ClassFileRow =
  | { readonly row: Int8Array }
  /** The first class file that does not list the image. */
  | { readonly missingFrom: string };

export function classFileRow(table: ClassFileTable, id: string): ClassFileRow {
  const row = new Int8Array(table.columns.length);
  for (const [column, labels] of table.columns.entries()) {
    const value = labels.get(id);
    if (value === undefined) {
      return { missingFrom: classFilePath(table.classes[column] ?? '', table.split) };
    }
    row[column] = value;
  }
  return { row };
}

/** Packs equal-length rows into a row-major LabelMatrix. */
export function packLabelRows(rows: readonly Int8Array[], cols: number): LabelMatrix {
  const data = new Int8Array(rows.length * cols);
  rows.forEach((row, index) => data.set(row, index * cols));
  return { rows: rows.length, cols, data };
}
