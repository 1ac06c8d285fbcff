/**
 * The ErrorSchemaValidation fault for a request that breaks the XSD, as Exchange answers it:
 * LineNumber and LinePosition of the offending element in the request as received, and the
 * violation. libxml2 knows the element's path and line but not its column; the column comes from
 * finding that element in the request text. The fault string also names the element's path, so
 * that a user's test against the simulator sees which element of a one-line request is wrong.
 */
import { locateElement } from '../validation/locate-element';
import type { XsdIssue } from '../validation/xsd-validator';
import type { FaultSpec } from './soap-fault';

export function schemaValidationFault(body: string, issue: XsdIssue | undefined): FaultSpec {
  const violation = issue?.message.split('\n')[0] ?? 'The request is not valid XML.';
  const located = issue?.xpath ? locateElement(body, issue.xpath) : undefined;
  const line = located?.line ?? issue?.line ?? 1;
  const column = located?.column ?? Math.max(issue?.column ?? 1, 1);
  const where = issue?.xpath ? ` (at ${issue.xpath})` : '';
  return {
    responseCode: 'ErrorSchemaValidation',
    message: `The request failed schema validation: ${violation}${where}`,
    elements: [['LineNumber', line], ['LinePosition', column], ['Violation', violation]],
  };
}
