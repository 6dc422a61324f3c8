import type { LabSettings } from '../evaluation/lab-settings';
import { metricLabel } from './compare';

/**
 * What sets Compare's A and B apart, in words: the column headers, the ζ chart's markers and the
 * export choices name the settings that differ (and only those), so "A" and "B" never read alike while
 * they differ, and "A = B" is said only when they are the same setting.
 */
export type SettingKey = 'zeta' | 'lambda' | 'scale' | 'metric' | 'grid' | 'promptTemplate';

export interface SettingDifference {
  readonly key: SettingKey;
  /** The setting's name in a sentence: "temperature", "AP convention and difficult handling". */
  readonly name: string;
  /** A's and B's values as shown: "ζ 0.10", "temperature 100 (paper)". */
  readonly a: string;
  readonly b: string;
}

/** The two temperatures the lab names (the paper's 100 and the reference reproduction's 1/ln 100). */
export interface NamedScales {
  readonly paper: number;
  readonly reference: number;
}

interface Aspect {
  readonly key: SettingKey;
  readonly name: string;
  readonly show: (settings: LabSettings, scales: NamedScales) => string;
}

const ASPECTS: readonly Aspect[] = [
  { key: 'zeta', name: 'ζ', show: (s) => `ζ ${s.zeta.toFixed(2)}` },
  { key: 'lambda', name: 'λ', show: (s) => `λ ${s.lambda.toFixed(2)}` },
  { key: 'scale', name: 'temperature', show: (s, scales) => `temperature ${temperatureName(s.scale, scales)}` },
  { key: 'metric', name: 'AP convention', show: (s) => `AP ${metricLabel(s.convention, s.difficult)}` },
  { key: 'grid', name: 'snippet grid', show: (s) => (s.grid === undefined ? 'this run’s grid' : `${s.grid}×${s.grid} grid`) },
  { key: 'promptTemplate', name: 'prompts', show: (s) => (s.promptTemplate === undefined ? 'prompts in force' : `prompts “${s.promptTemplate}”`) },
];

export function temperatureName(scale: number | null, scales: NamedScales): string {
  if (scale === null) return 'model’s own';
  if (scale === scales.paper) return '100 (paper)';
  if (scale === scales.reference) return '1/ln 100 (reference)';
  return String(Number(scale.toFixed(3)));
}

/** The settings in which A and B differ, in a fixed order (ζ, λ, temperature, AP, grid, prompts). */
export function settingDifferences(a: LabSettings, b: LabSettings, scales: NamedScales): SettingDifference[] {
  return ASPECTS.map(({ key, name, show }) => ({ key, name, a: show(a, scales), b: show(b, scales) })).filter((difference) => difference.a !== difference.b);
}

/** A column header for one side: "A: ζ 0.10, temperature 100 (paper)"; "A (same setting as B)" when nothing differs. */
export function sideHeading(side: 'A' | 'B', differences: readonly SettingDifference[]): string {
  if (differences.length === 0) return `${side} (same setting as ${side === 'A' ? 'B' : 'A'})`;
  return `${side}: ${differences.map((difference) => (side === 'A' ? difference.a : difference.b)).join(', ')}`;
}

/** "temperature", "ζ and temperature", "ζ, λ and temperature". */
export function differenceNames(differences: readonly SettingDifference[]): string {
  const names = differences.map((difference) => difference.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The ζ chart's marker text where A and B stand at the same ζ: "A = B" only for the same setting,
 * else both named with what differs ("A, B: temperature differs"). Null when their ζ differ (each
 * line is then labelled A or B at its own ζ).
 */
export function sharedZetaMarker(differences: readonly SettingDifference[]): string | null {
  if (differences.some((difference) => difference.key === 'zeta')) return null;
  if (differences.length === 0) return 'A = B';
  return `A, B: ${differenceNames(differences)} ${differences.length === 1 ? 'differs' : 'differ'}`;
}

/**
 * What a one-click preset changed on each side, for the sentence that says so: "B: ζ 0.50 → 0.10,
 * temperature model’s own → 1/ln 100 (reference)". Sides left as they were are not named.
 */
export function presetChanges(
  before: { readonly a: LabSettings; readonly b: LabSettings },
  after: { readonly a: LabSettings; readonly b: LabSettings },
  scales: NamedScales,
): string[] {
  return (['a', 'b'] as const).flatMap((side) => {
    const changes = ASPECTS.map(({ show }) => [show(before[side], scales), show(after[side], scales)] as const)
      .filter(([was, now]) => was !== now)
      .map(([was, now]) => `${was} → ${now.replace(/^(ζ|λ|temperature|AP) /, '')}`);
    return changes.length === 0 ? [] : [`${side.toUpperCase()}: ${changes.join(', ')}`];
  });
}
