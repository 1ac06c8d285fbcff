/** Canned SOAP for client tests: envelopes around a body, Exchange-style faults, a recording transport. */
import { Readable } from 'node:stream';
import type { Transport, TransportRequest, TransportResponse } from '../../src/client/transport';
import { faultEnvelope } from '../../src/simulator/soap-fault';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
};

/** A response envelope as Exchange 2016 sends it: ServerVersionInfo header, then the body. */
export function soapResponse(body: string, serverVersion = '<h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>'): string {
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Header>${serverVersion}</s:Header>` +
    `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${body}</s:Body></s:Envelope>`;
}

/** An Exchange SOAP fault with its MessageXml detail (written as the simulator writes faults). */
export function soapFault(code: string, message: string, messageXml = ''): string {
  const fault = faultEnvelope({ responseCode: code, message });
  return messageXml ? fault.replace('</detail>', `<t:MessageXml xmlns:t="${NS.t}">${messageXml}</t:MessageXml></detail>`) : fault;
}

/** A transport that records requests and answers each with the next canned response (status 200 unless given). */
export class RecordingTransport implements Transport {
  readonly requests: TransportRequest[] = [];

  constructor(private readonly answer: (request: TransportRequest, index: number) => string | { status: number; body: string }) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    const answer = this.answer(request, this.requests.length - 1);
    const { status, body } = typeof answer === 'string' ? { status: 200, body: answer } : answer;
    return { status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: Readable.from([Buffer.from(body)]), requestSent: true };
  }
}

/** Breaks an XML string into one tag per line so a committed wire snapshot is reviewable; the bytes are otherwise kept. */
export function tagPerLine(xml: string): string {
  return `${xml.replace(/></g, '>\n<')}\n`;
}
