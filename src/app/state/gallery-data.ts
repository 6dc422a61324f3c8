import { useMemo } from 'react';
import { withRefinedScores, type GalleryFilter, type GalleryMode, type GallerySort } from '../../core/lab/gallery';
import { abilitiesOf, availableFilters, availableSorts, galleryOrder } from '../../core/lab/gallery-order';
import { useLabStore } from './lab-store';
import { useRefinedLabels } from './refined-labels';
import { useRunStatus, useUnlabelled } from './run-status-store';
import { useLabQuery } from './use-lab-query';

/**
 * Every image's scores at the current setting, and the gallery's order of them under its controls.
 * When a training run's refined labels of this run are shown (training store), they are merged into the
 * data as the modes 'initial' (Y0) and 'refined'; without them, those modes fall back to 'final'. A
 * filter or sort the data does not allow (training's without its labels, the marks' without ground
 * truth) falls back to every image and split order; the store keeps the choice for the next run.
 */
export function useGalleryData() {
  const settings = useLabStore((state) => state.settings);
  const complete = useRunStatus((state) => state.phase === 'complete');
  const query = useLabQuery(complete ? { kind: 'scores', settings } : null);
  const stored = useLabStore((state) => state.view.gallery);
  const scores = query.data ?? null;
  const refined = useRefinedLabels(scores ? { images: scores.ids.length, classes: scores.classes.length } : null);
  const data = useMemo(() => (scores ? withRefinedScores(scores, refined) : null), [scores, refined]);
  const unlabelled = useUnlabelled();
  // The answer's truth is what the order can use; before it arrives, the dataset message says.
  const abilities = data ? abilitiesOf(data) : { truth: !unlabelled, refined: false };
  const mode: GalleryMode = !abilities.refined && (stored.mode === 'initial' || stored.mode === 'refined') ? 'final' : stored.mode;
  const filter: GalleryFilter = availableFilters(abilities).includes(stored.filter) ? stored.filter : 'all';
  const sort: GallerySort = availableSorts(abilities).includes(stored.sort) ? stored.sort : 'dataset';
  const { cut, classToken } = stored;
  const classIndex = data && classToken !== null ? data.classes.indexOf(classToken) : -1;
  const order = useMemo(
    () => (data ? galleryOrder(data, { mode, cut, sort, filter, difficult: settings.difficult, classIndex: classIndex >= 0 ? classIndex : null }) : []),
    [data, mode, cut, sort, filter, settings.difficult, classIndex],
  );
  const indexOfId = useMemo(() => new Map(data?.ids.map((id, index) => [id, index]) ?? []), [data]);
  return { query, data, order, indexOfId, refined, abilities, controls: { mode, sort, filter }, marking: { mode, cut, difficult: settings.difficult } };
}
