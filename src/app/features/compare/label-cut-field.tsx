import { LabelledField } from '../../components/labelled-field';
import { useLabStore } from '../../state/lab-store';

/** The label cut (a label is predicted when its score is ≥ it): the gallery's, shared, so both views mean the same. */
export function LabelCutField() {
  const cut = useLabStore((state) => state.view.gallery.cut);
  const setGallery = useLabStore((state) => state.setGallery);
  return (
    <LabelledField label={`Label cut = ${cut.toFixed(2)}`}>
      {(id) => <input id={id} type="range" min={0.05} max={0.95} step={0.05} value={cut} onChange={(event) => setGallery({ cut: Number(event.target.value) })} />}
    </LabelledField>
  );
}
