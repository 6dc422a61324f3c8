import type { LayoutFacts } from '../../../core/datasets/layout-splits';
import { contentsLine } from './folder-contents-line';

/** The folder checked when it is chosen: what it holds, before any run. */
export function FolderContents({ layout }: { readonly layout: LayoutFacts }) {
  return (
    <p className="muted" role="status" aria-label="Folder contents">
      {contentsLine(layout)}
    </p>
  );
}
