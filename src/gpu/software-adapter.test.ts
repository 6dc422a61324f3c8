import { describe, expect, it } from 'vitest';
import { adapterName, isSoftwareAdapter } from './software-adapter';

describe('isSoftwareAdapter', () => {
  it('recognises headless Chromium’s SwiftShader, a fallback adapter and Mesa’s CPU renderers', () => {
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)', isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'x', architecture: 'y', isFallbackAdapter: true })).toBe(true);
  });

  it('leaves hardware adapters alone', () => {
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3', description: 'Apple M2', isFallbackAdapter: false })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'intel', architecture: 'gen-12lp', isFallbackAdapter: false })).toBe(false);
  });

  it('names an adapter by vendor and architecture', () => {
    expect(adapterName({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true })).toBe('google · swiftshader');
    expect(adapterName({ vendor: '', architecture: '', isFallbackAdapter: false })).toBe('unknown vendor · unknown architecture');
  });
});
