/** A piece of a line of markdown as the app shows it: plain text or `code`. */
export interface InlinePiece {
  readonly code: boolean;
  readonly text: string;
}

/**
 * The numbered items of the section under `heading` (a `## ` line) of a markdown text, each as pieces
 * (`code` kept apart, * and ** emphasis marks dropped): the README's "The method in five lines" shown
 * in the app as the README says it. Empty when the heading is not there.
 */
export function markdownSectionSteps(markdown: string, heading: string): InlinePiece[][] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return [];
  const steps: InlinePiece[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const item = /^\d+\.\s+(.*)$/.exec(line);
    if (item) steps.push(inlinePieces(item[1]!));
  }
  return steps;
}

/** "see `a` and *b*" → text "see ", code "a", text " and b". */
export function inlinePieces(text: string): InlinePiece[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: i % 2 === 1 ? part : part.replace(/\*{1,2}([^*]+)\*{1,2}/g, '$1') }))
    .filter((piece) => piece.text !== '');
}

/** The anchor GitHub gives a heading ("The method in five lines" → "the-method-in-five-lines"). */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
