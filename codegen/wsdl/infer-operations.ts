/**
 * The operations of a schema set that has no services.wsdl (php-ews's Exchange 2013 SP1 copy), inferred
 * from its messages.xsd, in two ways:
 * - an operation some set's WSDL declares (`known`, oldest set first; the newest declaration wins) is
 *   taken as declared there when both its request and its response element are in this messages.xsd;
 * - any other pair of a request element `X` or `XRequest` and a response element `XResponse`, each of the
 *   type named after it (`XType`, `XRequestType`, `XRequest`; `XResponseType`, `XResponseMessageType`,
 *   `XResponse`), is taken to be operation `X` with soapAction `<messages namespace>/X`.
 * The naming rule alone finds most operations of the sets that have a WSDL but not all of them
 * (GetStreamingEvents' soapAction is `…/GetEvents`, GetPersona answers `GetPersonaResponseMessage`), hence
 * the declared operations first.
 *
 * SOAP headers are not in messages.xsd: a declared operation keeps the headers of its declaration (those
 * this schema has); one found by name takes only the headers nearly every declared operation takes
 * (RequestServerVersion and ServerVersionInfo: all but the two user-OOF operations, which take no
 * RequestServerVersion).
 */
import type { OperationDesc } from '../../src/schema/descriptors';
import { GlobalElementModel, SchemaModel, qnameKey } from '../model';

const MESSAGES_PREFIX = 'm';

export interface InferredOperations {
  readonly operations: OperationDesc[];
  /** Operations found by the naming rule that no known WSDL declares. */
  readonly byNameOnly: string[];
}

export function inferOperations(model: SchemaModel, known: readonly OperationDesc[]): InferredOperations {
  const messagesUri = [...model.prefixes].find(([, prefix]) => prefix === MESSAGES_PREFIX)?.[0];
  if (messagesUri === undefined) return { operations: [], byNameOnly: [] };
  const elementKey = (ref: string) => {
    const [prefix, local] = ref.split(':');
    const uri = [...model.prefixes].find(([, p]) => p === prefix)?.[0];
    return uri === undefined ? '' : qnameKey({ uri, local });
  };
  const has = (ref: string) => model.elements.has(elementKey(ref));
  const onlyPresent = (op: OperationDesc): OperationDesc => ({ ...op, inputHeaders: op.inputHeaders.filter(has), outputHeaders: op.outputHeaders.filter(has) });

  const declared = new Map(known.map((op) => [op.name, op]));
  const operations = [...declared.values()].filter((op) => has(op.request) && has(op.response)).map(onlyPresent);
  const requests = new Set(operations.map((op) => op.request));

  const elements = new Map<string, GlobalElementModel>();
  for (const element of model.elements.values()) if (element.name.uri === messagesUri) elements.set(element.name.local, element);
  const typeNamed = (element: GlobalElementModel | undefined, names: readonly string[]) =>
    element !== undefined && element.type.uri === messagesUri && names.includes(element.type.local);
  const newest = [...declared.values()];
  const common = { inputHeaders: nearlyAll(newest.map((op) => op.inputHeaders)), outputHeaders: nearlyAll(newest.map((op) => op.outputHeaders)) };
  const byNameOnly: string[] = [];
  for (const [local, request] of elements) {
    const name = local.endsWith('Request') ? local.slice(0, -'Request'.length) : local;
    if (!name || local.endsWith('Response') || declared.has(name) || requests.has(`${MESSAGES_PREFIX}:${local}`)) continue;
    if (!typeNamed(request, [`${local}Type`, local, `${name}RequestType`])) continue;
    const response = `${name}Response`;
    if (!typeNamed(elements.get(response), [`${response}Type`, `${response}MessageType`, response])) continue;
    byNameOnly.push(name);
    operations.push(onlyPresent({
      name,
      soapAction: `${messagesUri}/${name}`,
      request: `${MESSAGES_PREFIX}:${local}`,
      response: `${MESSAGES_PREFIX}:${response}`,
      ...common,
    }));
  }
  return { operations, byNameOnly };
}

/** Share of the declared operations a header must be taken by to be given to an operation found by name. */
const NEARLY_ALL = 0.9;

function nearlyAll(lists: ReadonlyArray<readonly string[]>): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].filter(([, count]) => count >= lists.length * NEARLY_ALL).map(([item]) => item);
}
