/**
 * The EWS calls behind the subscription iterators: Subscribe (pull, push, streaming), GetEvents,
 * Unsubscribe, each checked down to its one response message, and the affinity headers Exchange
 * asks for when several subscriptions share a streaming connection.
 */
import type * as m from '../../generated/messages';
import { NotificationEventTypeTypeValues, type BaseSubscriptionRequestType, type NotificationEventTypeType } from '../../generated/types';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import { EwsMalformedResponseError, EwsSoapFaultError } from '../client/errors';
import type { Impersonation } from '../client/soap-headers';
import { readEnvelope } from '../runtime/envelope-reader';
import { XmlReadError } from '../runtime/errors';
import { readValueAs } from '../runtime/documents';
import { folderEntry, type FolderRef } from '../schema/folders';
import type { WithNewer } from '../schema/release-types';

// SubscribeToAllFolders is Exchange 2010's (2007 SP1 requires FolderIds), StreamingSubscriptionRequest
// Exchange 2010 SP1's: `never` in an SDK generated from an older release's schema.
type SubscriptionSpec = Pick<WithNewer<BaseSubscriptionRequestType, 'SubscribeToAllFolders'>, 'SubscribeToAllFolders' | 'FolderIds' | 'EventTypes'>;
export type SubscribeRequest = WithNewer<m.SubscribeType, 'StreamingSubscriptionRequest'>;

export interface SubscriptionScope {
  /** Folders to watch, or `'all'` for every folder of the mailbox (SubscribeToAllFolders). Default `['inbox']`. */
  readonly folders?: readonly FolderRef[] | 'all';
  /** Default: all seven change events. */
  readonly eventTypes?: readonly NotificationEventTypeType[];
  /** Act as another mailbox (one streaming connection may serve several impersonated mailboxes). */
  readonly impersonation?: Impersonation;
}

/** A response message that is not Success, as an error that keeps its EWS response code. */
export class EwsSubscriptionError extends Error {
  constructor(readonly responseCode: string, message: string) {
    super(`${responseCode}: ${message}`);
    this.name = 'EwsSubscriptionError';
  }
}

/** Response codes that mean the subscription is gone (re-subscribe, from the last watermark if any). */
export const LOST_SUBSCRIPTION_CODES: ReadonlySet<string> = new Set([
  'ErrorExpiredSubscription', 'ErrorSubscriptionNotFound', 'ErrorInvalidSubscription', 'ErrorInvalidPullSubscriptionId', 'ErrorSubscriptionUnsubscribed',
]);

export function scopeOf(scope: SubscriptionScope): SubscriptionSpec {
  const eventTypes = [...(scope.eventTypes ?? NotificationEventTypeTypeValues)];
  // Cast: an SDK generated from a schema older than Exchange 2010 (FolderIds required, no
  // SubscribeToAllFolders) has no type for this spec; with the newest schema it is one already.
  if (scope.folders === 'all') return { SubscribeToAllFolders: true, EventTypes: eventTypes } as unknown as SubscriptionSpec;
  return { FolderIds: (scope.folders ?? ['inbox']).map(folderEntry), EventTypes: eventTypes };
}

export interface Subscribed {
  readonly subscriptionId: string;
  readonly watermark?: string;
  /** X-BackEndOverrideCookie the server set (affinity for streaming groups). */
  readonly backEndCookie?: string;
}

/** Affinity as Exchange documents it for streaming groups: X-AnchorMailbox, server affinity, the back-end cookie. */
export function affinityHeaders(anchorMailbox: string | undefined, backEndCookie: string | undefined, subscribing: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (anchorMailbox !== undefined) headers['X-AnchorMailbox'] = anchorMailbox;
  if (anchorMailbox !== undefined && subscribing) headers['X-PreferServerAffinity'] = 'true';
  if (backEndCookie !== undefined) headers.Cookie = `X-BackEndOverrideCookie=${backEndCookie}`;
  return headers;
}

export async function subscribe(
  client: ExchangeClient, request: SubscribeRequest, scope: SubscriptionScope, options: CallOptions,
): Promise<Subscribed> {
  const { body, headers } = await callWithHeaders(client, 'Subscribe', request, { ...options, impersonation: scope.impersonation });
  const message = oneMessage(body, 'SubscribeResponseMessage') as m.SubscribeResponseMessageType;
  if (!message.SubscriptionId) throw new EwsMalformedResponseError('the SubscribeResponseMessage has no SubscriptionId');
  const cookie = /(?:^|[,;]\s*)X-BackEndOverrideCookie=([^;,]*)/i.exec(headers['set-cookie'] ?? '')?.[1];
  return { subscriptionId: message.SubscriptionId, watermark: message.Watermark, ...(cookie !== undefined && { backEndCookie: cookie }) };
}

