/**
 * Results as EWS Managed API users know them: a ServiceResponseCollection whose `responses[i]` belongs
 * to input i, and per item a ServiceResponse with result, errorCode, errorMessage, errorDetails
 * (MessageXml) and errorProperties (the paths MessageXml names). A client-side failure is a response
 * too, with `error` set and a `Client…` code unless the server gave a code for the whole request.
 */
import type { ResponseCodeType } from '../../generated/messages';
import { ewsSchema } from '../schema/ews-schema';
import type { ArrayOfRealItemsTypeEntry, ResponseClassType } from '../../generated/types';
import { EwsSoapFaultError } from '../client/errors';
import { overallResult, type ResponseMessage } from '../client/response-messages';
import type { ReadDiagnostic } from '../runtime/diagnostics';
import type { AnyEntry } from '../schema/instance';
import type { PropertyPath } from '../schema/paths';
import type { BatchItemError, ClientErrorCode } from './errors';
import type { UnitOutcome } from './scheduler';

export type ServiceResult = ResponseClassType;

/** An item as the server returns it, tagged with its element (`$el: 'CalendarItem'`…). */
export type RealItem = ArrayOfRealItemsTypeEntry;

export interface ServiceResponse {
  readonly result: ServiceResult;
  /** `NoError` on success; the server's code; or a `Client…` code for a failure on this side. */
  readonly errorCode: ResponseCodeType | ClientErrorCode;
  readonly errorMessage?: string;
  /** MessageXml values by name (`BackOffMilliseconds`, `EffectiveStartDate`…); empty when none. */
  readonly errorDetails: Readonly<Record<string, string>>;
  /** The properties MessageXml names (ErrorInvalidPropertyForOperation…); empty when none. */
  readonly errorProperties: readonly PropertyPath[];
  /** The client-side error when the item's failure was not reported by a response message of its own. */
  readonly error?: BatchItemError;
  /** The server's response message for this item, when one came back. */
  readonly message?: ResponseMessage;
  /** Values in this item's response message that did not fit their schema type (see the reader's diagnostics); empty when none. */
  readonly diagnostics: readonly ReadDiagnostic[];
  /**
   * True when this item's request was sent again after an attempt whose outcome is unknown (only reads
   * and deletes are). For a delete, ErrorItemNotFound then most likely means the first attempt deleted it.
   */
  readonly resentAfterUnknownOutcome?: boolean;
}

/** A response that carries an item: created, read, updated, moved or copied, with its new ItemId/ChangeKey. */
export interface ItemResponse extends ServiceResponse {
  readonly item?: RealItem;
}

export interface ServiceResponseCollection<R extends ServiceResponse = ServiceResponse> {
  /** `responses[i]` belongs to input i. */
  readonly responses: readonly R[];
  /** The worst result among the responses (Success for an empty batch). */
  readonly overallResult: ServiceResult;
}

export function collectionOf<R extends ServiceResponse>(responses: readonly R[]): ServiceResponseCollection<R> {
  // overallResult reads `responseClass`; a view of each response rather than a copy per item.
  return { responses, overallResult: overallResult(responses.map(asResponseClass)) };
}

const asResponseClass = (response: ServiceResponse): { responseClass: ServiceResult } => ({ responseClass: response.result });

/**
 * The response for an outcome, built as one object (no spread of a temporary one per item: a chunk of
 * 100 made 300 objects for 100 responses).
 */
export function responseOf(outcome: UnitOutcome): ServiceResponse {
  const response = outcome.kind === 'answered' ? fromMessage(outcome.message) : failureResponse(outcome.error);
  if (outcome.resentAfterUnknownOutcome) (response as { resentAfterUnknownOutcome?: boolean }).resentAfterUnknownOutcome = true;
  return response;
}

/** The first item of an answered response message (CreateItem, GetItem, UpdateItem, MoveItem, CopyItem). */
export function firstItemOf(outcome: UnitOutcome): RealItem | undefined {
  if (outcome.kind !== 'answered') return undefined;
  const items = (outcome.message.payload as { Items?: RealItem[] }).Items;
  return items?.[0];
}

export function fromMessage(message: ResponseMessage): ServiceResponse {
  const response: { -readonly [K in keyof ServiceResponse]: ServiceResponse[K] } = {
    result: message.responseClass,
    errorCode: message.responseCode,
    errorDetails: message.messageXml,
    errorProperties: pathsIn(message.payload.MessageXml?.$any),
    message,
    diagnostics: message.diagnostics,
  };
  if (message.messageText !== undefined) response.errorMessage = message.messageText;
  return response;
}

/** A failure on this side, or of the whole request; a SOAP fault's own code and details are kept. */
export function failureResponse(error: BatchItemError): ServiceResponse {
  const fault = error.cause instanceof EwsSoapFaultError ? error.cause : undefined;
  return {
    result: 'Error',
    errorCode: (fault?.responseCode as ResponseCodeType | undefined) ?? error.code,
    errorMessage: error.message,
    errorDetails: fault?.values ?? {},
    errorProperties: [],
    error,
    diagnostics: [],
  };
}

export function isFailure(outcome: UnitOutcome): boolean {
  return outcome.kind === 'failed' || outcome.message.responseClass === 'Error';
}

let pathElements: ReadonlySet<string> | undefined;

/** Names of the t:Path substitution group (FieldURI, IndexedFieldURI…), from the schema, once. */
function isPathElement(name: string): boolean {
  pathElements ??= new Set(Object.values(ewsSchema().elements).filter((e) => e.substitutionGroup === 't:Path').map((e) => e.name));
  return pathElements.has(name);
}

/** Shared by every response whose MessageXml names no property (nearly all): nothing to allocate. */
const NO_PATHS: readonly PropertyPath[] = Object.freeze([]);

function pathsIn(entries: readonly AnyEntry[] | undefined): readonly PropertyPath[] {
  if (!entries) return NO_PATHS;
  return entries.filter((e) => isPathElement(e.$el)).map(({ $ns: _ns, ...path }) => path as unknown as PropertyPath);
}
