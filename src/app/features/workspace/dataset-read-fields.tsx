import type { LayoutFacts } from '../../../core/datasets/layout-splits';
import { isDatasetFormat } from '../../../core/datasets/multi-label-dataset';
import { FORMAT_LABELS, type DatasetForm } from '../../state/dataset-choice';
import { useLabStore } from '../../state/lab-store';
import { useRunStatus } from '../../state/run-status-store';
import { sameDatasetRef, shownDataset } from '../../state/shown-run';
import { splitsOffered } from '../../state/split-choice';
import { ClassListEditor } from './class-list-editor';
import { FolderContents } from './folder-contents';
import type { DatasetLayoutState } from '../../state/dataset-layout';

/** How to read the chosen folder: its format, COCO's crowd labels, the split, a plain folder's class list. */
export function DatasetReadFields({ layoutState }: { readonly layoutState: DatasetLayoutState }) {
  const { layout, classListInUse } = layoutState;
  const form = useLabStore((state) => state.selection.datasetForm);
  const select = useLabStore((state) => state.select);
  const setForm = (patch: Partial<DatasetForm>) => select({ datasetForm: { ...form, ...patch } });
  const showCrowd = form.format === 'coco' || (form.format === 'auto' && layout?.format === 'coco');
  return (
    <>
      <div className="controls">
        <label className="field">
          Dataset format
          <select value={form.format} onChange={(event) => setForm({ format: event.target.value === 'auto' || !isDatasetFormat(event.target.value) ? 'auto' : event.target.value })}>
            {(Object.keys(FORMAT_LABELS) as DatasetForm['format'][]).map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
        </label>
        <SplitSelect layout={layout} />
      </div>
      <p className="muted" aria-label="Layout found">
        {layoutLine(form.format, layout)}
      </p>
      {layout && <FolderContents layout={layout} />}
      {showCrowd && (
        <fieldset className="controls">
          <legend>COCO crowd annotations</legend>
          {(['positive', 'ignore'] as const).map((crowd) => (
            <label key={crowd}>
              <input type="radio" name="coco-crowd" value={crowd} checked={form.crowd === crowd} onChange={() => setForm({ crowd })} />
              {crowd === 'positive' ? 'counted positive (as the literature does)' : 'ignored'}
            </label>
          ))}
        </fieldset>
      )}
      {classListInUse && <ClassListEditor hasClassesFile={layout?.format === 'folder'} />}
    </>
  );
}

/** The splits the folder offers (split-choice.ts), and the chosen one. */
function SplitSelect({ layout }: { readonly layout: LayoutFacts | null | undefined }) {
  const { split, dataset } = useLabStore((state) => state.selection);
  const select = useLabStore((state) => state.select);
  const runSplits = useRunStatus((state) => (state.shown && sameDatasetRef(shownDataset(state.shown), dataset) ? state.dataset?.splits : undefined));
  const offered = splitsOffered(layout, runSplits);
  const unknownSplit = split !== null && !offered.includes(split);
  return (
    <label className="field">
      Split
      <select value={split ?? ''} onChange={(event) => select({ split: event.target.value || null })}>
        <option value="">{defaultSplitLabel(layout)}</option>
        {offered.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {unknownSplit && <option value={split}>{layout === undefined ? split : `${split} (not in this folder)`}</option>}
      </select>
    </label>
  );
}

function defaultSplitLabel(layout: LayoutFacts | null | undefined): string {
  if (layout === undefined || layout?.format === 'voc') return 'all annotated images';
  if (layout === null || layout.format === 'folder') return 'every photo (no splits)';
  if (layout.format === 'coco' && layout.splits.length > 1) return 'choose a split';
  const chosen = layout.format === 'nus-wide' && layout.splits.includes('train') ? 'train' : layout.splits[0];
  return chosen ? `${chosen} (the default)` : 'the default';
}

const LAYOUT_NAMES: Readonly<Record<LayoutFacts['format'], string>> = {
  voc: 'a PASCAL VOC folder',
  coco: 'a COCO folder',
  'nus-wide': 'a NUS-WIDE folder',
  folder: 'a folder of photos with classes.txt',
};

function layoutLine(format: DatasetForm['format'], layout: LayoutFacts | null | undefined): string {
  if (layout === undefined) return 'Looking at the folder…';
  if (layout === null) {
    if (format === 'auto') return 'No VOC, COCO or NUS-WIDE layout and no classes.txt here: type the classes below to read it as a plain folder of photos.';
    if (format === 'folder') return 'No classes.txt here: type the classes below.';
    return `This is not ${LAYOUT_NAMES[format]}: choose another format, or Auto-detect.`;
  }
  const where = layout.path ? ` in ${layout.path}/` : '';
  const splits = layout.splits.length ? `, splits: ${layout.splits.join(', ')}` : '';
  return `Found ${LAYOUT_NAMES[layout.format]}${where}${splits}.`;
}
