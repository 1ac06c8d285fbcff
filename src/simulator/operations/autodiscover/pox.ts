/** The simulator's POX endpoint: `POST /autodiscover/autodiscover.xml`, answered as Exchange does ([MS-OXDSCLI]). */
import type { PoxResponseDocument } from '../../../autodiscover/messages';
import { autodiscoverSchema, POX_OUTLOOK_RESPONSE_NS } from '../../../autodiscover/schema';
import { readElement } from '../../../runtime/documents';
import { writeElement } from '../../../runtime/writer';
import { lookUp, type AutodiscoverContext } from './options';

interface PoxRequestValue {
  readonly Request?: { readonly EMailAddress?: string; readonly AcceptableResponseSchema?: string };
}

/** The answer document (always HTTP 200, as Exchange answers POX errors in the body). */
export function answerPox(context: AutodiscoverContext, body: string): string {
  let request: PoxRequestValue;
  try {
    request = readElement<PoxRequestValue>(autodiscoverSchema, body, 'pq:Autodiscover');
  } catch {
    return errorDocument('600', 'Invalid Request');
  }
  const schema = request.Request?.AcceptableResponseSchema?.trim();
  const address = request.Request?.EMailAddress?.trim();
  if (schema !== POX_OUTLOOK_RESPONSE_NS) return errorDocument('601', 'Provider is not available for the requested schema');
  if (!address) return errorDocument('600', 'Invalid Request');
  const found = lookUp(context, address);
  if (found.kind === 'unknown') return errorDocument('500', 'The email address can\'t be found.');
  if (found.kind !== 'settings') {
    const account = found.kind === 'redirectAddr'
      ? { AccountType: 'email', Action: 'redirectAddr', RedirectAddr: found.target }
      : { AccountType: 'email', Action: 'redirectUrl', RedirectUrl: found.target };
    return write({ Response: { Account: account } });
  }
  const { mailbox } = found;
  const ttl = String(context.options.ttlHours ?? 1);
  const host = new URL(context.ewsUrl).host;
  return write({
    Response: {
      User: { DisplayName: mailbox.displayName, AutoDiscoverSMTPAddress: mailbox.smtpAddress },
      Account: {
        AccountType: 'email',
        Action: 'settings',
        Protocol: [
          { Type: 'EXCH', Server: host, ServerVersion: hexServerVersion(context), TTL: ttl, ASUrl: context.ewsUrl, EwsUrl: context.ewsUrl },
          { Type: 'EXPR', Server: host, TTL: ttl, ASUrl: context.ewsUrl, EwsUrl: context.ewsUrl },
        ],
      },
    },
  });
}

/** POX ServerVersion (see autodiscover/server-version.ts): major in bits 22–27, minor in 16–21, build in 0–14, plus the 0x70008000 bits gromox's answer carries. */
function hexServerVersion(context: AutodiscoverContext): string {
  const { MajorVersion = 0, MinorVersion = 0, MajorBuildNumber = 0 } = context.serverVersion;
  const value = (0x70008000 | (MajorVersion << 22) | (MinorVersion << 16) | (MajorBuildNumber & 0x7fff)) >>> 0;
  return value.toString(16).toUpperCase().padStart(8, '0');
}

function errorDocument(code: string, message: string): string {
  return write({ ErrorResponse: { Error: { ErrorCode: code, Message: message } } });
}

function write(document: PoxResponseDocument): string {
  return writeElement(autodiscoverSchema, 'pr:Autodiscover', document);
}
