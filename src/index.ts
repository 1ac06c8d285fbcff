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
export * from './trace';
export * from './proxy';

export { field, indexedField, extendedField, singlePath, pathOf, fieldUriFor } from './schema/paths';
export { distinguishedFolder, folderId, folderEntry, targetFolder } from './schema/folders';
export type { FolderRef } from './schema/folders';

export * from './retry';
export * from './batch';
export * from './search';
export * from './notifications';
export * from './autodiscover';
export * from './sync';
export * from './export';
export * from './content';
export type { StreamedBody } from './runtime/binary-source';
export * from './values';
export type { PropertyPath, SinglePath, PathLike } from './schema/paths';

export { readElement, readValueAs, readEnvelope, writeElement, writeEnvelope, writeValueAs, StreamingReader, XmlReadError, XmlWriteError } from './runtime';
export { XsdValidator } from './validation';
export { EwsVersionError, describeIssue, findVersionIssues, oldestVersionFor, versionOfServer } from './versions';
export type { RequestHeader, VersionIssue, VersionCheckMode, VersionOptions } from './versions';

export type { SchemaSet } from './schema/descriptors';
export type { Tagged, TaggedValue, AnyEntry, Extensible } from './schema/instance';
export { ewsSchema } from './schema/ews-schema';
export * from '../generated/types';
export * from '../generated/messages';
export type { ElementTypes, ElementName } from '../generated/elements';
export type { OperationTypes, OperationName } from '../generated/operations';
export type * from '../generated/inputs';
export type { DateInput } from './schema/instance';

// Types the public signatures above refer to, so that users (and the API reference) can name them.
export type { FolderRef as SaveFolderRef } from './batch/inputs';
export type { BatchContext } from './batch/operations/run-items';
export type { AuthSession, ConnectionFactory } from './client/auth/strategy';
export type { ClientResponseCode } from './client/response-messages';
export type { ChildSlot } from './runtime/compile';
export type { DiagnosticAction, ReadDiagnostic } from './runtime/diagnostics';
export type { SoapEnvelopeContent, XmlChunk } from './runtime/envelope-reader';
export type { CaptureSink, ContainerHandler, DocumentHandler, ReadOptions, ReaderContext } from './runtime/reader';
export type { EnvelopeToWrite, WriteOptions } from './runtime/writer';
export type { XmlTag } from './runtime/xml-tag';
export type { AnyField, AttributeDesc, BuiltinTypeName, ComplexTypeDesc, CompoundField, ElementDesc, ElementField, Facets, FieldDesc, GlobalElementDesc, OperationDesc, SimpleTypeDesc, TypeDesc } from './schema/descriptors';
export type { VersionFacts, VersionSetDesc } from './schema/version-facts';
export type { ConstantOf, ElementOf, PropertyValue } from './search/constants';
export type { RequestSchemaProblem } from './validation/request-check';
export type { SchemaDocument, XmlDocumentInput, XsdIssue, XsdValidationResult, XsdValidatorOptions } from './validation/xsd-validator';
export type { Interval } from './values/recurrence';
export type { ServerVersionFields } from './versions/server-version';
