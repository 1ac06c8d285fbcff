/**
 * What Autodiscover says about the server's version, turned into the RequestServerVersion a client
 * should send. The two protocols encode it differently:
 * - POX `Protocol/ServerVersion` (EXCH): 8 hex digits packing major (bits 22–27), minor (bits 16–21)
 *   and build (bits 0–14), as Outlook reads it; checked on gromox's `73C0834F`, which is 15.0.847, the
 *   version its EWS ServerVersionInfo reports (test/fixtures/autodiscover, gromox corpus README).
 * - SOAP `CasVersion`: dotted, `14.00.0478.000`; `EwsSupportedSchemas` lists the schema names.
 */
import { ExchangeVersionTypeValues, type ExchangeVersionType } from '../../generated/types';

export interface ServerBuild {
  readonly major: number;
  readonly minor: number;
  readonly build: number;
}

export function parseHexServerVersion(hex: string | undefined): ServerBuild | undefined {
  if (hex === undefined || !/^[0-9a-f]{8}$/i.test(hex.trim())) return undefined;
  const value = Number.parseInt(hex.trim(), 16);
  return { major: (value >>> 22) & 0x3f, minor: (value >>> 16) & 0x3f, build: value & 0x7fff };
}

export function parseDottedServerVersion(text: string | undefined): ServerBuild | undefined {
  const match = /^\s*(\d+)\.(\d+)\.(\d+)/.exec(text ?? '');
  return match ? { major: Number(match[1]), minor: Number(match[2]), build: Number(match[3]) } : undefined;
}

/**
 * The newest RequestServerVersion a server of this build accepts. Builds after Microsoft's release
 * table (learn.microsoft.com "Exchange Server build numbers and release dates"): 8.1 = 2007 SP1,
 * 14.1/14.2 = 2010 SP1/SP2, 15.0.847 = 2013 SP1, 15.1 = 2016 and 15.2 = 2019, which both take
 * `Exchange2016`.
 */
export function exchangeVersionOf(build: ServerBuild): ExchangeVersionType | undefined {
  const { major, minor } = build;
  if (major === 8) return known(minor >= 1 ? 'Exchange2007_SP1' : 'Exchange2007');
  if (major === 14) return known(minor >= 2 ? 'Exchange2010_SP2' : minor === 1 ? 'Exchange2010_SP1' : 'Exchange2010');
  if (major === 15 && minor === 0) return known(build.build >= 847 ? 'Exchange2013_SP1' : 'Exchange2013');
  if (major >= 15) return known('Exchange2016');
  return undefined;
}

/**
 * `name` when this schema knows it; else its newest version, which the newer server also accepts (an
 * SDK generated from an older release's schema, `npm run codegen -- --schemas DIR`, lacks the newer names).
 */
function known(name: string): ExchangeVersionType {
  const values: readonly string[] = ExchangeVersionTypeValues;
  return (values.includes(name) ? name : values[values.length - 1]) as ExchangeVersionType;
}

/** The newest name of an `EwsSupportedSchemas` list (`Exchange2007, Exchange2010`) that the schema knows. */
export function newestSupportedSchema(list: string | undefined): ExchangeVersionType | undefined {
  let best = -1;
  for (const name of (list ?? '').split(',')) {
    best = Math.max(best, ExchangeVersionTypeValues.indexOf(name.trim() as ExchangeVersionType));
  }
  return best < 0 ? undefined : ExchangeVersionTypeValues[best];
}

export function formatBuild(build: ServerBuild): string {
  return `${build.major}.${build.minor}.${build.build}`;
}
