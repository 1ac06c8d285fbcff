/** The adaptive limiter: a FIFO bound on requests in flight that the server can lower and successes raise. */
import { AdaptiveLimiter } from '../../src/batch/concurrency';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AdaptiveLimiter', () => {
  it('grants at most `limit` slots, then the next waiter in arrival order as slots are released', async () => {
    const limiter = new AdaptiveLimiter(2);
    const granted: string[] = [];
    const take = (name: string) => limiter.acquire().then((release) => {
      granted.push(name);
      return release!;
    });
    const [a, b] = await Promise.all([take('a'), take('b')]);
    const later = [take('c'), take('d')];
    await tick();
    expect(granted).toEqual(['a', 'b']);
    b();
    b(); // releasing twice frees one slot only
    await tick();
    expect(granted).toEqual(['a', 'b', 'c']);
    a();
    await Promise.all(later);
    expect(granted).toEqual(['a', 'b', 'c', 'd']);
  });

  it('lowers the limit by one per complaint, never below one, and raises it by one after 20 successes', () => {
    const limiter = new AdaptiveLimiter(3);
    limiter.reduce();
    limiter.reduce();
    limiter.reduce();
    expect(limiter.currentLimit).toBe(1);
    for (let i = 0; i < 19; i++) limiter.succeeded();
    expect(limiter.currentLimit).toBe(1);
    limiter.succeeded();
    expect(limiter.currentLimit).toBe(2);
    for (let i = 0; i < 100; i++) limiter.succeeded();
    expect(limiter.currentLimit).toBe(3);
  });

  it('resolves a waiter with undefined when its signal aborts, and skips it when a slot frees', async () => {
    const limiter = new AdaptiveLimiter(1);
    const release = (await limiter.acquire())!;
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort();
    expect(await aborted).toBeUndefined();
    release();
    expect(typeof (await next)).toBe('function');
    expect(await limiter.acquire(AbortSignal.abort())).toBeUndefined();
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new AdaptiveLimiter(0)).toThrow(RangeError);
    expect(() => new AdaptiveLimiter(1.5)).toThrow(RangeError);
  });
});
