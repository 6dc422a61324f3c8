import { useMemo } from 'react';
import { galleryOrder } from '../../../core/lab/gallery';
import { useLabQuery } from '../../state/lab-client';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { useGalleryStore } from './gallery-store';

/** Every image's scores at the current setting, and the gallery's order of them under its controls. */
export function useGalleryData(client: PipelineClient) {
  const settings = useRunStore((state) => state.settings);
  const complete = useRunStore((state) => state.phase === 'complete');
  const query = useLabQuery(client, complete ? { kind: 'scores', settings } : null);
  const { mode, cut, sort, filter, classToken } = useGalleryStore();
  const data = query.data ?? null;
  const classIndex = data && classToken !== null ? data.classes.indexOf(classToken) : -1;
  const order = useMemo(
    () => (data ? galleryOrder(data, { mode, cut, sort, filter, difficult: settings.difficult, classIndex: classIndex >= 0 ? classIndex : null }) : []),
    [data, mode, cut, sort, filter, settings.difficult, classIndex],
  );
  const indexOfId = useMemo(() => new Map(data?.ids.map((id, index) => [id, index]) ?? []), [data]);
  return { query, data, order, indexOfId, marking: { mode, cut, difficult: settings.difficult } };
}
