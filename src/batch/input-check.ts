/**
 * Which input of a chunk the writer refuses. A chunk whose request cannot be written (an unknown
 * property, a control character, an unknown `$el`) is checked item by item, only then, so that one bad
 * input fails alone and the others are sent: the happy path never writes anything twice.
 */
import type { OperationName, OperationTypes } from '../../generated/operations';
import type { ExchangeClient } from '../client/exchange-client';
import { XmlWriteError } from '../runtime/errors';
import { writeElement } from '../runtime/writer';
import { ItemInputError } from './errors';

export interface RefusalCheck<Entry> {
  /** The writer's refusal of a request holding this entry alone, as the input's own error; undefined when it writes. */
  (entry: Entry, index: number): ItemInputError | undefined;
}

/**
 * `requestFor` builds the operation's request around one entry; `list` names the caller's array in
 * messages (`items`, `changes`…), `wrapper` the request element that holds the entries (`Items`).
 */
export function refusalCheck<Op extends OperationName, Entry>(
  client: ExchangeClient, operation: Op, requestFor: (entry: Entry) => OperationTypes[Op]['requestInput'], list: string, wrapper: string,
): RefusalCheck<Entry> {
  return (entry, index) => {
    const schema = client.schema;
    try {
      writeElement(schema, schema.operations[operation].request, requestFor(entry), { xmlDeclaration: false });
      return undefined;
    } catch (error) {
      if (!(error instanceof XmlWriteError)) throw error;
      const inside = propertiesAfter(error.path, wrapper);
      // Refused outside the entry (a shape, a folder): the request is at fault, not this input.
      if (inside === undefined) return undefined;
      return new ItemInputError(error.reason, { index, propertyPath: `${list}[${index}]${inside}`, cause: error });
    }
  };
}

/**
 * `/m:CreateItem/m:Items/t:CalendarItem/t:Recurrence/t:WeeklyRecurrence` → `.Recurrence.WeeklyRecurrence`;
 * undefined when the path does not go through `wrapper`.
 */
function propertiesAfter(xmlPath: string, wrapper: string): string | undefined {
  const names = xmlPath.split('/').filter(Boolean).map((qname) => qname.slice(qname.indexOf(':') + 1));
  const at = names.indexOf(wrapper);
  return at < 0 ? undefined : names.slice(at + 2).map((name) => `.${name}`).join('');
}
