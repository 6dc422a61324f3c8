import { describe, expect, it } from 'vitest';
import { createLookAhead } from './look-ahead';

/** A fake preparer whose results the test releases by hand, recording what was started when. */
function fakePreparer() {
  const started: number[] = [];
  const pending = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const start = (key: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(key);
      pending.set(key, { resolve, reject });
    });
  return { started, start, finish: (key: number) => pending.get(key)!.resolve(`chunk ${key}`), fail: (key: number) => pending.get(key)!.reject(new Error(`chunk ${key} broke`)) };
}

describe('createLookAhead', () => {
  it('gives results in key order and never has more than `depth` started ahead of the one taken', async () => {
    const fake = fakePreparer();
    const ahead = createLookAhead([10, 11, 12, 13, 14], fake.start, 2);
    expect(fake.started).toEqual([]); // nothing starts before the first take
    const first = ahead.next()!;
    expect(fake.started).toEqual([10, 11, 12]);
    expect(ahead.ahead).toBe(2);
    // Results that finish out of order are still taken in order.
    fake.finish(12);
    fake.finish(10);
    expect(await first).toBe('chunk 10');
    const second = ahead.next()!;
    expect(fake.started).toEqual([10, 11, 12, 13]);
    fake.finish(11);
    expect(await second).toBe('chunk 11');
    expect(await ahead.next()!).toBe('chunk 12');
    expect(fake.started).toEqual([10, 11, 12, 13, 14]);
    fake.finish(13);
    fake.finish(14);
    expect(await ahead.next()!).toBe('chunk 13');
    expect(await ahead.next()!).toBe('chunk 14');
    expect(ahead.next()).toBeNull();
    expect(ahead.ahead).toBe(0);
  });

  it('with depth 0 works one at a time, and handles no keys', () => {
    const fake = fakePreparer();
    const ahead = createLookAhead([1, 2], fake.start, 0);
    void ahead.next();
    expect(fake.started).toEqual([1]);
    expect(createLookAhead([], fake.start, 2).next()).toBeNull();
    expect(() => createLookAhead([1], fake.start, -1)).toThrow(/depth/);
  });

  it('passes a failure to the one who takes that result; untaken failures are not unhandled', async () => {
    const fake = fakePreparer();
    const ahead = createLookAhead([1, 2, 3], fake.start, 2);
    const first = ahead.next()!;
    fake.fail(1);
    fake.fail(3); // never taken: the caller stops at the first failure
    await expect(first).rejects.toThrow('chunk 1 broke');
    await new Promise((resolve) => setTimeout(resolve, 0)); // an unhandled rejection would fail the run here
  });
});
