/**
 * services.wsdl → one OperationDesc per operation: the body element of the input and output message
 * (the parts bound by soap:body) and the SOAP headers the binding lists, in WSDL order. A header the
 * WSDL lists twice (GetUserAvailability's RequestVersion) is kept once.
 */
import { readFileSync } from 'fs';
import type { OperationDesc } from '../../src/schema/descriptors';
import { SchemaModel, qnameKey } from '../model';
import { WSDL_NS } from '../xsd/load-schemas';
import { SchemaError, XmlNode, parseXmlTree, resolveQName } from '../xsd/xml-tree';

const SOAP_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';

export function readOperations(wsdlPath: string, model: SchemaModel): OperationDesc[] {
  const root = parseXmlTree(readFileSync(wsdlPath, 'utf8'), wsdlPath);
  const wsdl = (node: XmlNode, local: string) => node.children.filter((c) => c.uri === WSDL_NS && c.local === local);
  const soap = (node: XmlNode, local: string) => node.children.filter((c) => c.uri === SOAP_BINDING_NS && c.local === local);

  const messages = new Map<string, Map<string, string>>();
  for (const message of wsdl(root, 'message')) {
    const parts = new Map<string, string>();
    for (const part of wsdl(message, 'part')) {
      const element = resolveQName(part, part.attributes.element ?? '');
      const key = qnameKey(element);
      const global = model.elements.get(key);
      if (!global) throw new SchemaError(`part ${part.attributes.name} refers to undefined element ${element.local}`, part.location);
      parts.set(part.attributes.name, `${model.prefixes.get(element.uri)}:${element.local}`);
    }
    messages.set(message.attributes.name, parts);
  }
  const portTypes = wsdl(root, 'portType');
  const bindings = wsdl(root, 'binding');
  if (portTypes.length !== 1 || bindings.length !== 1) throw new SchemaError('expected one portType and one binding', root.location);
  const abstractOps = new Map(wsdl(portTypes[0], 'operation').map((op) => [op.attributes.name, op]));

  return wsdl(bindings[0], 'operation').map((op): OperationDesc => {
    const name = op.attributes.name;
    const abstract = abstractOps.get(name);
    if (!abstract) throw new SchemaError(`binding operation ${name} is not in the portType`, op.location);
    const messageOf = (direction: 'input' | 'output') => {
      const ref = wsdl(abstract, direction)[0]?.attributes.message;
      if (!ref) throw new SchemaError(`operation ${name} has no ${direction}`, abstract.location);
      return resolveQName(abstract, ref).local;
    };
    const side = (direction: 'input' | 'output') => {
      const message = messageOf(direction);
      const parts = messages.get(message);
      if (!parts) throw new SchemaError(`undefined message ${message}`, op.location);
      const bound = wsdl(op, direction)[0];
      const bodyParts = soap(bound, 'body')[0]?.attributes.parts?.split(/\s+/) ?? [...parts.keys()].slice(0, 1);
      if (bodyParts.length !== 1) throw new SchemaError(`operation ${name} binds ${bodyParts.length} body parts`, bound.location);
      const headers = soap(bound, 'header').map((h) => {
        const element = messages.get(resolveQName(h, h.attributes.message).local)?.get(h.attributes.part);
        if (!element) throw new SchemaError(`header part ${h.attributes.part} not found`, h.location);
        return element;
      });
      return { body: parts.get(bodyParts[0])!, headers: [...new Set(headers)] };
    };
    const input = side('input');
    const output = side('output');
    return {
      name,
      soapAction: soap(op, 'operation')[0]?.attributes.soapAction ?? '',
      request: input.body,
      response: output.body,
      inputHeaders: input.headers,
      outputHeaders: output.headers,
    };
  });
}
