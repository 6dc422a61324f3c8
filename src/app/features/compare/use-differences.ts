import { useMemo } from 'react';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { settingDifferences, type NamedScales } from '../../../core/lab/compare-differences';

export const NAMED_SCALES: NamedScales = { paper: PAPER_SCALE.scale, reference: REFERENCE_REPRODUCTION_SCALE.scale };

/** The settings A and B differ in (see compare-differences.ts): what headers, markers and titles name. */
export const useDifferences = (a: LabSettings, b: LabSettings) => useMemo(() => settingDifferences(a, b, NAMED_SCALES), [a, b]);
