/** libxml2's messages made readable: EWS names with their usual prefixes instead of `{namespace-uri}`. */
import { EWS_MESSAGES_NS, EWS_TYPES_NS, SOAP_ENVELOPE_NS, XML_NS } from '../runtime/namespaces';

const PREFIXES = new Map<string, string>([
  [EWS_TYPES_NS, 't'],
  [EWS_MESSAGES_NS, 'm'],
  [SOAP_ENVELOPE_NS, 'soap'],
  [XML_NS, 'xml'],
  ['http://www.w3.org/2001/XMLSchema', 'xs'],
]);

/** `{http://…/types}Subject` → `t:Subject`; a namespace without a known prefix stays as it is. */
export function readableMessage(message: string): string {
  return message.replace(/\{([^}\s]+)\}([\w.-]+)/g, (whole, uri: string, local: string) => {
    const prefix = PREFIXES.get(uri);
    return prefix ? `${prefix}:${local}` : whole;
  });
}

/** The message without libxml2's leading `Element 't:Start': ` (the caller names the place itself). */
export function messageWithoutElement(message: string): string {
  return message.replace(/^Element '[^']*'(, attribute '[^']*')?: /, (_whole, attribute?: string) =>
    attribute ? `${attribute.slice(2)}: ` : '');
}
