/**
 * typed-ews: a schema-first TypeScript SDK for Exchange Web Services.
 *
 * - `ExchangeClient` calls any of the 123 EWS operations with typed requests and responses.
 * - Batched item operations and grouped searches build on it (see README.md).
 * - Every EWS type is generated from the official schemas: `import type { CalendarItemType } from 'typed-ews'`.
 */
export { ExchangeClient, DEFAULT_EXCHANGE_VERSION } from './client/exchange-client';
export type { CallOptions, CallResult, ExchangeClientOptions } from './client/exchange-client';
export { basicAuth, bearerAuth, ntlmAuth, noAuth } from './client/auth';
export type { AuthStrategy, NtlmCredentials, TokenProvider } from './client/auth';
export * from './client/errors';
export { HttpTransport, AxiosTransport } from './client/transport';
export type { Transport, TransportRequest, TransportResponse, HttpTransportOptions, AxiosTransportOptions } from './client/transport';
export { responseMessagesOf, overallResult } from './client/response-messages';
export type { ResponseMessage } from './client/response-messages';
export type { Impersonation, RequestContext } from './client/soap-headers';

export { field, indexedField, extendedField, singlePath, pathOf, fieldUriFor } from './schema/paths';
export { distinguishedFolder, folderId, folderEntry, targetFolder } from './schema/folders';
export type { FolderRef } from './schema/folders';

export * from './batch';
export * from './search';
export * from './notifications';
export * from './autodiscover';
export * from './sync';
export * from './export';
export * from './content';
export * from './values';
export type { PropertyPath, SinglePath, PathLike } from './schema/paths';

export { readElement, readValueAs, readEnvelope, writeElement, writeEnvelope, writeValueAs, StreamingReader, XmlReadError, XmlWriteError } from './runtime';
export { XsdValidator } from './validation';
export { EwsVersionError, describeIssue, findVersionIssues, oldestVersionFor, versionOfServer } from './versions';
export type { VersionIssue, VersionCheckMode, VersionOptions } from './versions';

export type { SchemaSet } from './schema/descriptors';
export type { Tagged, TaggedValue, AnyEntry, Extensible } from './schema/instance';
export { ewsSchema } from './schema/ews-schema';
export * from '../generated/types';
export * from '../generated/messages';
export type { ElementTypes, ElementName } from '../generated/elements';
export type { OperationTypes, OperationName } from '../generated/operations';
export type * from '../generated/inputs';
export type { DateInput } from './schema/instance';
