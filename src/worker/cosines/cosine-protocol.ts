/** Pipeline worker → cosine worker: text embeddings to use from now on, or a block of image rows. */
export type ToCosineWorker =
  | { readonly type: 'text'; readonly version: number; readonly rows: number; readonly cols: number; readonly data: Float32Array }
  | { readonly type: 'rows'; readonly id: number; readonly version: number; readonly rows: number; readonly data: Float32Array };

/** The cosines [rows, classes] of a block, or why not. */
export type FromCosineWorker =
  | { readonly type: 'cosines'; readonly id: number; readonly data: Float32Array }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
