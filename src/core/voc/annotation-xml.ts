import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataError } from '../data-error';

/** One `<object>` of a VOC annotation, reduced to what image-level labels need. */
export interface VocObject {
  /** As written, trimmed (matched to a class case-insensitively, see voc-labels). */
  readonly name: string;
  readonly difficult: boolean;
}

export interface ImageSize {
  readonly width: number;
  readonly height: number;
  /** null when the file has no usable `<depth>`. */
  readonly depth: number | null;
}

export interface VocAnnotation {
  /** The `<filename>` element, or null when absent. */
  readonly filename: string | null;
  /** null when `<size>` is absent or not positive integers (labels do not need it). */
  readonly size: ImageSize | null;
  readonly objects: readonly VocObject[];
}

type XmlRecord = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep every value a string: a class named "1" must stay "1", and we parse numbers ourselves.
  parseTagValue: false,
  // Only top-level objects: VOC files also hold `<source><annotation>`, which must stay a value.
  isArray: (_tag, jPath) => String(jPath) === 'annotation.object',
});

/**
 * Parses the text of one `Annotations/<id>.xml`. `file` is used in error messages only.
 * Throws DataError for malformed XML (with the validator's line and column) or a VOC structure
 * problem (no `<annotation>` root, an object without a name, a bad `<difficult>` value).
 */
export function parseAnnotationXml(text: string, file: string): VocAnnotation {
  const xml = text.replace(/^\uFEFF/, '');
  if (xml.trim() === '') throw new DataError(file, 'empty file');
  // The parser is lenient with broken markup; the validator is what reports where it breaks.
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    // The validator leaves `col` undefined for some errors despite its typings.
    const where = Number.isFinite(col) ? `line ${line}, column ${col}` : `line ${line}`;
    throw new DataError(file, `malformed XML at ${where}: ${msg}`);
  }
  const doc: unknown = parser.parse(xml);
  const root = isRecord(doc) ? doc['annotation'] : undefined;
  if (root === '') return { filename: null, size: null, objects: [] }; // <annotation/>
  if (!isRecord(root)) throw new DataError(file, 'no <annotation> root element');
  return {
    filename: textOf(root['filename']) ?? null,
    size: readSize(root['size']),
    objects: readObjects(root['object'], file),
  };
}

function readObjects(value: unknown, file: string): VocObject[] {
  if (value === undefined) return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.map((entry: unknown, index) => readObject(entry, index + 1, file));
}

function readObject(entry: unknown, ordinal: number, file: string): VocObject {
  const fields = isRecord(entry) ? entry : {};
  const name = textOf(fields['name'])?.trim() ?? '';
  if (name.length === 0) throw new DataError(file, `<object> #${ordinal} has no <name>`);
  return { name, difficult: readDifficult(fields['difficult'], ordinal, file) };
}

/** VOC writes 0 or 1; a missing or empty element means "not difficult". */
function readDifficult(value: unknown, ordinal: number, file: string): boolean {
  const text = textOf(value)?.trim() ?? '';
  if (text === '') return false;
  if (!/^[+-]?\d+$/.test(text)) {
    throw new DataError(file, `<object> #${ordinal}: <difficult> is "${text}", expected 0 or 1`);
  }
  return Number(text) !== 0;
}

function readSize(value: unknown): ImageSize | null {
  if (!isRecord(value)) return null;
  const width = positiveInt(value['width']);
  const height = positiveInt(value['height']);
  if (width === null || height === null) return null;
  return { width, height, depth: positiveInt(value['depth']) };
}

function positiveInt(value: unknown): number | null {
  const text = textOf(value)?.trim() ?? '';
  // VOC sizes are integers, but some tools write "500.0".
  const number = /^\d+(\.0*)?$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(number) && number > 0 ? number : null;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) return textOf(value['#text']); // an element with mixed content
  return undefined;
}

function isRecord(value: unknown): value is XmlRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
