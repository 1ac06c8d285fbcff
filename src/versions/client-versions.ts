/**
 * The client's side of Exchange versions: which RequestServerVersion a request is sent with, and the
 * check that the request uses nothing that release lacks (an EwsVersionError before sending, or a
 * warning). With `version: 'auto'` the client learns the server's release from the first response's
 * ServerVersionInfo; until then a request goes out with the oldest release that has all it uses.
 */
import type { OperationDesc, SchemaSet } from '../schema/descriptors';
import { EwsVersionError } from './errors';
import { findVersionIssues, oldestVersionFor, type RequestHeader } from './request-check';
import { versionOfServer, type ServerVersionFields } from './server-version';

/** `error` (default): refuse locally; `warn`: report through onVersionWarning and send anyway; `off`: no check. */
export type VersionCheckMode = 'error' | 'warn' | 'off';

export interface VersionOptions {
  readonly versionCheck?: VersionCheckMode;
  /** Receives the would-be error in `warn` mode; process.emitWarning by default. */
  readonly onVersionWarning?: (warning: EwsVersionError) => void;
}

export class RequestVersions {
  private learned?: string;

  constructor(private readonly options: VersionOptions, private readonly auto: boolean) {}

  /** The version the server reported (auto mode), once a response carried ServerVersionInfo. */
  get learnedVersion(): string | undefined {
    return this.learned;
  }

  /**
   * The RequestServerVersion to send: `explicit` (a per-call version) wins, then the learned one in
   * auto mode, then `configured`. Throws EwsVersionError when the request (body or SOAP headers, which
   * `headersFor` gives for a version) needs a newer release.
   */
  versionFor(
    schema: SchemaSet, op: OperationDesc, request: unknown, configured: string, explicit?: string,
    headersFor: (version: string) => readonly RequestHeader[] = () => [],
  ): string {
    const baseline = schema.versions?.sets[0]?.version;
    const version = explicit
      ?? (this.auto ? this.learned ?? oldestVersionFor(schema, op, request, baseline ? headersFor(baseline) : []) ?? configured : configured);
    if (this.options.versionCheck === 'off') return version;
    const issues = findVersionIssues(schema, op, request, version, headersFor(version));
    if (issues.length) {
      const error = new EwsVersionError(op.name, version, issues);
      if (this.options.versionCheck !== 'warn') throw error;
      (this.options.onVersionWarning ?? ((w: EwsVersionError) => process.emitWarning(w.message, 'EwsVersionWarning')))(error);
    }
    return version;
  }

  /** Auto mode: remember the server's release from a response's ServerVersionInfo. */
  learn(schema: SchemaSet, info: ServerVersionFields | undefined): void {
    if (!this.auto || !info) return;
    this.learned = versionOfServer(schema.versions?.order ?? [], info) ?? this.learned;
  }
}
