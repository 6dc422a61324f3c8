import type { LayoutFacts } from '../../core/datasets/layout-splits';

/**
 * The splits the Split picker offers: the layout's, asked of the worker when a folder is chosen; while
 * it is being asked, the splits the last run read — only when that run read this same folder (another
 * folder's train/val would be offered, chosen, and fail after Compute).
 */
export function splitsOffered(layout: LayoutFacts | null | undefined, runSplitsOfThisFolder: readonly string[] | undefined): readonly string[] {
  if (layout === undefined) return runSplitsOfThisFolder ?? [];
  return layout === null ? [] : layout.splits;
}

/** Why the selected split cannot be run: the folder is known and does not have it (a link, or a split chosen for the last folder); null when it can. */
export function missingSplit(split: string | null, layout: LayoutFacts | null | undefined): string | null {
  if (split === null || !layout || layout.splits.includes(split)) return null;
  const has = layout.splits.length ? `its splits: ${layout.splits.join(', ')}` : 'it has no splits';
  return `split '${split}' is not in this folder (${has})`;
}
