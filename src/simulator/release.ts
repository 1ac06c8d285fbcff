/**
 * The simulator as a given Exchange release (`serverVersion: 'Exchange2013_SP1'`): it reports that
 * release's ServerVersionInfo, accepts RequestServerVersion up to it, and refuses what that release's
 * schema lacks, judged by the version facts of the descriptors: an unknown operation as Exchange
 * answers an unknown body element (ErrorInvalidRequest), a newer element, attribute or enumeration
 * value as ErrorSchemaValidation naming it.
 */
import type { ExchangeVersionType, ServerVersionInfo } from '../../generated/types';
import type { OperationDesc, SchemaSet } from '../schema/descriptors';
import { findVersionIssues } from '../versions/request-check';
import type { FaultSpec } from './soap-fault';

/** A build of each release as its servers report it (major, minor, build). */
const BUILDS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  Exchange2007: [8, 0, 685, 24], Exchange2007_SP1: [8, 1, 240, 6],
  Exchange2010: [14, 0, 639, 21], Exchange2010_SP1: [14, 1, 218, 15], Exchange2010_SP2: [14, 2, 247, 5],
  Exchange2013: [15, 0, 516, 32], Exchange2013_SP1: [15, 0, 847, 32], Exchange2016: [15, 1, 225, 42],
};

export function serverVersionInfoOf(release: ExchangeVersionType): ServerVersionInfo {
  const [major, minor, build, minorBuild] = BUILDS[release] ?? (release.startsWith('V2018') || (release as string) === 'V2017_10_09' ? [15, 20, 8722, 21] : [15, 2, 1544, 4]);
  return { MajorVersion: major, MinorVersion: minor, MajorBuildNumber: build, MinorBuildNumber: minorBuild, Version: release };
}

/** Why `release` refuses this request (its body or its SOAP headers), or undefined when it accepts it. */
export function releaseRefusal(
  schema: SchemaSet, op: OperationDesc, request: unknown, release: string, headers: Readonly<Record<string, unknown>> = {},
): FaultSpec | undefined {
  const issues = findVersionIssues(schema, op, request, release, Object.entries(headers).map(([element, value]) => ({ element, value })));
  if (!issues.length) return undefined;
  const [first] = issues;
  if (first.item.startsWith('operation ')) {
    return { responseCode: 'ErrorInvalidRequest', message: `The request is invalid: ${release} has no ${op.name} operation.` };
  }
  const violation = `${first.path}: ${first.item} is not part of the ${release} schema.`;
  return {
    responseCode: 'ErrorSchemaValidation',
    message: `The request failed schema validation: ${violation}`,
    elements: [['Violation', violation]],
  };
}
