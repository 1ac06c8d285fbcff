/**
 * `validateRequests: true`: the request element is written once more with a trace of which object
 * property produced each element, validated by the shared compiled validator, and each libxml2
 * message is given the object path of the property at fault.
 */
import type { SchemaSet } from '../schema/descriptors';
import { writeElement } from '../runtime/writer';
import { ElementTrace } from './object-paths';
import { messageWithoutElement } from './validation-issue';
import { XsdValidator } from './xsd-validator';

/** One schema error of a request, located in the caller's object. */
export interface RequestSchemaProblem {
  /** The property at fault, from the request object: `Items[2].Recurrence.WeeklyRecurrence.DaysOfWeek`; '' for the request itself. */
  readonly objectPath: string;
  /** libxml2's message with EWS prefixes (`Element 't:DaysOfWeek': …`). */
  readonly message: string;
  /** The element as libxml2 names it in the request document. */
  readonly xpath?: string;
  /** `objectPath: what is wrong`, the text shown in the error. */
  readonly text: string;
}

/** The request's schema errors, none when it is valid. */
export async function checkRequest(schema: SchemaSet, element: string, request: unknown): Promise<RequestSchemaProblem[]> {
  const trace = new ElementTrace();
  // Streamed content is not read to validate it: its element is checked as empty base64, which is valid.
  const xml = writeElement(schema, element, request, { trace, streamedContentAsEmpty: true });
  const validator = await XsdValidator.shared();
  const { issues } = await validator.validateOne(xml);
  return issues.map((issue) => {
    const objectPath = (issue.xpath && trace.objectPathOf(issue.xpath)) ?? '';
    const where = objectPath === '' ? element.replace(/^\w+:/, '') : objectPath;
    return { objectPath, message: issue.message, xpath: issue.xpath, text: `${where}: ${messageWithoutElement(issue.message)}` };
  });
}
