/** How the client's and a call's retry settings combine, what they refuse, and that ItemBatches does not retry twice. */
import { ItemBatches, ItemRequestFailedError } from '../../src/batch';
import { basicAuth } from '../../src/client/auth';
import { ExchangeClient } from '../../src/client/exchange-client';
import { retrySettings } from '../../src/retry/options';
import { startSimulator } from '../../src/simulator';
import { VirtualClock } from '../batch/support/virtual-clock';

describe('retrySettings', () => {
  it('fills in the defaults when neither the client nor the call says anything', () => {
    expect(retrySettings(undefined, undefined)).toMatchObject({
      maxAttempts: 5, initialDelayMs: 500, maxDelayMs: 30_000, maxTotalWaitMs: 300_000, retryNonIdempotent: false,
    });
  });

  it('takes the call\'s values over the client\'s, key by key', () => {
    expect(retrySettings({ maxAttempts: 3, initialDelayMs: 100 }, { initialDelayMs: 50, retryNonIdempotent: true }))
      .toMatchObject({ maxAttempts: 3, initialDelayMs: 50, retryNonIdempotent: true });
  });

  it('is off with false on the call, with false on the client unless the call turns it on, and with maxAttempts 1', () => {
    expect(retrySettings({ maxAttempts: 3 }, false)).toBeUndefined();
    expect(retrySettings(false, undefined)).toBeUndefined();
    expect(retrySettings(false, { maxAttempts: 2 })).toMatchObject({ maxAttempts: 2 });
    expect(retrySettings({ maxAttempts: 1 }, undefined)).toBeUndefined();
  });

  it.each([
    [{ maxAttempts: 0 }, 'retry.maxAttempts must be a whole number, 1 or more, not 0'],
    [{ maxAttempts: 2.5 }, 'retry.maxAttempts must be a whole number, 1 or more, not 2.5'],
    [{ initialDelayMs: -1 }, 'retry.initialDelayMs must be a finite number of milliseconds, 0 or more, not -1'],
    [{ maxTotalWaitMs: Number.NaN }, 'retry.maxTotalWaitMs must be a finite number of milliseconds, 0 or more, not NaN'],
  ])('refuses %j with a RangeError', (options, message) => {
    expect(() => retrySettings(options, undefined)).toThrow(new RangeError(message));
  });

  it('refuses bad settings when the client is made, not at its first call', () => {
    expect(() => new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', retry: { maxAttempts: -2 } }))
      .toThrow('retry.maxAttempts must be a whole number, 1 or more, not -2');
  });
});

describe('ItemBatches on a client that retries', () => {
  it('retries a refused chunk by its own maxRetries only: the client does not retry inside the batch', async () => {
    const sim = await startSimulator({ seed: 'retry-settings', throttle: { everyNth: 1, backOffMilliseconds: 40 } });
    const clientClock = new VirtualClock();
    const batchClock = new VirtualClock();
    const client = new ExchangeClient({ url: sim.url, auth: basicAuth('alice@contoso.com', 'Simulator-1'), retry: { clock: clientClock, maxAttempts: 5 } });
    try {
      const batches = new ItemBatches(client, { clock: batchClock, maxRetries: 1 });
      const read = await batches.getItems([{ Id: 'AAMkAD-unknown' }], 'IdOnly');
      expect(read.responses[0]!.error).toBeInstanceOf(ItemRequestFailedError);
      expect(sim.requestCount()).toBe(2);
      expect(batchClock.sleeps).toEqual([40]);
      expect(clientClock.sleeps).toEqual([]);
    } finally {
      client.close();
      await sim.close();
    }
  });
});
