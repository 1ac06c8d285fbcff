/**
 * Writer speed: the same 10,000-item FindItem response written by our descriptor-driven writer and,
 * hand-coded without any descriptor work, by xmlbuilder2's document builder (`create().ele()…end()`)
 * and its callback builder (`createCB`).
 *
 * Run: npx ts-node --transpile-only test/runtime/bench/writer-bench.ts
 */
import { create, createCB } from 'xmlbuilder2';
import { writeElement } from '../../../src/runtime';
import { M_NS, miniSchema, T_NS } from '../fixtures/mini-schema';
import { findItemItems } from './find-item-response';
import { medianMs } from './median';

const items = findItemItems(10_000);
const value = {
  ResponseMessages: [{
    $el: 'FindItemResponseMessage', ResponseClass: 'Success', ResponseCode: 'NoError',
    RootFolder: { TotalItemsInView: items.length, IncludesLastItemInRange: true, Items: items },
  }],
};

/** The subset of the two xmlbuilder2 APIs used here: both return the builder to continue with. */
interface Builder {
  ele(name: string, attributes?: Record<string, string>): Builder;
  txt(text: string): Builder;
  up(): Builder;
}

/** The shape of the items built by findItemItems. */
type BenchItem = Record<string, unknown> & {
  $el: string;
  ItemId: Record<string, string>;
  From?: { Mailbox: { Name: string; EmailAddress: string } };
};

function leaf(node: Builder, name: string, text: unknown): Builder {
  return text === undefined ? node : node.ele(name).txt(String(text)).up();
}

function emit(root: Builder): void {
  let node = root.ele('m:FindItemResponse', { 'xmlns:m': M_NS, 'xmlns:t': T_NS }).ele('m:ResponseMessages')
    .ele('m:FindItemResponseMessage', { ResponseClass: 'Success' });
  node = leaf(node, 'm:ResponseCode', 'NoError').ele('m:RootFolder', { TotalItemsInView: String(items.length), IncludesLastItemInRange: 'true' }).ele('t:Items');
  for (const item of items as BenchItem[]) {
    node = node.ele(`t:${item.$el}`).ele('t:ItemId', item.ItemId).up();
    for (const name of ['Subject', 'Importance', 'DateTimeReceived', 'Size']) node = leaf(node, `t:${name}`, item[name]);
    const mailbox = item.From?.Mailbox;
    if (mailbox) node = node.ele('t:From').ele('t:Mailbox').ele('t:Name').txt(mailbox.Name).up().ele('t:EmailAddress').txt(mailbox.EmailAddress).up().up().up();
    for (const name of ['IsRead', 'Start', 'End', 'IsAllDayEvent']) node = leaf(node, `t:${name}`, item[name]);
    node = node.up();
  }
  node.up().up().up().up().up();
}

const documentBuilder = medianMs(() => { const root = create(); emit(root as unknown as Builder); return root.end(); }, 7, 2);
const callbackBuilder = medianMs(() => {
  const parts: string[] = [];
  const builder = createCB({ data: (chunk: string) => { parts.push(chunk); } });
  emit(builder as unknown as Builder);
  builder.end();
  return parts.join('');
}, 7, 2);
const ours = medianMs(() => writeElement(miniSchema, 'm:FindItemResponse', value), 15, 5);
console.log(`document: ${(writeElement(miniSchema, 'm:FindItemResponse', value).length / 1e6).toFixed(1)} M characters, ${items.length} items`);
console.log(`xmlbuilder2 create().ele()…end() (hand-coded): ${documentBuilder.toFixed(1)} ms`);
console.log(`xmlbuilder2 createCB (hand-coded):             ${callbackBuilder.toFixed(1)} ms`);
console.log(`writeElement (descriptor-driven):              ${ours.toFixed(1)} ms`);
