/**
 * The simulator's Autodiscover endpoints: POX and SOAP, for the mailboxes it holds. Requests need the
 * same Basic credentials as EWS; the server shell authenticates before calling in here.
 */
import type http from 'node:http';
import { answerPox } from './pox';
import { answerSoap } from './soap';
import type { AutodiscoverContext } from './options';

export type { AutodiscoverContext, SimulatorAutodiscoverOptions } from './options';

export const AUTODISCOVER_PATHS: Readonly<Record<string, 'pox' | 'soap'>> = {
  '/autodiscover/autodiscover.xml': 'pox',
  '/autodiscover/autodiscover.svc': 'soap',
};

/** The protocol served at `path` (lower-cased, without the query), or undefined. */
export function autodiscoverProtocolAt(path: string): 'pox' | 'soap' | undefined {
  return AUTODISCOVER_PATHS[path];
}

/** Answers one authenticated POST; a protocol the options leave out answers 404. */
export function serveAutodiscover(protocol: 'pox' | 'soap', context: AutodiscoverContext, body: string, res: http.ServerResponse): void {
  if (context.options.protocols && !context.options.protocols.includes(protocol)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Not Found');
    return;
  }
  const { status, xml } = protocol === 'pox' ? { status: 200, xml: answerPox(context, body) } : answerSoap(context, body);
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(xml);
}
