import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { AP_CONVENTIONS, AP_CONVENTION_LABELS } from '../../../core/metrics/ap-convention';
import type { CachedGridsResult } from '../../../worker/protocol/lab-protocol';
import { useRunStatus } from '../../state/run-status-store';
import { PromptTemplateField } from './prompt-template-field';

const SCALES = { model: null, paper: PAPER_SCALE.scale, reference: REFERENCE_REPRODUCTION_SCALE.scale } as const;

/** On a reference cache the reproduction's scale is the cache's own: one choice, shown as 'model'. */
function scaleKey(scale: number | null, referenceCache: boolean): keyof typeof SCALES {
  if (scale === PAPER_SCALE.scale) return 'paper';
  if (scale === REFERENCE_REPRODUCTION_SCALE.scale && !referenceCache) return 'reference';
  return 'model';
}

/** Said under Compare's settings on a reference cache: what its scores allow, for the fields that say less. */
export const REFERENCE_CACHE_LIMITS_ID = 'compare-reference-cache-limits';

/** One side of the comparison: a fieldset (role group "Setting A" / "Setting B") of the five settings. */
export function SettingsEditor({
  side,
  settings,
  grids,
  unlabelled = false,
  onChange,
}: {
  side: 'A' | 'B';
  /** No ground truth: the AP convention and difficult handling measure nothing, so they are not offered. */
  unlabelled?: boolean;
  settings: LabSettings;
  /** The grids with a finished run of these images in the browser (a select appears when there are several). */
  grids: CachedGridsResult | undefined;
  onChange: (patch: Partial<LabSettings>) => void;
}) {
  // A reference cache's own scale is the reproduction's; there the temperature moves its global scores only (results panel).
  const referenceCache = useRunStatus((state) => state.fixedScale !== null);
  return (
    <fieldset className={`compare-side side-${side.toLowerCase()}`}>
      <legend>Setting {side}</legend>
      <label className="field">
        Threshold ζ = {settings.zeta.toFixed(2)}
        <input type="range" min={0} max={1} step={0.01} value={settings.zeta} onChange={(event) => onChange({ zeta: Number(event.target.value) })} />
      </label>
      <label className="field">
        λ = {settings.lambda.toFixed(2)}
        <input type="range" min={0} max={1} step={0.05} value={settings.lambda} onChange={(event) => onChange({ lambda: Number(event.target.value) })} />
      </label>
      <label className="field">
        Temperature
        <select
          value={scaleKey(settings.scale, referenceCache)}
          aria-describedby={referenceCache ? REFERENCE_CACHE_LIMITS_ID : undefined}
          onChange={(event) => onChange({ scale: SCALES[event.target.value as keyof typeof SCALES] })}
        >
          <option value="model">{referenceCache ? `the cache's own (${REFERENCE_REPRODUCTION_SCALE.label})` : "the model's own (CLIP: 100)"}</option>
          <option value="paper">{referenceCache ? `${PAPER_SCALE.label}, global scores only` : PAPER_SCALE.label}</option>
          <option value="reference" disabled={referenceCache}>
            {referenceCache ? `${REFERENCE_REPRODUCTION_SCALE.label}: the cache's own, above` : REFERENCE_REPRODUCTION_SCALE.label}
          </option>
        </select>
      </label>
      {!unlabelled && <MetricFields settings={settings} onChange={onChange} />}
      {grids && grids.grids.length > 1 && (
        <label className="field">
          Snippet grid {side}
          <select
            value={settings.grid ?? grids.current}
            onChange={(event) => {
              const grid = Number(event.target.value);
              onChange({ grid: grid === grids.current ? undefined : grid });
            }}
          >
            {grids.grids.map((grid) => (
              <option key={grid} value={grid}>
                {grid}×{grid}
                {grid === grids.current ? ' (this run)' : ' (stored run)'}
              </option>
            ))}
          </select>
        </label>
      )}
      <PromptTemplateField
        side={side}
        template={settings.promptTemplate}
        disabledBy={referenceCache ? REFERENCE_CACHE_LIMITS_ID : null}
        onChange={(promptTemplate) => onChange({ promptTemplate })}
      />
    </fieldset>
  );
}

/** How AP is measured: the convention and the `difficult` objects (only where there is ground truth). */
function MetricFields({ settings, onChange }: { settings: LabSettings; onChange: (patch: Partial<LabSettings>) => void }) {
  return (
    <>
      <label className="field">
        AP convention
        <select value={settings.convention} onChange={(event) => onChange({ convention: event.target.value as LabSettings['convention'] })}>
          {AP_CONVENTIONS.map((convention) => (
            <option key={convention} value={convention}>
              {AP_CONVENTION_LABELS[convention]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Difficult objects
        <select value={settings.difficult} onChange={(event) => onChange({ difficult: event.target.value as LabSettings['difficult'] })}>
          <option value="positive">count as positive (reproduction)</option>
          <option value="ignore">ignored (VOC protocol)</option>
        </select>
      </label>
    </>
  );
}
