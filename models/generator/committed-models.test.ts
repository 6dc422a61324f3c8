import { describe, expect, it } from 'vitest';
import { compareWithCommitted, committedModelFiles, fileBytes } from './committed-models';
import { onnx } from './onnx-proto';
import { IR_VERSION, OPSET_VERSION, PRODUCER_NAME } from './onnx-serialize';
import { initializersOf } from './__fixtures__/onnx-weights';

/** The committed models are exactly what the generator writes (what `npm run models:check` checks). */
describe('generated models', () => {
  const files = committedModelFiles();

  it('match the committed files byte for byte, with no stale or missing file', () => {
    expect(compareWithCommitted(files)).toEqual([]);
  });

  it('are deterministic: a second generation gives the same bytes', () => {
    const again = committedModelFiles();
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((file, i) => expect(fileBytes(file).equals(fileBytes(files[i]!)), file.path).toBe(true));
  });

  it('have the Hugging Face CLIP ONNX layout', () => {
    const layout = [
      'LICENSE-openai-clip',
      'SOURCE.md',
      'config.json',
      'onnx/text_model.onnx',
      'onnx/vision_model.onnx',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ];
    const inFolder = (name: string) => layout.map((path) => `${name}/${path}`);
    expect(files.map((f) => f.path)).toEqual([...inFolder('tiny-vit'), ...inFolder('demo-clip')]);
  });

  it.each(files.filter((f) => f.path.endsWith('.onnx')).map((f) => [f.path, f] as const))(
    '%s: IR 8, opset 17, fixed producer, every initializer as raw_data',
    (_path, file) => {
      const model = onnx.ModelProto.decode(fileBytes(file));
      expect(Number(model.irVersion)).toBe(IR_VERSION);
      expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', OPSET_VERSION]]);
      expect(model.producerName).toBe(PRODUCER_NAME);
      const initializers = initializersOf(model);
      expect(initializers.length).toBeGreaterThan(0);
      for (const tensor of initializers) {
        expect(tensor.floatData, tensor.name).toHaveLength(0);
        expect(tensor.int64Data, tensor.name).toHaveLength(0);
        const count = tensor.dims.reduce<number>((n, d) => n * Number(d), 1);
        const bytesPerValue = tensor.dataType === onnx.TensorProto.DataType.INT64 ? 8 : 4;
        expect(tensor.rawData.length, tensor.name).toBe(count * bytesPerValue);
      }
    },
  );
});
