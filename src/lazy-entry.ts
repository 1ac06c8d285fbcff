/**
 * What `require('typed-ews')` runs (package.json `main` and `exports["."].default`): the values that
 * src/index.ts exports, each module required when one of its exports is first read. src/index.ts
 * stays the typed surface (declarations, API reference, imports inside this repository); this file
 * only decides when the code loads. A command-line run, a scheduled job or a serverless function
 * calling `client.call` should not load batching, search, notifications, autodiscover, sync, export,
 * validation and NTLM on every start (55–70 ms of CPU per process, more than the client itself;
 * bench/RESULTS.md).
 *
 * Each export is an `Object.defineProperty(exports, 'Name', { enumerable: true, get: function () {
 * return module.Name; } })` statement, the one getter form Node's CommonJS export detection
 * (cjs-module-lexer) recognises, so that `import { ExchangeClient } from 'typed-ews'` keeps working in
 * ES modules. test/client/lazy-loading.test.ts checks that its names and values are src/index.ts's.
 */

/** A stand-in for a module that requires it when one of its properties is first read. */
function onFirstUse<Module extends object>(load: () => Module): Module {
  let loaded: Module | undefined;
  return new Proxy({} as Module, { get: (_target, key) => Reflect.get((loaded ??= load()), key) });
}

const client = onFirstUse<typeof import('./client/exchange-client')>(() => require('./client/exchange-client'));
const basic = onFirstUse<typeof import('./client/auth/basic')>(() => require('./client/auth/basic'));
const bearer = onFirstUse<typeof import('./client/auth/bearer')>(() => require('./client/auth/bearer'));
const ntlm = onFirstUse<typeof import('./client/auth/ntlm')>(() => require('./client/auth/ntlm'));
const strategy = onFirstUse<typeof import('./client/auth/strategy')>(() => require('./client/auth/strategy'));
const errors = onFirstUse<typeof import('./client/errors')>(() => require('./client/errors'));
const transport = onFirstUse<typeof import('./client/transport')>(() => require('./client/transport'));
const responses = onFirstUse<typeof import('./client/response-messages')>(() => require('./client/response-messages'));
const paths = onFirstUse<typeof import('./schema/paths')>(() => require('./schema/paths'));
const folders = onFirstUse<typeof import('./schema/folders')>(() => require('./schema/folders'));
const schema = onFirstUse<typeof import('./schema/ews-schema')>(() => require('./schema/ews-schema'));
const runtime = onFirstUse<typeof import('./runtime')>(() => require('./runtime'));
const validation = onFirstUse<typeof import('./validation')>(() => require('./validation'));
const versions = onFirstUse<typeof import('./versions')>(() => require('./versions'));
const batch = onFirstUse<typeof import('./batch')>(() => require('./batch'));
const search = onFirstUse<typeof import('./search')>(() => require('./search'));
const notifications = onFirstUse<typeof import('./notifications')>(() => require('./notifications'));
const autodiscover = onFirstUse<typeof import('./autodiscover')>(() => require('./autodiscover'));
const sync = onFirstUse<typeof import('./sync')>(() => require('./sync'));
const bulk = onFirstUse<typeof import('./export')>(() => require('./export'));
const content = onFirstUse<typeof import('./content')>(() => require('./content'));
const values = onFirstUse<typeof import('./values')>(() => require('./values'));

