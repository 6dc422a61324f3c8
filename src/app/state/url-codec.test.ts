import { describe, expect, it } from 'vitest';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { DEFAULT_VIEW } from './view-slice';
import { formatCompareSide, formatScale, formatUrlState, parseCompareSide, parseScale, parseUrlState, type UrlState } from './url-codec';

const state: UrlState = {
  view: 'inspector',
  image: 'demo_000042',
  heatClass: 'cat',
  zeta: 0.1,
  lambda: 0.25,
  scale: null,
  convention: 'voc07',
  difficult: 'ignore',
  dataset: 'demo',
  model: 'demo-clip',
  variant: 'fp32',
  grid: 3,
  split: 'val',
  limit: 50,
  backend: 'wasm',
  compare: null,
  gallery: DEFAULT_VIEW.gallery,
  refinedRun: null,
};

describe('workspace URL', () => {
  it('formats every part and reads it back unchanged', () => {
    const search = formatUrlState(state);
    expect(search).toBe(
      '?view=inspector&image=demo_000042&class=cat&zeta=0.1&lambda=0.25&scale=model&ap=voc07&difficult=ignore&dataset=demo&model=demo-clip&variant=fp32&grid=3&split=val&limit=50&backend=wasm',
    );
    // No Compare settings outside the Compare view: absent from the URL and from what it says.
    const { compare: _compare, gallery: _gallery, refinedRun: _refinedRun, ...said } = state;
    expect(parseUrlState(search)).toEqual(said);
  });

  it('writes the gallery’s controls that are not the defaults, and reads them back', () => {
    const gallery = { mode: 'refined' as const, cut: 0.35, sort: 'missed-first' as const, filter: 'has-fp' as const, classToken: 'person' };
    const search = formatUrlState({ ...state, view: 'gallery', gallery, refinedRun: 'm1abc-x7y8z9' });
    expect(search).toContain('&labels=refined&cut=0.35&show=has-fp&sort=missed-first&gallery-class=person&trained=m1abc-x7y8z9');
    expect(parseUrlState(search)).toMatchObject({ gallery, refinedRun: 'm1abc-x7y8z9' });
    // One control changed: only it is written, only it is read.
    const one = formatUrlState({ ...state, gallery: { ...DEFAULT_VIEW.gallery, sort: 'score' } });
    expect(one).toContain('&sort=score');
    expect(one).not.toMatch(/labels=|cut=|show=|gallery-class=|trained=/);
    expect(parseUrlState(one).gallery).toEqual({ sort: 'score' });
    expect(parseUrlState(one).refinedRun).toBeUndefined();
  });

  it('ignores gallery values that do not parse', () => {
    const parsed = parseUrlState('?labels=best&cut=2&show=everything&sort=random&gallery-class=&trained=%3Cscript%3E');
    expect(parsed.gallery).toBeUndefined();
    expect(parsed.refinedRun).toBeUndefined();
    expect(parseUrlState('?cut=0.05&show=disagrees').gallery).toEqual({ cut: 0.05, filter: 'disagrees' });
  });

  it('round-trips the other values: all images, whole split, folders, local models, odd ids', () => {
    const other: UrlState = { ...state, view: 'gallery', image: '2008_000123 a&b', heatClass: null, split: null, limit: null, dataset: 'folder:VOC2012', model: 'local:my-clip', variant: null, scale: PAPER_SCALE.scale };
    const search = formatUrlState(other);
    expect(search).toContain('split=all&limit=all');
    expect(search).toContain('dataset=folder%3AVOC2012');
    expect(search).toContain('scale=paper');
    // No class and no variant: absent from the URL, so absent from what it says (the session's stay).
    const { heatClass: _heatClass, variant: _variant, compare: _compare, gallery: _gallery, refinedRun: _refinedRun, ...said } = other;
    expect(parseUrlState(search)).toEqual(said);
  });

  it('keeps the parameters it does not own, bare flags bare, and replaces its own', () => {
    const search = formatUrlState(state, '?e2e&chunk=8&view=gallery&zeta=0.9');
    expect(search.startsWith('?e2e&chunk=8&view=inspector&')).toBe(true);
    expect(search).toContain('zeta=0.1');
    expect(search).not.toContain('zeta=0.9');
  });

  it('writes slider values short (float32 noise removed)', () => {
    expect(formatUrlState({ ...state, zeta: Math.fround(0.1), lambda: Math.fround(0.35) })).toContain('zeta=0.1&lambda=0.35&');
  });

  it('ignores every value that does not parse, and keeps the ones that do', () => {
    const parsed = parseUrlState(
      '?view=nowhere&image=&class=%3Cscript%3E&zeta=1.5&lambda=abc&scale=-3&ap=voc99&difficult=maybe&dataset=ftp://x&model=no-such-model&variant=fp16&grid=9&split=..%2F..&limit=-1&backend=cuda',
    );
    expect(parsed).toEqual({});
    expect(parseUrlState('?zeta=0&grid=2.5&limit=8&backend=webgpu')).toEqual({ zeta: 0, limit: 8, backend: 'webgpu' });
    expect(parseUrlState('?backend=auto')).toEqual({ backend: 'auto' }); // the default: the adapter decides
    expect(parseUrlState('')).toEqual({});
    expect(parseUrlState('?%E0%A4%A')).toEqual({}); // a malformed escape does not throw
  });

  it('accepts only variants the catalog model has', () => {
    expect(parseUrlState('?model=demo-clip&variant=fp32')).toEqual({ model: 'demo-clip', variant: 'fp32' });
    expect(parseUrlState('?model=demo-clip&variant=quantized')).toEqual({ model: 'demo-clip' });
  });

  it('names the temperature presets, and keeps any other positive scale as a number', () => {
    expect(formatScale(REFERENCE_REPRODUCTION_SCALE.scale)).toBe('reference');
    expect(parseScale('reference')).toBe(REFERENCE_REPRODUCTION_SCALE.scale);
    expect(parseScale('model')).toBeNull();
    expect(parseScale('50')).toBe(50);
    expect(parseScale('0')).toBeUndefined();
    expect(parseScale(null)).toBeUndefined();
  });

  it('carries the two settings of the Compare view, each side whole or not at all', () => {
    const compare = {
      a: { zeta: 0.1, lambda: 0, scale: PAPER_SCALE.scale, convention: 'step', difficult: 'positive' },
      b: { zeta: 0.5, lambda: 0, scale: REFERENCE_REPRODUCTION_SCALE.scale, convention: 'step', difficult: 'positive', promptTemplate: '{name} or a cat' },
    } as const;
    const search = formatUrlState({ ...state, view: 'compare', compare });
    expect(search).toContain('a=0.1%2C0%2Cpaper%2Cstep%2Cpositive');
    expect(parseUrlState(search).compare).toEqual(compare);
    expect(parseUrlState(search.replace('b=0.5', 'b=5')).compare).toBeUndefined();
  });
});

describe('a Compare side in the URL', () => {
  it('round-trips, presets by name and the prompt template apart', () => {
    const side = { zeta: 0.1, lambda: 0.25, scale: 1 / Math.log(100), convention: 'voc07', difficult: 'ignore' } as const;
    const text = formatCompareSide(side);
    expect(text).toBe('0.1,0.25,reference,voc07,ignore');
    expect(parseCompareSide(text, null)).toEqual(side);
    expect(parseCompareSide(text, '{name} or a cat')).toEqual({ ...side, promptTemplate: '{name} or a cat' });
  });

  it('refuses any part that does not parse, and a template without {name}', () => {
    for (const bad of ['0.1,0,model,step', '2,0,model,step,positive', '0.1,0,model,ap11,positive', '0.1,0,hot,step,positive', ',0,model,step,positive']) {
      expect(parseCompareSide(bad, null)).toBeUndefined();
    }
    expect(parseCompareSide('0.5,0,model,step,positive', 'a photo')).toEqual({ zeta: 0.5, lambda: 0, scale: null, convention: 'step', difficult: 'positive' });
  });
});
