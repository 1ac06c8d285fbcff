/**
 * The release a server is, from its ServerVersionInfo header: its `Version` attribute when the SDK
 * knows that value (Exchange 2013 SP1 and later send it), else from the build numbers.
 */
export interface ServerVersionFields {
  readonly Version?: string;
  readonly MajorVersion?: number;
  readonly MinorVersion?: number;
  readonly MajorBuildNumber?: number;
}

/**
 * The newest RequestServerVersion of `order` (oldest first) that the server accepts. A value newer than
 * the SDK knows means a newer server: the SDK's newest is then the best it can ask for.
 */
export function versionOfServer(order: readonly string[], info: ServerVersionFields): string | undefined {
  if (info.Version && order.includes(info.Version)) return info.Version;
  if (info.Version && /^V\d{4}_\d{2}_\d{2}$/.test(info.Version)) return order[order.length - 1];
  const candidate = byBuild(info);
  return candidate && order.includes(candidate) ? candidate : undefined;
}

/** Build numbers of each release (Microsoft's "Exchange Server build numbers and release dates"). */
function byBuild({ MajorVersion: major, MinorVersion: minor = 0, MajorBuildNumber: build = 0 }: ServerVersionFields): string | undefined {
  if (major === 8) return minor >= 1 ? 'Exchange2007_SP1' : 'Exchange2007';
  if (major === 14) return minor >= 2 ? 'Exchange2010_SP2' : minor === 1 ? 'Exchange2010_SP1' : 'Exchange2010';
  if (major === 15 && minor === 0) return build >= 847 ? 'Exchange2013_SP1' : 'Exchange2013';
  if (major === 15 && minor === 1) return 'Exchange2016';
  if (major === 15 && minor >= 2) return 'V2017_07_11';
  return undefined;
}
