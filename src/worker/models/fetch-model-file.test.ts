import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchModelFile, ModelDownloadError } from './fetch-model-file';

const events = { onResponse: () => {}, onChunk: () => {} };

/** A server whose body ends before the Content-Length it stated (a proxy or a restart cut it off). */
function serve(body: Uint8Array<ArrayBuffer>, contentLength: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (contentLength !== null) headers['Content-Length'] = contentLength;
  vi.stubGlobal('fetch', async () => new Response(new Blob([body]).stream(), { headers }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a model file over the network', () => {
  it('is refused, naming the file and both sizes, when fewer bytes arrive than the response stated', async () => {
    serve(new Uint8Array(600), '1000');
    const download = fetchModelFile('https://hub.test/x/onnx/vision_model.onnx', 'onnx/vision_model.onnx', new AbortController().signal, events);
    await expect(download).rejects.toBeInstanceOf(ModelDownloadError);
    await expect(download).rejects.toThrow(
      'Downloading onnx/vision_model.onnx from https://hub.test/x/onnx/vision_model.onnx was cut off: 600 of 1,000 bytes arrived.',
    );
  });

  it('is whole when the stated size arrived, or when no size was stated', async () => {
    serve(new Uint8Array(1000).fill(7), '1000');
    const whole = await fetchModelFile('https://hub.test/a', 'a', new AbortController().signal, events);
    expect(new Uint8Array(whole)).toEqual(new Uint8Array(1000).fill(7));
    serve(new Uint8Array(600), null);
    expect((await fetchModelFile('https://hub.test/a', 'a', new AbortController().signal, events)).byteLength).toBe(600);
  });
});
