import type { GalleryFilter, GalleryMode, GallerySort } from '../../../core/lab/gallery';
import { availableFilters, availableSorts, type GalleryAbilities } from '../../../core/lab/gallery-order';
import { naturalClassName } from '../../../core/voc';
import { LabelledField } from '../../components/labelled-field';
import { useLabStore } from '../../state/lab-store';
import { refinedNames } from '../../state/refined-labels';
import type { RefinedLabels } from '../../state/training-store';

interface ControlsBarProps {
  readonly classes: readonly string[];
  readonly shown: number;
  readonly total: number;
  /** The controls in force (training's modes, filter and sort fall back when its labels are not shown). */
  readonly controls: { readonly mode: GalleryMode; readonly sort: GallerySort; readonly filter: GalleryFilter };
  readonly refined: RefinedLabels | null;
  /** Whether the data has ground truth and training's labels: the orders and filters that need them are offered only then. */
  readonly abilities: GalleryAbilities;
}

const FILTER_TEXT: Readonly<Record<GalleryFilter, string>> = {
  all: 'every image',
  disagrees: 'aggregate disagrees with global',
  'has-missed': 'with missed labels',
  'has-fp': 'with false positives',
  'refined-changed': 'where training changed a label',
};

/** With a class chosen, each filter is about that class (core/lab/gallery-filter.ts): the menu says so. */
const CLASS_FILTER_TEXT: Readonly<Record<GalleryFilter, (name: string) => string>> = {
  all: (name) => `every image with ${name}`,
  disagrees: (name) => `aggregate disagrees with global on ${name}`,
  'has-missed': (name) => `with ${name} missed`,
  'has-fp': (name) => `with ${name} a false positive`,
  'refined-changed': (name) => `where training changed ${name}`,
};

const SORT_TEXT: Readonly<Record<GallerySort, string>> = {
  dataset: 'split order',
  score: 'by confidence (highest score first)',
  'label-count': 'by label count (most labels first)',
  margin: 'by margin (scores nearest the cut first)',
  'missed-first': 'missed labels first',
  disagreement: 'largest aggregate − global gap first',
  refinement: 'largest change by training first',
};

/** Labels shown, label cut, class filter, what to show and the order, with how many images match. */
export function GalleryControlsBar({ classes, shown, total, controls, refined, abilities }: ControlsBarProps) {
  const { cut, classToken } = useLabStore((state) => state.view.gallery);
  const set = useLabStore((state) => state.setGallery);
  const { mode, sort, filter } = controls;
  const names = refined ? refinedNames(refined) : null;
  // The class as the menu names it, when it is one of the run's.
  const className = classToken !== null && classes.includes(classToken) ? naturalClassName(classToken) : null;
  return (
    <div className="controls gallery-controls" role="group" aria-label="Gallery controls">
      <LabelledField label="Labels">
        {(id) => (
          <select id={id} value={mode} onChange={(event) => set({ mode: event.target.value as GalleryMode })}>
            <option value="final">final</option>
            <option value="aggregate">aggregate</option>
            <option value="global">global</option>
            {names && <option value="initial">{names.initialOption}</option>}
            {names && <option value="refined">{names.refinedOption}</option>}
          </select>
        )}
      </LabelledField>
      <LabelledField label={`Label cut = ${cut.toFixed(2)}`}>
        {(id) => <input id={id} type="range" min={0.05} max={0.95} step={0.05} value={cut} onChange={(event) => set({ cut: Number(event.target.value) })} />}
      </LabelledField>
      <LabelledField label="Class">
        {(id) => (
          <select id={id} value={classToken ?? ''} onChange={(event) => set({ classToken: event.target.value || null })}>
            <option value="">every class</option>
            {classes.map((token) => (
              <option key={token} value={token}>
                {naturalClassName(token)}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField label="Show">
        {(id) => (
          <select id={id} value={filter} onChange={(event) => set({ filter: event.target.value as GalleryFilter })}>
            {availableFilters(abilities).map((entry) => (
              <option key={entry} value={entry}>
                {className === null ? FILTER_TEXT[entry] : CLASS_FILTER_TEXT[entry](className)}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <LabelledField label="Sort">
        {(id) => (
          <select id={id} value={sort} onChange={(event) => set({ sort: event.target.value as GallerySort })}>
            {availableSorts(abilities).map((entry) => (
              <option key={entry} value={entry}>
                {SORT_TEXT[entry]}
              </option>
            ))}
          </select>
        )}
      </LabelledField>
      <p className="muted gallery-count" role="status" aria-label="Images shown">
        {shown === total ? `${total} images` : `${shown} of ${total} images`}
      </p>
    </div>
  );
}