Object.defineProperty(exports, 'ExchangeClient', { enumerable: true, get: function () { return client.ExchangeClient; } });
Object.defineProperty(exports, 'DEFAULT_EXCHANGE_VERSION', { enumerable: true, get: function () { return client.DEFAULT_EXCHANGE_VERSION; } });
Object.defineProperty(exports, 'basicAuth', { enumerable: true, get: function () { return basic.basicAuth; } });
Object.defineProperty(exports, 'bearerAuth', { enumerable: true, get: function () { return bearer.bearerAuth; } });
Object.defineProperty(exports, 'ntlmAuth', { enumerable: true, get: function () { return ntlm.ntlmAuth; } });
Object.defineProperty(exports, 'noAuth', { enumerable: true, get: function () { return strategy.noAuth; } });
Object.defineProperty(exports, 'EwsError', { enumerable: true, get: function () { return errors.EwsError; } });
Object.defineProperty(exports, 'EwsSoapFaultError', { enumerable: true, get: function () { return errors.EwsSoapFaultError; } });
Object.defineProperty(exports, 'EwsHttpError', { enumerable: true, get: function () { return errors.EwsHttpError; } });
Object.defineProperty(exports, 'EwsAuthenticationError', { enumerable: true, get: function () { return errors.EwsAuthenticationError; } });
Object.defineProperty(exports, 'EwsEndpointNotFoundError', { enumerable: true, get: function () { return errors.EwsEndpointNotFoundError; } });
Object.defineProperty(exports, 'EwsThrottledError', { enumerable: true, get: function () { return errors.EwsThrottledError; } });
Object.defineProperty(exports, 'EwsServerError', { enumerable: true, get: function () { return errors.EwsServerError; } });
Object.defineProperty(exports, 'EwsRedirectError', { enumerable: true, get: function () { return errors.EwsRedirectError; } });
Object.defineProperty(exports, 'EwsUnexpectedResponseError', { enumerable: true, get: function () { return errors.EwsUnexpectedResponseError; } });
Object.defineProperty(exports, 'EwsMalformedResponseError', { enumerable: true, get: function () { return errors.EwsMalformedResponseError; } });
Object.defineProperty(exports, 'EwsStrictResponseError', { enumerable: true, get: function () { return errors.EwsStrictResponseError; } });
Object.defineProperty(exports, 'EwsTimeoutError', { enumerable: true, get: function () { return errors.EwsTimeoutError; } });
Object.defineProperty(exports, 'EwsConnectionError', { enumerable: true, get: function () { return errors.EwsConnectionError; } });
Object.defineProperty(exports, 'EwsAbortError', { enumerable: true, get: function () { return errors.EwsAbortError; } });
Object.defineProperty(exports, 'EwsRequestValidationError', { enumerable: true, get: function () { return errors.EwsRequestValidationError; } });
Object.defineProperty(exports, 'isTransientResponseCode', { enumerable: true, get: function () { return errors.isTransientResponseCode; } });
Object.defineProperty(exports, 'isTlsVerificationCode', { enumerable: true, get: function () { return errors.isTlsVerificationCode; } });
Object.defineProperty(exports, 'HttpTransport', { enumerable: true, get: function () { return transport.HttpTransport; } });
Object.defineProperty(exports, 'AxiosTransport', { enumerable: true, get: function () { return transport.AxiosTransport; } });
Object.defineProperty(exports, 'responseMessagesOf', { enumerable: true, get: function () { return responses.responseMessagesOf; } });
Object.defineProperty(exports, 'overallResult', { enumerable: true, get: function () { return responses.overallResult; } });
Object.defineProperty(exports, 'field', { enumerable: true, get: function () { return paths.field; } });
Object.defineProperty(exports, 'indexedField', { enumerable: true, get: function () { return paths.indexedField; } });
Object.defineProperty(exports, 'extendedField', { enumerable: true, get: function () { return paths.extendedField; } });
Object.defineProperty(exports, 'singlePath', { enumerable: true, get: function () { return paths.singlePath; } });
Object.defineProperty(exports, 'pathOf', { enumerable: true, get: function () { return paths.pathOf; } });
Object.defineProperty(exports, 'fieldUriFor', { enumerable: true, get: function () { return paths.fieldUriFor; } });
Object.defineProperty(exports, 'distinguishedFolder', { enumerable: true, get: function () { return folders.distinguishedFolder; } });
Object.defineProperty(exports, 'folderId', { enumerable: true, get: function () { return folders.folderId; } });
Object.defineProperty(exports, 'folderEntry', { enumerable: true, get: function () { return folders.folderEntry; } });
Object.defineProperty(exports, 'targetFolder', { enumerable: true, get: function () { return folders.targetFolder; } });
Object.defineProperty(exports, 'ewsSchema', { enumerable: true, get: function () { return schema.ewsSchema; } });
Object.defineProperty(exports, 'readElement', { enumerable: true, get: function () { return runtime.readElement; } });
Object.defineProperty(exports, 'readValueAs', { enumerable: true, get: function () { return runtime.readValueAs; } });
Object.defineProperty(exports, 'readEnvelope', { enumerable: true, get: function () { return runtime.readEnvelope; } });
Object.defineProperty(exports, 'writeElement', { enumerable: true, get: function () { return runtime.writeElement; } });
Object.defineProperty(exports, 'writeEnvelope', { enumerable: true, get: function () { return runtime.writeEnvelope; } });
Object.defineProperty(exports, 'writeValueAs', { enumerable: true, get: function () { return runtime.writeValueAs; } });
Object.defineProperty(exports, 'StreamingReader', { enumerable: true, get: function () { return runtime.StreamingReader; } });
Object.defineProperty(exports, 'XmlReadError', { enumerable: true, get: function () { return runtime.XmlReadError; } });
Object.defineProperty(exports, 'XmlWriteError', { enumerable: true, get: function () { return runtime.XmlWriteError; } });
Object.defineProperty(exports, 'XsdValidator', { enumerable: true, get: function () { return validation.XsdValidator; } });
Object.defineProperty(exports, 'EwsVersionError', { enumerable: true, get: function () { return versions.EwsVersionError; } });
Object.defineProperty(exports, 'describeIssue', { enumerable: true, get: function () { return versions.describeIssue; } });
Object.defineProperty(exports, 'findVersionIssues', { enumerable: true, get: function () { return versions.findVersionIssues; } });
Object.defineProperty(exports, 'oldestVersionFor', { enumerable: true, get: function () { return versions.oldestVersionFor; } });
Object.defineProperty(exports, 'versionOfServer', { enumerable: true, get: function () { return versions.versionOfServer; } });
Object.defineProperty(exports, 'ItemBatches', { enumerable: true, get: function () { return batch.ItemBatches; } });
Object.defineProperty(exports, 'systemClock', { enumerable: true, get: function () { return batch.systemClock; } });
Object.defineProperty(exports, 'BatchItemError', { enumerable: true, get: function () { return batch.BatchItemError; } });
Object.defineProperty(exports, 'ItemAbortedError', { enumerable: true, get: function () { return batch.ItemAbortedError; } });
Object.defineProperty(exports, 'ItemInputError', { enumerable: true, get: function () { return batch.ItemInputError; } });
Object.defineProperty(exports, 'ItemOutcomeUnknownError', { enumerable: true, get: function () { return batch.ItemOutcomeUnknownError; } });
Object.defineProperty(exports, 'ItemRequestFailedError', { enumerable: true, get: function () { return batch.ItemRequestFailedError; } });
Object.defineProperty(exports, 'UnexpectedItemKindError', { enumerable: true, get: function () { return batch.UnexpectedItemKindError; } });
Object.defineProperty(exports, 'findItems', { enumerable: true, get: function () { return search.findItems; } });
Object.defineProperty(exports, 'findItemPages', { enumerable: true, get: function () { return search.findItemPages; } });
Object.defineProperty(exports, 'findAllItems', { enumerable: true, get: function () { return search.findAllItems; } });
Object.defineProperty(exports, 'findGroupedItemPages', { enumerable: true, get: function () { return search.findGroupedItemPages; } });
Object.defineProperty(exports, 'findAllItemGroups', { enumerable: true, get: function () { return search.findAllItemGroups; } });
Object.defineProperty(exports, 'streamItems', { enumerable: true, get: function () { return search.streamItems; } });
Object.defineProperty(exports, 'findFolders', { enumerable: true, get: function () { return search.findFolders; } });
Object.defineProperty(exports, 'findFolderPages', { enumerable: true, get: function () { return search.findFolderPages; } });
Object.defineProperty(exports, 'findAllFolders', { enumerable: true, get: function () { return search.findAllFolders; } });
Object.defineProperty(exports, 'propertySet', { enumerable: true, get: function () { return search.propertySet; } });
Object.defineProperty(exports, 'MAX_GROUPED_SORT_FIELDS', { enumerable: true, get: function () { return search.MAX_GROUPED_SORT_FIELDS; } });
Object.defineProperty(exports, 'isEqualTo', { enumerable: true, get: function () { return search.isEqualTo; } });
Object.defineProperty(exports, 'isNotEqualTo', { enumerable: true, get: function () { return search.isNotEqualTo; } });
Object.defineProperty(exports, 'isGreaterThan', { enumerable: true, get: function () { return search.isGreaterThan; } });
Object.defineProperty(exports, 'isGreaterThanOrEqualTo', { enumerable: true, get: function () { return search.isGreaterThanOrEqualTo; } });
Object.defineProperty(exports, 'isLessThan', { enumerable: true, get: function () { return search.isLessThan; } });
Object.defineProperty(exports, 'isLessThanOrEqualTo', { enumerable: true, get: function () { return search.isLessThanOrEqualTo; } });
Object.defineProperty(exports, 'contains', { enumerable: true, get: function () { return search.contains; } });
Object.defineProperty(exports, 'excludes', { enumerable: true, get: function () { return search.excludes; } });
Object.defineProperty(exports, 'exists', { enumerable: true, get: function () { return search.exists; } });
Object.defineProperty(exports, 'and', { enumerable: true, get: function () { return search.and; } });
Object.defineProperty(exports, 'or', { enumerable: true, get: function () { return search.or; } });
Object.defineProperty(exports, 'not', { enumerable: true, get: function () { return search.not; } });
Object.defineProperty(exports, 'queryString', { enumerable: true, get: function () { return search.queryString; } });
Object.defineProperty(exports, 'toRestriction', { enumerable: true, get: function () { return search.toRestriction; } });
Object.defineProperty(exports, 'findItemRequest', { enumerable: true, get: function () { return search.findItemRequest; } });
Object.defineProperty(exports, 'findFolderRequest', { enumerable: true, get: function () { return search.findFolderRequest; } });
Object.defineProperty(exports, 'InvalidSearchError', { enumerable: true, get: function () { return search.InvalidSearchError; } });
Object.defineProperty(exports, 'TooManySortFieldsError', { enumerable: true, get: function () { return search.TooManySortFieldsError; } });
Object.defineProperty(exports, 'EwsSearchError', { enumerable: true, get: function () { return search.EwsSearchError; } });
Object.defineProperty(exports, 'UnexpectedSearchResponseError', { enumerable: true, get: function () { return search.UnexpectedSearchResponseError; } });
Object.defineProperty(exports, 'pullNotifications', { enumerable: true, get: function () { return notifications.pullNotifications; } });
Object.defineProperty(exports, 'streamNotifications', { enumerable: true, get: function () { return notifications.streamNotifications; } });
Object.defineProperty(exports, 'SilentConnection', { enumerable: true, get: function () { return notifications.SilentConnection; } });
Object.defineProperty(exports, 'PushNotificationListener', { enumerable: true, get: function () { return notifications.PushNotificationListener; } });
Object.defineProperty(exports, 'subscribePush', { enumerable: true, get: function () { return notifications.subscribePush; } });
Object.defineProperty(exports, 'EwsSubscriptionError', { enumerable: true, get: function () { return notifications.EwsSubscriptionError; } });
Object.defineProperty(exports, 'eventsOf', { enumerable: true, get: function () { return notifications.eventsOf; } });
Object.defineProperty(exports, 'HeartbeatWatchdog', { enumerable: true, get: function () { return notifications.HeartbeatWatchdog; } });
Object.defineProperty(exports, 'backOffDelay', { enumerable: true, get: function () { return notifications.backOffDelay; } });
Object.defineProperty(exports, 'discover', { enumerable: true, get: function () { return autodiscover.discover; } });
Object.defineProperty(exports, 'MAX_REDIRECTS', { enumerable: true, get: function () { return autodiscover.MAX_REDIRECTS; } });
Object.defineProperty(exports, 'connectByEmail', { enumerable: true, get: function () { return autodiscover.connectByEmail; } });
Object.defineProperty(exports, 'AutodiscoverCache', { enumerable: true, get: function () { return autodiscover.AutodiscoverCache; } });
Object.defineProperty(exports, 'defaultAutodiscoverCache', { enumerable: true, get: function () { return autodiscover.defaultAutodiscoverCache; } });
Object.defineProperty(exports, 'DEFAULT_CACHE_TTL_MS', { enumerable: true, get: function () { return autodiscover.DEFAULT_CACHE_TTL_MS; } });
Object.defineProperty(exports, 'AutodiscoverError', { enumerable: true, get: function () { return autodiscover.AutodiscoverError; } });
Object.defineProperty(exports, 'autodiscoverSchema', { enumerable: true, get: function () { return autodiscover.autodiscoverSchema; } });
Object.defineProperty(exports, 'syncItems', { enumerable: true, get: function () { return sync.syncItems; } });
Object.defineProperty(exports, 'MAX_SYNC_PAGE_SIZE', { enumerable: true, get: function () { return sync.MAX_SYNC_PAGE_SIZE; } });
Object.defineProperty(exports, 'syncFolders', { enumerable: true, get: function () { return sync.syncFolders; } });
Object.defineProperty(exports, 'FileSyncStateStore', { enumerable: true, get: function () { return sync.FileSyncStateStore; } });
Object.defineProperty(exports, 'MemorySyncStateStore', { enumerable: true, get: function () { return sync.MemorySyncStateStore; } });
Object.defineProperty(exports, 'EwsSyncError', { enumerable: true, get: function () { return sync.EwsSyncError; } });
Object.defineProperty(exports, 'UnexpectedSyncResponseError', { enumerable: true, get: function () { return sync.UnexpectedSyncResponseError; } });
Object.defineProperty(exports, 'InvalidSyncOptionsError', { enumerable: true, get: function () { return sync.InvalidSyncOptionsError; } });
Object.defineProperty(exports, 'folderKeyOf', { enumerable: true, get: function () { return sync.folderKeyOf; } });
Object.defineProperty(exports, 'exportItems', { enumerable: true, get: function () { return bulk.exportItems; } });
Object.defineProperty(exports, 'exportItemsTo', { enumerable: true, get: function () { return bulk.exportItemsTo; } });
Object.defineProperty(exports, 'uploadItems', { enumerable: true, get: function () { return bulk.uploadItems; } });
Object.defineProperty(exports, 'attachmentContentStreams', { enumerable: true, get: function () { return content.attachmentContentStreams; } });
Object.defineProperty(exports, 'createFileAttachment', { enumerable: true, get: function () { return content.createFileAttachment; } });
Object.defineProperty(exports, 'fileSource', { enumerable: true, get: function () { return content.fileSource; } });
Object.defineProperty(exports, 'mimeContentStreams', { enumerable: true, get: function () { return content.mimeContentStreams; } });
Object.defineProperty(exports, 'FileSink', { enumerable: true, get: function () { return content.FileSink; } });
Object.defineProperty(exports, 'ReadableSink', { enumerable: true, get: function () { return content.ReadableSink; } });
Object.defineProperty(exports, 'InvalidBase64Error', { enumerable: true, get: function () { return content.InvalidBase64Error; } });
Object.defineProperty(exports, 'InvalidValueError', { enumerable: true, get: function () { return values.InvalidValueError; } });
Object.defineProperty(exports, 'TimeZoneError', { enumerable: true, get: function () { return values.TimeZoneError; } });
Object.defineProperty(exports, 'calendarDate', { enumerable: true, get: function () { return values.calendarDate; } });
Object.defineProperty(exports, 'calendarDateOf', { enumerable: true, get: function () { return values.calendarDateOf; } });
Object.defineProperty(exports, 'formatInTimeZone', { enumerable: true, get: function () { return values.formatInTimeZone; } });
Object.defineProperty(exports, 'parseDateTime', { enumerable: true, get: function () { return values.parseDateTime; } });
Object.defineProperty(exports, 'toDate', { enumerable: true, get: function () { return values.toDate; } });
Object.defineProperty(exports, 'zonedDateTime', { enumerable: true, get: function () { return values.zonedDateTime; } });
Object.defineProperty(exports, 'ianaTimeZone', { enumerable: true, get: function () { return values.ianaTimeZone; } });
Object.defineProperty(exports, 'isWindowsTimeZone', { enumerable: true, get: function () { return values.isWindowsTimeZone; } });
Object.defineProperty(exports, 'meetingTimeZones', { enumerable: true, get: function () { return values.meetingTimeZones; } });
Object.defineProperty(exports, 'timeZoneDefinition', { enumerable: true, get: function () { return values.timeZoneDefinition; } });
Object.defineProperty(exports, 'windowsTimeZone', { enumerable: true, get: function () { return values.windowsTimeZone; } });
Object.defineProperty(exports, 'windowsTimeZoneIds', { enumerable: true, get: function () { return values.windowsTimeZoneIds; } });
Object.defineProperty(exports, 'recurrence', { enumerable: true, get: function () { return values.recurrence; } });
Object.defineProperty(exports, 'attendees', { enumerable: true, get: function () { return values.attendees; } });
Object.defineProperty(exports, 'body', { enumerable: true, get: function () { return values.body; } });
Object.defineProperty(exports, 'newItem', { enumerable: true, get: function () { return values.newItem; } });
Object.defineProperty(exports, 'reminder', { enumerable: true, get: function () { return values.reminder; } });

// The generated enumeration values (`DisposalTypeValues`…): small, and their names are the schema's to list.
export * from '../generated/types';
export * from '../generated/messages';
