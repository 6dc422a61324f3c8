import { BUILTIN_MODELS, useSelectionStore } from '../../state/selection-store';

export function ModelPanel() {
  const { model, setModel } = useSelectionStore();
  const builtin = BUILTIN_MODELS.find((entry) => entry.ref.kind === 'url' && model.kind === 'url' && entry.id === model.id);
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <label className="field">
        CLIP model
        <select
          value={builtin?.id ?? 'local'}
          onChange={(event) => {
            const entry = BUILTIN_MODELS.find((candidate) => candidate.id === event.target.value);
            if (entry) setModel(entry.ref);
          }}
        >
          {BUILTIN_MODELS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
          {!builtin && <option value="local">{model.id} (your files)</option>}
        </select>
      </label>
      <label className="file-button">
        Choose model files
        <input
          type="file"
          aria-label="Choose model files"
          // @ts-expect-error: webkitdirectory is a non-standard attribute React passes through
          webkitdirectory=""
          multiple
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            const id = files[0]?.webkitRelativePath.split('/')[0] || 'local-model';
            if (files.length) setModel({ kind: 'files', id, files });
          }}
        />
      </label>
      <p className="muted">A folder in the Hugging Face layout of the public CLIP ONNX exports (onnx/vision_model.onnx, onnx/text_model.onnx, tokenizer.json, configs).</p>
    </section>
  );
}
