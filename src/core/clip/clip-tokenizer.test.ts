import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VOC_CLASSES } from '../voc/voc-classes';
import { createClipTokenizer } from './clip-tokenizer';
import { buildPrompts } from './prompts';

const DIR = 'e2e/fixtures/clip-bpe';
const readJson = (name: string) => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as object;
/** Ids from CLIP's own reference tokenizer (see the fixture's SOURCE.md). */
const expected = readJson('expected-ids.json') as { cases: { text: string; ids: number[] }[]; sot: number; eot: number };
const tokenizer = createClipTokenizer({ tokenizer: readJson('tokenizer.json'), config: readJson('tokenizer_config.json') });

describe('CLIP tokenizer (real vocabulary, tokenizer.json read by @huggingface/tokenizers)', () => {
  it.each(expected.cases.map((c) => [c.text, c.ids] as const))('%j gives CLIP’s reference ids', (text, ids) => {
    expect(tokenizer.encode(text)).toEqual(ids);
  });

  it('pads to 77 with the configured pad token (<|endoftext|>) and masks the padding', () => {
    const batch = tokenizer.encodeBatch(['a photo of a dog', 'a photo of a dining table']);
    expect(batch.rows).toBe(2);
    expect(tokenizer.padTokenId).toBe(expected.eot);
    const row = (r: number) => Array.from(batch.inputIds.slice(r * 77, (r + 1) * 77), Number);
    const mask = (r: number) => Array.from(batch.attentionMask.slice(r * 77, (r + 1) * 77), Number);
    const dog = expected.cases.find((c) => c.text === 'a photo of a dog')!.ids;
    expect(row(0).slice(0, dog.length)).toEqual(dog);
    expect(row(0).slice(dog.length)).toEqual(new Array(77 - dog.length).fill(expected.eot));
    expect(mask(0)).toEqual([...new Array(dog.length).fill(1), ...new Array(77 - dog.length).fill(0)]);
    expect(mask(1).filter(Boolean)).toHaveLength(8); // sot a photo of a dining table eot
    expect(batch.truncated).toEqual([]);
  });

  it('truncates a text longer than the context, keeping <|endoftext|> last', () => {
    const long = Array.from({ length: 100 }, () => 'dog').join(' ');
    const batch = tokenizer.encodeBatch([long]);
    expect(batch.truncated).toEqual([long]);
    expect(Number(batch.inputIds[0])).toBe(expected.sot);
    expect(Number(batch.inputIds[76])).toBe(expected.eot);
    expect(Array.from(batch.attentionMask).every((m) => m === 1n)).toBe(true);
  });
});

describe('prompts', () => {
  it('use natural names with the paper’s template', () => {
    const prompts = buildPrompts(VOC_CLASSES);
    expect(prompts[10]).toBe('a photo of a dining table');
    expect(prompts[15]).toBe('a photo of a potted plant');
    expect(prompts[19]).toBe('a photo of a tv monitor');
    expect(prompts).toEqual(expected.cases.slice(0, 20).map((c) => c.text));
  });

  it('take a custom template and names, and reject a template without {name}', () => {
    expect(buildPrompts(['cat'], 'a blurry photo of the {name}.', ['kitten'])).toEqual(['a blurry photo of the kitten.']);
    expect(() => buildPrompts(['cat'], 'a photo')).toThrow(/no \{name\} placeholder/);
  });
});
