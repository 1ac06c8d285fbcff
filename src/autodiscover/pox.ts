/**
 * POX Autodiscover: POST the request document to `/autodiscover/autodiscover.xml`, read the
 * `outlook/responseschema/2006a` answer ([MS-OXDSCLI]).
 */
import { elementReader } from '../runtime/documents';
import { writeElement } from '../runtime/writer';
import type { AutodiscoverAnswer } from './answer';
import { settingsAnswer } from './answer';
import type { PoxProtocol, PoxRequestDocument, PoxResponseDocument } from './messages';
import { POX_OUTLOOK_RESPONSE_NS, autodiscoverSchema } from './schema';
import { exchangeVersionOf, parseHexServerVersion } from './server-version';

export const POX_PATH = '/autodiscover/autodiscover.xml';

export function poxRequestBody(email: string): string {
  const document: PoxRequestDocument = { Request: { EMailAddress: email, AcceptableResponseSchema: POX_OUTLOOK_RESPONSE_NS } };
  return writeElement(autodiscoverSchema, 'pq:Autodiscover', document);
}

/** Reads a POX answer from the response body (chunks as they arrive). */
export async function readPoxAnswer(body: AsyncIterable<Buffer | string>, email: string, prefer: 'external' | 'internal'): Promise<AutodiscoverAnswer> {
  const reader = elementReader(autodiscoverSchema, 'pr:Autodiscover');
  for await (const chunk of body) reader.write(chunk);
  return poxAnswer(reader.end().value as PoxResponseDocument, email, prefer);
}

export function poxAnswer(document: PoxResponseDocument, email: string, prefer: 'external' | 'internal'): AutodiscoverAnswer {
  const error = document.Response?.Error ?? document.ErrorResponse?.Error;
  if (error) return { kind: 'error', code: error.ErrorCode ?? 'unknown', message: error.Message ?? '' };
  const account = document.Response?.Account;
  if (!account) return { kind: 'error', code: 'NoAccount', message: 'the answer has no Account' };
  const action = account.Action?.toLowerCase();
  if (action === 'redirectaddr' && account.RedirectAddr) return { kind: 'redirectAddr', email: account.RedirectAddr.trim() };
  if (action === 'redirecturl' && account.RedirectUrl) return { kind: 'redirectUrl', url: account.RedirectUrl.trim() };
  if (action !== undefined && action !== 'settings') {
    return { kind: 'error', code: 'UnsupportedAction', message: `the answer's Action is ${account.Action} without its target` };
  }
  const protocols = account.Protocol ?? [];
  const byType = (type: string): PoxProtocol | undefined => protocols.find((p) => p.Type?.toUpperCase() === type && p.EwsUrl);
  // EXCH describes the mailbox server inside the network, EXPR the Outlook Anywhere (outside) access;
  // a server that sends neither with an EwsUrl (gromox's EXHTTP) still names one somewhere.
  const anyEws = protocols.find((p) => p.EwsUrl)?.EwsUrl;
  const internal = byType('EXCH')?.EwsUrl ?? anyEws;
  const external = byType('EXPR')?.EwsUrl ?? anyEws;
  const build = parseHexServerVersion(protocols.find((p) => p.ServerVersion)?.ServerVersion);
  const ttlHours = Number(protocols.find((p) => p.TTL)?.TTL);
  const user = document.Response?.User;
  return settingsAnswer({
    email, prefer,
    smtpAddress: user?.AutoDiscoverSMTPAddress?.trim(),
    displayName: user?.DisplayName,
    externalEwsUrl: external?.trim(), internalEwsUrl: internal?.trim(),
    build, exchangeVersion: build && exchangeVersionOf(build),
    ...(Number.isFinite(ttlHours) && ttlHours > 0 && { ttlMs: ttlHours * 3_600_000 }),
  });
}
