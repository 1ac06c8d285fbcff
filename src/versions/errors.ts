/** The local error for a request that uses what the target Exchange release does not have. */
import { EwsError } from '../client/errors';
import type { VersionIssue } from './request-check';

export class EwsVersionError extends EwsError {
  override readonly name = 'EwsVersionError';

  constructor(readonly operation: string, readonly version: string, readonly issues: readonly VersionIssue[]) {
    super(`${operation} was not sent: it uses what ${version} does not have: ${issues.slice(0, 5).map(describeIssue).join('; ')}` +
      `${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
  }
}

export function describeIssue(issue: VersionIssue): string {
  const release = issue.until && issue.since !== undefined
    ? `exists from ${issue.since} to ${issue.until}`
    : `needs ${issue.since}`;
  const source = issue.doubtfulSource ? ` (per the doubtful ${issue.source} schemas)` : '';
  return `${issue.path}: ${issue.item} ${release}${source}`;
}
