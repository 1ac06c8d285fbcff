/**
 * Export with progress: every item of a folder as its full-fidelity ExportItems blob, streamed (one
 * window of items in memory at a time), with a progress line per item out of the folder's total.
 * The `typed-ews export` command does the same for whole mailboxes, resumably.
 *
 *   npx ts-node examples/export-with-progress.ts
 */
import { ItemBatches, exportItems, findAllItems, findItems, propertySet, type ExchangeClient, type ItemIdType } from 'typed-ews';
import { runExample } from './connect';

export async function exportFolder(client: ExchangeClient, folder: 'inbox' | 'sentitems' = 'sentitems', onProgress = (line: string) => console.error(line)) {
  const total = (await findItems(client, folder, { pageSize: 1 })).totalCount ?? 0;
  async function* ids(): AsyncGenerator<ItemIdType> {
    for await (const item of findAllItems(client, folder, { pageSize: 100, propertySet: propertySet('IdOnly') })) if (item.ItemId) yield item.ItemId;
  }
  let bytes = 0;
  const failed: string[] = [];
  let done = 0;
  for await (const record of exportItems(new ItemBatches(client), ids())) {
    done++;
    if (record.ok) bytes += record.data.length; // write record.data to a file here
    else failed.push(`${record.errorCode}: ${record.message}`);
    onProgress(`exported ${done}/${total} (${bytes} bytes)`);
  }
  return { total, exported: done - failed.length, bytes, failed };
}

if (require.main === module) runExample((client) => exportFolder(client));
