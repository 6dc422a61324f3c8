import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import { parseAnnotationXml } from './annotation-xml';

const FILE = 'Annotations/x.xml';

const object = (name: string, difficult?: string): string =>
  `<object><name>${name}</name>${difficult === undefined ? '' : `<difficult>${difficult}</difficult>`}` +
  '<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>9</xmax><ymax>9</ymax></bndbox></object>';

const annotation = (...objects: string[]): string =>
  '<annotation><folder>VOC2012</folder><filename>x.jpg</filename>' +
  '<source><database>The VOC2007 Database</database><annotation>PASCAL VOC2007</annotation></source>' +
  `<size><width>500</width><height>375</height><depth>3</depth></size>${objects.join('')}</annotation>`;

const parse = (xml: string) => parseAnnotationXml(xml, FILE);

describe('parseAnnotationXml', () => {
  it('reads a single <object> (not an array in the XML tree)', () => {
    const result = parse(annotation(object('dog', '0')));
    expect(result.objects).toEqual([{ name: 'dog', difficult: false }]);
    expect(result.size).toEqual({ width: 500, height: 375, depth: 3 });
    expect(result.filename).toBe('x.jpg');
  });

  it('reads many objects in order, with difficult flags', () => {
    const result = parse(annotation(object('person', '1'), object('dog', '0'), object('person')));
    expect(result.objects).toEqual([
      { name: 'person', difficult: true },
      { name: 'dog', difficult: false },
      { name: 'person', difficult: false },
    ]);
  });

  it('treats a missing or empty <difficult> as 0, and trims names', () => {
    const result = parse(annotation(object('  Dog \n'), object('cat', '')));
    expect(result.objects).toEqual([
      { name: 'Dog', difficult: false },
      { name: 'cat', difficult: false },
    ]);
  });

  it('keeps numeric-looking names as text', () => {
    expect(parse(annotation(object('007'))).objects[0]?.name).toBe('007');
  });

  it('accepts an XML declaration, a BOM, CRLF line ends and no objects', () => {
    const xml = '\uFEFF<?xml version="1.0"?>\r\n<annotation>\r\n<filename>x.jpg</filename>\r\n</annotation>';
    expect(parse(xml)).toEqual({ filename: 'x.jpg', size: null, objects: [] });
    expect(parse('<annotation/>').objects).toEqual([]);
  });

  it('rejects malformed XML with the file, line and column', () => {
    const xml = '<annotation>\n  <object><name>dog</name>\n</annotation>';
    expect(() => parse(xml)).toThrow(DataError);
    expect(() => parse(xml)).toThrow(/^Annotations\/x\.xml: malformed XML at line 3, column \d+: /);
    expect(() => parse('not xml at all')).toThrow(/Annotations\/x\.xml: malformed XML/);
    expect(() => parse('<a></a><b></b>')).toThrow(/Multiple possible root nodes/);
    expect(() => parse(' \n')).toThrow(`${FILE}: empty file`);
  });

  it('rejects a document that is not a VOC annotation', () => {
    expect(() => parse('<svg><g/></svg>')).toThrow(`${FILE}: no <annotation> root element`);
  });

  it('rejects an object without a name and a non-numeric difficult flag', () => {
    expect(() => parse(annotation(object('dog'), '<object><pose>Left</pose></object>'))).toThrow(
      `${FILE}: <object> #2 has no <name>`,
    );
    expect(() => parse(annotation(object('dog', 'yes')))).toThrow(/#1: <difficult> is "yes"/);
  });

  it('gives no size when <size> is missing or not positive', () => {
    const xml = '<annotation><size><width>0</width><height>375</height></size></annotation>';
    expect(parse(xml).size).toBeNull();
  });
});
