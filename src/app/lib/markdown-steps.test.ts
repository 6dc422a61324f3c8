import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingAnchor, inlinePieces, markdownSectionSteps } from './markdown-steps';

describe('markdownSectionSteps', () => {
  it('takes the numbered lines of one section only, code apart and emphasis dropped', () => {
    const text = ['## Other', '1. not this', '## The method', 'intro', '1. first `x = 1` and *y*', '2. **second**', '', '## Next', '3. not this'].join('\n');
    expect(markdownSectionSteps(text, 'The method')).toEqual([
      [
        { code: false, text: 'first ' },
        { code: true, text: 'x = 1' },
        { code: false, text: ' and y' },
      ],
      [{ code: false, text: 'second' }],
    ]);
    expect(markdownSectionSteps(text, 'Missing')).toEqual([]);
  });

  it('finds the five lines of the README the Training view links to', () => {
    const steps = markdownSectionSteps(readFileSync('README.md', 'utf8'), 'The method in five lines');
    expect(steps).toHaveLength(5);
    expect(steps[4]!.map((piece) => piece.text).join('')).toContain('gradient alignment moves the labels');
  });
});

describe('inlinePieces and headingAnchor', () => {
  it('keeps a line without code whole', () => {
    expect(inlinePieces('plain words')).toEqual([{ code: false, text: 'plain words' }]);
  });

  it('gives the anchor GitHub gives the heading', () => {
    expect(headingAnchor('The method in five lines')).toBe('the-method-in-five-lines');
    expect(headingAnchor("The lab's views")).toBe('the-labs-views');
  });
});
