/**
 * "Memory flat when paging": typed-ews walks a large folder with `findAllItems`, keeping nothing,
 * and the heap is sampled after a forced GC at every page boundary. Anything retained per page
 * would show as a heap that grows with the page number.
 */
import { findAllItems, propertySet } from '../src/search';
import type { PagingMeasurement, PagingSample } from './cells';
import { connect } from './clients/typed-ews';
import { peakRssKiB } from './peak-rss';

export async function pageThroughFolder(url: string, pageSize: number, collectGarbage: () => void): Promise<PagingMeasurement> {
  const client = connect({ kind: 'http', url });
  const view = { pageSize, propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'item:Categories', 'message:From']) };
  const samples: PagingSample[] = [];
  const start = performance.now();
  let items = 0;
  let touched = 0;
  for await (const item of findAllItems(client, 'inbox', view)) {
    touched += item.Subject?.length ?? 0;
    if (++items % pageSize === 0) sample(samples, items, pageSize, collectGarbage);
  }
  if (items % pageSize !== 0) sample(samples, items, pageSize, collectGarbage);
  const totalMs = performance.now() - start;
  client.close();
  if (touched === 0) throw new Error('paging saw no subjects');
  return { pages: samples.length, items, totalMs, peakRssKiB: peakRssKiB(), samples, via: '`findAllItems` (src/search)' };
}

/** Taken while the current page is still held by the iterator: one page is the floor of what is alive. */
function sample(samples: PagingSample[], items: number, pageSize: number, collectGarbage: () => void): void {
  collectGarbage();
  const memory = process.memoryUsage();
  samples.push({ page: Math.ceil(items / pageSize), items, heapUsedBytes: memory.heapUsed, rssBytes: memory.rss });
}
