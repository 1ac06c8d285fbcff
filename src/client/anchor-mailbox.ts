/**
 * X-AnchorMailbox from the impersonated mailbox. Exchange 2013 and later route a request by this header
 * (to the server that hosts the mailbox); without it an impersonated request is routed by the caller's
 * own mailbox and may land on a server that must proxy it again, or fail with ErrorProxyRequestNotAllowed.
 * Microsoft's impersonation guidance names the impersonated user's SMTP address as its value, so only
 * the SMTP forms of ExchangeImpersonation set it; a SID or a user principal name (which need not be a
 * routable address) sets nothing, and the caller passes the header with the mailbox's SMTP address.
 * X-PreferServerAffinity is not added: it belongs to notification subscriptions (see notifications/).
 */
import type { Impersonation } from './soap-headers';

export const ANCHOR_MAILBOX_HEADER = 'X-AnchorMailbox';

/** The SMTP address to anchor an impersonated request to, if the impersonation names one. */
export function anchorMailboxOf(impersonation: Impersonation | undefined): string | undefined {
  if (impersonation === undefined) return undefined;
  if ('smtpAddress' in impersonation) return impersonation.smtpAddress;
  if ('primarySmtpAddress' in impersonation) return impersonation.primarySmtpAddress;
  return undefined;
}

/**
 * The HTTP headers of one request: the client's, then the call's, over an X-AnchorMailbox derived from the
 * impersonation. An explicit X-AnchorMailbox, in any letter case, wins (so nothing sends it twice).
 */
export function requestHeaders(
  impersonation: Impersonation | undefined,
  ...explicit: (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const headers: Record<string, string> = Object.assign({}, ...explicit);
  const anchor = anchorMailboxOf(impersonation);
  const named = Object.keys(headers).some((name) => name.toLowerCase() === ANCHOR_MAILBOX_HEADER.toLowerCase());
  return anchor === undefined || named ? headers : { [ANCHOR_MAILBOX_HEADER]: anchor, ...headers };
}
