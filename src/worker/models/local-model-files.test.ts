import { describe, expect, it } from 'vitest';
import { modelFilesFromLocal, readLocalModelFiles } from './local-model-files';

/** A File as <input webkitdirectory> makes it (Node's File has no webkitRelativePath, so it is added). */
function picked(relativePath: string, content = relativePath): File {
  const file = new File([content], relativePath.slice(relativePath.lastIndexOf('/') + 1));
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath });
  return file;
}

const JSON_FILES = ['tokenizer.json', 'config.json', 'preprocessor_config.json', 'tokenizer_config.json'];
const folder = (name: string, paths: readonly string[]) => paths.map((path) => picked(`${name}/${path}`));

describe('local model files', () => {
  it('maps a picked hub-layout folder and ignores what the model does not use', async () => {
    const selection = modelFilesFromLocal(
      folder('clip', ['onnx/vision_model.onnx', 'onnx/text_model.onnx', 'onnx/model.onnx', 'README.md', ...JSON_FILES]),
    );
    expect(selection.problem).toBeNull();
    expect(selection.variant).toBe('fp32');
    expect([...selection.files.keys()].sort()).toEqual(
      ['onnx/text_model.onnx', 'onnx/vision_model.onnx', ...JSON_FILES].sort(),
    );
    expect([...selection.ignored].sort()).toEqual(['clip/README.md', 'clip/onnx/model.onnx']);
    const files = await readLocalModelFiles(selection);
    expect(files.text('config.json')).toBe('clip/config.json');
    expect(new TextDecoder().decode(files.vision)).toBe('clip/onnx/vision_model.onnx');
  });

  it('maps individually picked files by name and finds the precision they are', () => {
    const selection = modelFilesFromLocal(
      ['vision_model_fp16.onnx', 'text_model_fp16.onnx', ...JSON_FILES].map((name) => new File([name], name)),
    );
    expect(selection.problem).toBeNull();
    expect(selection.variant).toBe('fp16');
    expect(selection.files.get('onnx/text_model_fp16.onnx')?.name).toBe('text_model_fp16.onnx');
  });

  it('lists the missing files, towers of the precision found first', async () => {
    const selection = modelFilesFromLocal(
      folder('clip', ['onnx/vision_model.onnx', 'config.json', 'preprocessor_config.json', 'tokenizer_config.json']),
    );
    expect(selection.problem).toBe('missing onnx/text_model.onnx, tokenizer.json');
    await expect(readLocalModelFiles(selection)).rejects.toThrow('missing onnx/text_model.onnx, tokenizer.json');
    expect(modelFilesFromLocal([]).problem).toBe('no files were picked');
  });

  it('prefers the exact hub path and refuses two equally good candidates', () => {
    const parent = [
      ...folder('models', ['a/onnx/vision_model.onnx', 'a/onnx/text_model.onnx', ...JSON_FILES.map((p) => `a/${p}`)]),
      ...folder('models', ['b/config.json']),
    ];
    const selection = modelFilesFromLocal(parent);
    expect(selection.problem).toBe('2 files for config.json (models/a/config.json, models/b/config.json): pick one model folder');
    const exact = modelFilesFromLocal(
      folder('clip', ['onnx/vision_model.onnx', 'onnx/text_model.onnx', 'old/vision_model.onnx', ...JSON_FILES]),
    );
    expect(exact.problem).toBeNull();
    expect(exact.files.get('onnx/vision_model.onnx')?.webkitRelativePath).toBe('clip/onnx/vision_model.onnx');
  });
});
