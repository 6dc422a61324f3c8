import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LabSettings } from '../evaluation/lab-settings';
import {
  csvField,
  evaluationReportJson,
  pseudoLabelsCsv,
  pseudoLabelsJson,
  vocClassFiles,
  vocClassFilesZip,
  type ReportEvaluation,
} from './pseudo-label-export';

const settings: LabSettings = { zeta: 0.1, lambda: 0, scale: null, convention: 'step', difficult: 'positive' };
const table = { ids: ['img1', 'img,2'], classes: ['cat', 'dog'], scores: new Float32Array([0.5, 0.25, 0.125, 1]) };
const context = { dataset: 'Demo', split: 'val', model: 'demo-clip', runKey: 'key-1', prompts: null, exportedAt: '2026-01-01T00:00:00.000Z' };

describe('pseudoLabelsCsv', () => {
  it('writes a header and one row per image with 6-decimal scores, quoting ids that need it', () => {
    expect(pseudoLabelsCsv(table)).toBe('image_id,cat,dog\nimg1,0.500000,0.250000\n"img,2",0.125000,1.000000\n');
  });
  it('quotes quotes', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('plain')).toBe('plain');
  });
  it('refuses a table of the wrong shape', () => {
    expect(() => pseudoLabelsCsv({ ...table, scores: new Float32Array(3) })).toThrow(RangeError);
  });
});

describe('pseudoLabelsJson', () => {
  it('keeps every score as a class → score map with the settings and context', () => {
    const json = JSON.parse(pseudoLabelsJson(table, 'final', settings, context));
    expect(json.mode).toBe('final');
    expect(json.settings).toMatchObject({ zeta: 0.1, lambda: 0, scale: null, apConvention: 'step', difficult: 'positive' });
    expect(json.runKey).toBe('key-1');
    expect(json.images).toEqual([
      { id: 'img1', scores: { cat: 0.5, dog: 0.25 } },
      { id: 'img,2', scores: { cat: 0.125, dog: 1 } },
    ]);
  });
});

describe('VOC class files', () => {
  it('writes <class>_<split>.txt with "<id> <score>" lines in split order', () => {
    expect(vocClassFiles(table, 'val')).toEqual([
      { name: 'cat_val.txt', text: 'img1 0.500000\nimg,2 0.125000\n' },
      { name: 'dog_val.txt', text: 'img1 0.250000\nimg,2 1.000000\n' },
    ]);
  });
  it('zips them at the root of one archive', () => {
    const files = unzipSync(vocClassFilesZip(table, 'val'));
    expect(Object.keys(files).sort()).toEqual(['cat_val.txt', 'dog_val.txt']);
    expect(strFromU8(files['dog_val.txt']!)).toBe('img1 0.250000\nimg,2 1.000000\n');
  });
});

describe('evaluationReportJson', () => {
  it('holds settings, context and per mode mAP and per-class AP (4 decimals, null without positives)', () => {
    const result = (mAP: number): ReportEvaluation => ({
      mAP,
      evaluatedClasses: 1,
      classesWithoutPositives: ['dog'],
      perClass: [
        { className: 'cat', ap: mAP, positives: 1, negatives: 1, ignored: 0 },
        { className: 'dog', ap: null, positives: 0, negatives: 2, ignored: 0 },
      ],
    });
    const report = JSON.parse(
      evaluationReportJson({ global: result(50), aggregate: result(75.123456), final: result(100) }, settings, { ...context, images: 2 }),
    );
    expect(report.format).toBe('cdul-evaluation-report');
    expect(report.images).toBe(2);
    expect(report.model).toBe('demo-clip');
    expect(report.settings.apConvention).toBe('step');
    expect(report.modes.aggregate).toEqual({
      mAP: 75.1235,
      evaluatedClasses: 1,
      classesWithoutPositives: ['dog'],
      ap: { cat: 75.1235, dog: null },
      positives: { cat: 1, dog: 0 },
    });
    expect(report.modes.final.mAP).toBe(100);
  });
});
