import { Tokenizer } from '@huggingface/tokenizers';

/**
 * CLIP's text side: the model's own `tokenizer.json` (the public CLIP format, read by a maintained
 * library, so a real model's tokenizer goes through the same code), wrapped to produce what the text
 * encoder takes: int64 [texts, contextLength] ids and attention mask, padded with the model's pad id.
 */
export interface TokenizedTexts {
  readonly rows: number;
  readonly contextLength: number;
  /** [rows, contextLength] row-major; <|startoftext|> … <|endoftext|> then padding. */
  readonly inputIds: BigInt64Array;
  /** 1 for real tokens (including both specials), 0 for padding. */
  readonly attentionMask: BigInt64Array;
  /** Texts longer than the context, cut to fit with <|endoftext|> kept last (as OpenAI's truncate=True). */
  readonly truncated: readonly string[];
}

export interface ClipTokenizer {
  encode(text: string): number[];
  encodeBatch(texts: readonly string[]): TokenizedTexts;
  readonly padTokenId: number;
  readonly endOfTextId: number;
  readonly contextLength: number;
}

export interface ClipTokenizerFiles {
  /** Parsed tokenizer.json */
  readonly tokenizer: object;
  /** Parsed tokenizer_config.json */
  readonly config: object;
}

export function createClipTokenizer(files: ClipTokenizerFiles, contextLength = 77): ClipTokenizer {
  const tokenizer = new Tokenizer(files.tokenizer, files.config);
  const endOfTextId = tokenId(tokenizer, '<|endoftext|>');
  const padToken = stringField(files.config, 'pad_token') ?? '<|endoftext|>';
  const padTokenId = tokenId(tokenizer, padToken);
  const encode = (text: string) => tokenizer.encode(text).ids;
  return {
    encode,
    padTokenId,
    endOfTextId,
    contextLength,
    encodeBatch(texts) {
      const inputIds = new BigInt64Array(texts.length * contextLength).fill(BigInt(padTokenId));
      const attentionMask = new BigInt64Array(texts.length * contextLength);
      const truncated: string[] = [];
      texts.forEach((text, row) => {
        let ids = encode(text);
        if (ids.length > contextLength) {
          ids = [...ids.slice(0, contextLength - 1), endOfTextId];
          truncated.push(text);
        }
        ids.forEach((id, k) => {
          inputIds[row * contextLength + k] = BigInt(id);
          attentionMask[row * contextLength + k] = 1n;
        });
      });
      return { rows: texts.length, contextLength, inputIds, attentionMask, truncated };
    },
  };
}

function tokenId(tokenizer: Tokenizer, token: string): number {
  const [id] = tokenizer.encode(token, { add_special_tokens: false }).ids;
  if (id === undefined) throw new Error(`the tokenizer has no token ${token}`);
  return id;
}

function stringField(object: object, key: string): string | undefined {
  const value = (object as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  // tokenizer_config.json may hold an AddedToken object: {"content": "<|endoftext|>", …}
  if (value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') {
    return (value as { content: string }).content;
  }
  return undefined;
}
