/**
 * SOAP faults as Exchange writes them: `a:<ResponseCode>` fault code, the English fault string, and a
 * detail with the errors-namespace ResponseCode and Message plus a t:MessageXml (schema-error position,
 * throttling back-off). The EWS schemas do not describe faults, so this is the one place that writes them.
 */
import { escapeText } from '../runtime/xml-escape';
import { EWS_ERRORS_NS, EWS_TYPES_NS, SOAP_ENVELOPE_NS } from '../runtime/namespaces';

export interface FaultSpec {
  /** Exchange response code, e.g. ErrorSchemaValidation, ErrorServerBusy, ErrorInvalidServerVersion. */
  readonly responseCode: string;
  readonly message: string;
  /** SOAP 1.1 fault class of the error: the client's request (default) or the server. */
  readonly faultClass?: 'Client' | 'Server';
  /** MessageXml leaf elements, in order: `LineNumber`, `LinePosition`, `Violation`… */
  readonly elements?: ReadonlyArray<readonly [string, string | number]>;
  /** MessageXml `t:Value Name="…"` pairs, e.g. BackOffMilliseconds. */
  readonly values?: Readonly<Record<string, string | number>>;
}

export function faultEnvelope(fault: FaultSpec): string {
  const messageXml = [
    ...(fault.elements ?? []).map(([name, value]) => `<t:${name}>${escapeText(String(value))}</t:${name}>`),
    ...Object.entries(fault.values ?? {}).map(([name, value]) => `<t:Value Name="${name}">${escapeText(String(value))}</t:Value>`),
  ].join('');
  return '<?xml version="1.0" encoding="utf-8"?>'
    + `<s:Envelope xmlns:s="${SOAP_ENVELOPE_NS}"><s:Body><s:Fault>`
    + `<faultcode xmlns:a="${EWS_TYPES_NS}">a:${fault.responseCode}</faultcode>`
    + `<faultstring xml:lang="en-US">${escapeText(fault.message)}</faultstring>`
    + `<detail><e:ResponseCode xmlns:e="${EWS_ERRORS_NS}">${fault.responseCode}</e:ResponseCode>`
    + `<e:Message xmlns:e="${EWS_ERRORS_NS}">${escapeText(fault.message)}</e:Message>`
    + (messageXml ? `<t:MessageXml xmlns:t="${EWS_TYPES_NS}">${messageXml}</t:MessageXml>` : '')
    + '</detail></s:Fault></s:Body></s:Envelope>';
}
