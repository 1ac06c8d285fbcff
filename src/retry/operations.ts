/**
 * What an EWS operation does to the mailbox, which decides whether a failed request may be sent again.
 * The XSD and the WSDL say nothing about it; a hand-written table by name pattern is enough because the
 * operations of services.wsdl are named by verb, and every one that only reads starts with Get, Find,
 * Sync, Resolve, Expand, Convert or Export, or is ExecuteSearch or SearchMailboxes (checked against all
 * 123 operations of the bundled schema in test/retry/operations.test.ts). A name matching no pattern
 * counts as acting once, so an operation added later is never retried unsafely.
 */

/**
 * - `none`: only reads; sending it again is always safe.
 * - `repeatable`: deletes (and Unsubscribe, EmptyFolder): a second attempt cannot do more than the first,
 *   but may answer differently (ErrorItemNotFound for an item the first attempt deleted).
 * - `once`: creates, sends, moves, copies, updates: a second attempt may act twice.
 */
export type OperationEffect = 'none' | 'repeatable' | 'once';

const READS = /^(Get|Find|Sync|Resolve|Expand|Convert|Export|ExecuteSearch$|SearchMailboxes$)/;
const REPEATABLE = /^(Delete|Unsubscribe$|EmptyFolder$)/;

export function operationEffect(operation: string): OperationEffect {
  if (READS.test(operation)) return 'none';
  return REPEATABLE.test(operation) ? 'repeatable' : 'once';
}
