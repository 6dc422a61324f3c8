import { describe, expect, it } from 'vitest';
import { datasetChoiceOf, DEFAULT_DATASET_FORM, readTypedClasses } from './dataset-choice';

describe('the typed class list', () => {
  it('is absent while blank or comments only', () => {
    expect(readTypedClasses('')).toEqual({ kind: 'none' });
    expect(readTypedClasses('\n  \n# my classes\n')).toEqual({ kind: 'none' });
  });

  it('reads one class per line, with an optional prompt text after a tab', () => {
    expect(readTypedClasses('dog\nretriever\tgolden retriever dog\n')).toEqual({
      kind: 'classes',
      classes: [
        { token: 'dog', name: 'dog', promptName: 'dog' },
        { token: 'retriever', name: 'retriever', promptName: 'golden retriever dog' },
      ],
    });
  });

  it('says what is wrong, naming the typed list and the lines', () => {
    expect(readTypedClasses('cat\ndog\ncat')).toEqual({
      kind: 'invalid',
      problem: "the class list typed in the lab: class 'cat' is listed twice (lines 1 and 3)",
    });
    expect(readTypedClasses('cat\n\tcute cat')).toEqual({
      kind: 'invalid',
      problem: 'the class list typed in the lab: line 2: a prompt name without a class name',
    });
  });
});

describe('the dataset choice of a run', () => {
  it('sends the format and crowd policy, and the typed classes only when they are valid', () => {
    expect(datasetChoiceOf(DEFAULT_DATASET_FORM)).toEqual({ format: 'auto', crowd: 'positive', classes: null });
    expect(datasetChoiceOf({ format: 'folder', crowd: 'ignore', classList: 'boat' })).toEqual({
      format: 'folder',
      crowd: 'ignore',
      classes: [{ token: 'boat', name: 'boat', promptName: 'boat' }],
    });
    expect(datasetChoiceOf({ format: 'folder', crowd: 'positive', classList: 'boat\nboat' }).classes).toBeNull();
  });
});
