/**
 * Start-up target (`node startup.js <target>`): import one client and construct it, no request; the
 * parent times the whole process. Prints the peak RSS in KiB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { peakRssKiB } from './peak-rss';

export const STARTUP_TARGETS = ['saxes floor', 'typed-ews', 'ews-javascript-api'] as const;
export type StartupTarget = (typeof STARTUP_TARGETS)[number];

const EWS_URL = 'https://mail.contoso.com/EWS/Exchange.asmx';

/** What `require('typed-ews')` loads: package.json's `main`, in the bench's build (bench/.out/build, which has no `dist/`). */
export function typedEwsEntry(buildRoot: string): string {
  const { main } = JSON.parse(fs.readFileSync(path.join(buildRoot, '..', '..', '..', 'package.json'), 'utf8')) as { main: string };
  return path.join(buildRoot, path.relative('dist', main));
}

function start(target: StartupTarget): void {
  switch (target) {
    case 'saxes floor': {
      const { SaxesParser } = require('saxes') as typeof import('saxes');
      new SaxesParser({ xmlns: true });
      return;
    }
    case 'typed-ews': {
      const { ExchangeClient } = require(typedEwsEntry(path.join(__dirname, '..'))) as typeof import('../src/client/exchange-client');
      new ExchangeClient({ url: EWS_URL });
      return;
    }
    case 'ews-javascript-api': {
      const ews = require('ews-javascript-api') as typeof import('ews-javascript-api');
      const service = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013_SP1);
      service.Url = new ews.Uri(EWS_URL);
      return;
    }
  }
}

if (require.main === module) {
  start(process.argv[2] as StartupTarget);
  process.stdout.write(`${peakRssKiB()}\n`);
}
