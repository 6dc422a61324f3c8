import { DataError } from '../data-error';
import { createClipTokenizer, type ClipTokenizer } from './clip-tokenizer';
import { parseClipModelConfig, type ClipModelConfig } from './model-signature';

/** What a CLIP model folder says besides its ONNX graphs: preprocessing, logit scale, tokenizer. */
export interface ClipModelMetadata {
  readonly config: ClipModelConfig;
  readonly tokenizer: ClipTokenizer;
}

/**
 * Reads config.json, preprocessor_config.json, tokenizer.json and tokenizer_config.json (hub-layout
 * paths) through `readText`, however the folder is stored (disk, download, picked files). Errors name
 * `<label>/<file>`.
 */
export async function readClipModelMetadata(
  readText: (path: string) => Promise<string> | string,
  label: string,
): Promise<ClipModelMetadata> {
  const config = parseClipModelConfig(await readText('config.json'), await readText('preprocessor_config.json'), label);
  const json = async (path: string): Promise<object> => {
    try {
      return JSON.parse(await readText(path)) as object;
    } catch (error) {
      throw new DataError(`${label}/${path}`, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  const tokenizer = createClipTokenizer({ tokenizer: await json('tokenizer.json'), config: await json('tokenizer_config.json') }, config.contextLength);
  return { config, tokenizer };
}