export async function unsubscribeQuietly(client: ExchangeClient, subscriptionId: string, scope: SubscriptionScope): Promise<void> {
  await client.call('Unsubscribe', { SubscriptionId: subscriptionId }, { impersonation: scope.impersonation, timeoutMs: 10_000 }).catch(() => undefined);
}

export interface GetEventsAnswer {
  readonly message: m.GetEventsResponseMessageType;
  /** Set when the answer broke the schema but was understood (gromox's `m:x`). */
  readonly diagnostic?: string;
}

/**
 * One GetEvents, its response message checked. gromox names the message `m:x`: the reader keeps it
 * raw, and it is read here as GetEventsResponseMessageType with a diagnostic. An answer with no
 * message at all is an error, never "no events".
 */
export async function getEvents(client: ExchangeClient, subscriptionId: string, watermark: string, scope: SubscriptionScope, options: CallOptions): Promise<GetEventsAnswer> {
  const { body } = await client.call('GetEvents', { SubscriptionId: subscriptionId, Watermark: watermark }, { ...options, impersonation: scope.impersonation });
  const entries = (body.ResponseMessages ?? []) as unknown as (m.ArrayOfResponseMessagesTypeEntry & { $xml?: string })[] & { $unknown?: string[] };
  const known = entries.filter((entry) => entry.$el === 'GetEventsResponseMessage' && typeof entry.$xml !== 'string');
  if (known.length === 1 && entries.length === 1) return { message: checked(known[0]) as m.GetEventsResponseMessageType };
  // Elements the schema does not allow there: kept raw, in place (`$xml`) or on the array (`$unknown`).
  const raw = [...entries.flatMap((entry) => (typeof entry.$xml === 'string' ? [entry.$xml] : [])), ...(entries.$unknown ?? [])];
  if (known.length === 0 && raw.length === 1) {
    const name = /^<([\w.:-]+)/.exec(raw[0])?.[1] ?? 'an unknown element';
    let message: m.GetEventsResponseMessageType;
    try {
      message = readValueAs<m.GetEventsResponseMessageType>(client.schema, raw[0], 'GetEventsResponseMessageType');
    } catch (error) {
      throw new EwsMalformedResponseError(`GetEvents answered <${name}> where m:GetEventsResponseMessage belongs, and it is not a GetEventsResponseMessageType: ${(error as Error).message}`);
    }
    const diagnostic = `GetEvents answered <${name}> where m:GetEventsResponseMessage belongs (a server bug, seen with gromox); its content was read as a GetEventsResponseMessage`;
    return { message: checked({ ...message, $el: 'GetEventsResponseMessage' } as m.ArrayOfResponseMessagesTypeEntry) as m.GetEventsResponseMessageType, diagnostic };
  }
  const found = entries.map((entry) => entry.$el).join(', ') || (raw.length > 0 ? `${raw.length} unknown element(s)` : 'nothing');
  throw new EwsMalformedResponseError(`GetEvents answered without its one m:GetEventsResponseMessage (found ${found})`);
}

/** Calls an operation and also returns the HTTP response headers (Set-Cookie for affinity). */
async function callWithHeaders<Op extends 'Subscribe'>(client: ExchangeClient, operation: Op, request: m.SubscribeType, options: CallOptions) {
  const { body, headers } = await client.open(operation, request, options);
  let content;
  try {
    content = await readEnvelope(client.schema, body as AsyncIterable<Buffer>);
  } catch (error) {
    throw error instanceof XmlReadError ? new EwsMalformedResponseError(error) : error;
  }
  if (content.fault) throw new EwsSoapFaultError(content.fault);
  if (content.body?.element !== 'm:SubscribeResponse') throw new EwsMalformedResponseError(`expected <m:SubscribeResponse>, got ${content.body ? `<${content.body.element}>` : 'an empty soap:Body'}`);
  return { body: content.body.value, headers };
}

/** The single response message named `element`; an Error one throws EwsSubscriptionError. */
function oneMessage(body: unknown, element: string): m.ArrayOfResponseMessagesTypeEntry {
  const entries = (body as { ResponseMessages?: m.ArrayOfResponseMessagesTypeEntry[] }).ResponseMessages ?? [];
  const entry = entries.find((candidate) => candidate.$el === element);
  if (!entry) throw new EwsMalformedResponseError(`expected one m:${element} in the answer, found ${entries.map((e) => e.$el).join(', ') || 'none'}`);
  return checked(entry);
}

export function checked(entry: m.ArrayOfResponseMessagesTypeEntry): m.ArrayOfResponseMessagesTypeEntry {
  if (entry.ResponseClass === 'Error') throw new EwsSubscriptionError(entry.ResponseCode ?? 'ErrorInternalServerError', entry.MessageText ?? 'the server reported an error');
  return entry;
}
