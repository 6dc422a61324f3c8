import type { MouseEvent } from 'react';
import readme from '../../../../README.md?raw';
import { headingAnchor, markdownSectionSteps } from '../../lib/markdown-steps';

const HEADING = 'The method in five lines';
export const METHOD_ANCHOR = headingAnchor(HEADING);
const STEPS = markdownSectionSteps(readme, HEADING);

/**
 * The README's method section, as the README words it, in a disclosure the form's hint links to (the
 * newcomer has the README, not the team's spec).
 */
export function MethodNote() {
  if (STEPS.length === 0) return null;
  return (
    <details id={METHOD_ANCHOR} className="method-note">
      <summary>README: {HEADING}</summary>
      <ol>
        {STEPS.map((pieces, step) => (
          <li key={step}>{pieces.map((piece, i) => (piece.code ? <code key={i}>{piece.text}</code> : <span key={i}>{piece.text}</span>))}</li>
        ))}
      </ol>
    </details>
  );
}

/** The link to that section: opens the disclosure and brings it into view (no hash in the URL, which holds the view's state). */
export function MethodLink({ children }: { children: string }) {
  const open = (event: MouseEvent) => {
    event.preventDefault();
    const details = document.getElementById(METHOD_ANCHOR);
    if (details instanceof HTMLDetailsElement) {
      details.open = true;
      details.scrollIntoView({ block: 'nearest' });
      details.querySelector('summary')?.focus();
    }
  };
  return (
    <a href={`#${METHOD_ANCHOR}`} onClick={open}>
      {children}
    </a>
  );
}
