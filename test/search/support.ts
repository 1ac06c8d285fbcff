/**
 * Canned FindItem / FindFolder responses as Exchange 2013+ writes them, and a client that records the
 * typed requests it sends while the real writer, transport and reader carry them.
 */
import type { OperationName, OperationTypes } from '../../generated/operations';
import { ExchangeClient, type CallOptions } from '../../src/client/exchange-client';
import type { SearchClient } from '../../src/search';
import { NS, RecordingTransport, soapResponse } from '../support/soap';

/** Exchange 2013 RTM-era ServerVersionInfo (15.0.775.38 and older send legacy t:Group). */
export const EXCHANGE_2013_RTM = '<h:ServerVersionInfo MajorVersion="15" MinorVersion="0" MajorBuildNumber="775" MinorBuildNumber="38" Version="V2_6" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>';

export interface RootAttributes {
  readonly offset?: number;
  readonly total?: number;
  readonly last?: boolean;
  readonly numerator?: number;
  readonly denominator?: number;
}

function rootAttributes(root: RootAttributes): string {
  return [
    root.offset !== undefined && `IndexedPagingOffset="${root.offset}"`,
    root.numerator !== undefined && `NumeratorOffset="${root.numerator}"`,
    root.denominator !== undefined && `AbsoluteDenominator="${root.denominator}"`,
    root.total !== undefined && `TotalItemsInView="${root.total}"`,
    root.last !== undefined && `IncludesLastItemInRange="${root.last}"`,
  ].filter(Boolean).join(' ');
}

/** A FindItemResponse with one response message per RootFolder content (`<t:Items>…` or `<t:Groups>…`). */
export function findItemResponse(...roots: { readonly root: RootAttributes; readonly content: string }[]): string {
  const messages = roots.map(({ root, content }) =>
    `<m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>` +
    `<m:RootFolder ${rootAttributes(root)}>${content}</m:RootFolder></m:FindItemResponseMessage>`).join('');
  return `<m:FindItemResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>${messages}</m:ResponseMessages></m:FindItemResponse>`;
}

export function findFolderResponse(root: RootAttributes, folders: string): string {
  return `<m:FindFolderResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>` +
    `<m:FindFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>` +
    `<m:RootFolder ${rootAttributes(root)}><t:Folders>${folders}</t:Folders></m:RootFolder>` +
    `</m:FindFolderResponseMessage></m:ResponseMessages></m:FindFolderResponse>`;
}

/** A response message with ResponseClass="Error" (e.g. ErrorFolderNotFound, ErrorServerBusy). */
export function errorResponse(operation: 'FindItem' | 'FindFolder', code: string, text: string, messageXml = ''): string {
  return `<m:${operation}Response xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>` +
    `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${text}</m:MessageText>` +
    `<m:ResponseCode>${code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    (messageXml && `<m:MessageXml>${messageXml}</m:MessageXml>`) +
    `</m:${operation}ResponseMessage></m:ResponseMessages></m:${operation}Response>`;
}

/** One grouped-items element, under its modern (`GroupedItems`) or legacy (`Group`) name. */
export function group(index: string, items: string, element: 'GroupedItems' | 'Group' = 'GroupedItems', summary = ''): string {
  return `<t:${element}><t:GroupIndex>${index}</t:GroupIndex><t:Items>${items}</t:Items>${summary}</t:${element}>`;
}

/** The extra elements Exchange 15+ adds among the groups. */
export const NIL_GROUP = '<t:Group xsi:nil="true"/>';
export const NIL_GROUPED_ITEMS = '<t:GroupedItems xsi:nil="true"/>';

/** An item of element `type` (Message, CalendarItem, MeetingRequest…) with the seed's properties. */
export function item(type: string, id: string, subject: string, received: string, from = 'Sadie Daniels'): string {
  const sender = type === 'CalendarItem' ? '' : `<t:From><t:Mailbox><t:Name>${from}</t:Name><t:RoutingType>SMTP</t:RoutingType></t:Mailbox></t:From>`;
  return `<t:${type}><t:ItemId Id="${id}" ChangeKey="CQAAABYA"/><t:Subject>${subject}</t:Subject>` +
    `<t:DateTimeReceived>${received}</t:DateTimeReceived>${sender}</t:${type}>`;
}

/** `n` messages with ids `${prefix}1`…, received a minute apart. */
export function messages(prefix: string, n: number, from?: string): string {
  return Array.from({ length: n }, (_, i) =>
    item('Message', `${prefix}${i + 1}`, `${prefix} ${i + 1}`, new Date(Date.UTC(2026, 2, 1, 12) - i * 60_000).toISOString(), from)).join('');
}

export interface RecordedSearch {
  readonly client: SearchClient;
  /** Typed request bodies, in the order they were sent. */
  readonly requests: unknown[];
  /** The envelopes as sent on the wire. */
  readonly envelopes: string[];
}

/** A whole response envelope, sent as is (a corpus fixture). */
export interface Envelope {
  readonly envelope: string;
}

/**
 * A real ExchangeClient over a transport that answers the n-th request with `answers[n]`: a SOAP body
 * (wrapped in an envelope with `serverVersion`) or a whole envelope.
 */
export function recordedSearch(answers: readonly (string | Envelope)[], serverVersion?: string): RecordedSearch {
  const transport = new RecordingTransport((_, index) => {
    if (index >= answers.length) throw new Error(`unexpected request #${index + 1}`);
    const answer = answers[index];
    return typeof answer === 'string' ? soapResponse(answer, serverVersion) : answer.envelope;
  });
  const exchange = new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, version: 'Exchange2013_SP1', timeZone: 'UTC' });
  const requests: unknown[] = [];
  const client = {
    call<Op extends OperationName>(operation: Op, request: OperationTypes[Op]['request'], options?: CallOptions) {
      requests.push(request);
      return exchange.call(operation, request, options);
    },
  };
  return { client, requests, get envelopes() { return transport.requests.map((r) => String(r.body)); } };
}
