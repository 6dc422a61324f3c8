import { describe, expect, it } from 'vitest';
import { buildPrompts, DEFAULT_PROMPT_CHOICE, promptsFor } from './prompts';

describe('prompts', () => {
  it('uses natural names by default (diningtable → dining table)', () => {
    expect(promptsFor(['diningtable', 'cat'], DEFAULT_PROMPT_CHOICE)).toEqual(['a photo of a dining table', 'a photo of a cat']);
  });

  it('applies the template and per-class names, the others keep their natural names', () => {
    const prompts = promptsFor(['pottedplant', 'tvmonitor'], { template: 'a blurry photo of the {name}.', classNames: { tvmonitor: ' television ' } });
    expect(prompts).toEqual(['a blurry photo of the potted plant.', 'a blurry photo of the television.']);
  });

  it('refuses a template without {name} and an empty class name, naming the problem', () => {
    expect(() => promptsFor(['cat'], { template: 'a photo', classNames: {} })).toThrow("the prompt template 'a photo' has no {name} placeholder");
    expect(() => promptsFor(['cat'], { template: '{name}', classNames: { cat: '  ' } })).toThrow("the class 'cat' has an empty name");
  });

  it('refuses names that do not match the classes', () => {
    expect(() => buildPrompts(['cat', 'dog'], '{name}', ['cat'])).toThrow('1 class names given for 2 classes');
  });
});
