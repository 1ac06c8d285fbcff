export { EwsVersionError, describeIssue } from './errors';
export { findVersionIssues, oldestVersionFor, type RequestHeader, type VersionIssue } from './request-check';
export { RequestVersions, type VersionCheckMode, type VersionOptions } from './client-versions';
export { versionOfServer, type ServerVersionFields } from './server-version';
