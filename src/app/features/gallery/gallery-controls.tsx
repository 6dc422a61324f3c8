import type { GalleryFilter, GalleryMode, GallerySort } from '../../../core/lab/gallery';
import { naturalClassName } from '../../../core/voc';
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
}

/** Labels shown, label cut, class filter, what to show and the order, with how many images match. */
export function GalleryControlsBar({ classes, shown, total, controls, refined }: ControlsBarProps) {
  const { cut, classToken } = useLabStore((state) => state.view.gallery);
  const set = useLabStore((state) => state.setGallery);
  const { mode, sort, filter } = controls;
  const names = refined ? refinedNames(refined) : null;
  return (
    <div className="controls gallery-controls" role="group" aria-label="Gallery controls">
      <label className="field">
        Labels
        <select aria-label="Pseudo labels shown" value={mode} onChange={(event) => set({ mode: event.target.value as GalleryMode })}>
          <option value="final">final</option>
          <option value="aggregate">aggregate</option>
          <option value="global">global</option>
          {names && <option value="initial">{names.initialOption}</option>}
          {names && <option value="refined">{names.refinedOption}</option>}
        </select>
      </label>
      <label className="field">
        Label cut = {cut.toFixed(2)}
        <input aria-label="Label cut" type="range" min={0.05} max={0.95} step={0.05} value={cut} onChange={(event) => set({ cut: Number(event.target.value) })} />
      </label>
      <label className="field">
        Class
        <select aria-label="Class filter" value={classToken ?? ''} onChange={(event) => set({ classToken: event.target.value || null })}>
          <option value="">every class</option>
          {classes.map((token) => (
            <option key={token} value={token}>
              {naturalClassName(token)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Show
        <select aria-label="Show only" value={filter} onChange={(event) => set({ filter: event.target.value as GalleryFilter })}>
          <option value="all">every image</option>
          <option value="disagrees">aggregate disagrees with global</option>
          <option value="has-missed">with missed labels</option>
          <option value="has-fp">with false positives</option>
          {refined && <option value="refined-changed">where training changed a label</option>}
        </select>
      </label>
      <label className="field">
        Sort
        <select aria-label="Sort images" value={sort} onChange={(event) => set({ sort: event.target.value as GallerySort })}>
          <option value="dataset">split order</option>
          <option value="score">by score (highest first)</option>
          <option value="missed-first">missed labels first</option>
          <option value="disagreement">largest aggregate − global gap first</option>
          {refined && <option value="refinement">largest change by training first</option>}
        </select>
      </label>
      <p className="muted gallery-count" role="status" aria-label="Images shown">
        {shown === total ? `${total} images` : `${shown} of ${total} images`}
      </p>
    </div>
  );
}
