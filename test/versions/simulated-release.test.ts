import { basicAuth } from '../../src/client/auth';
import { EwsSoapFaultError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };

describe('simulator answering as a given Exchange release', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 'release-test', users: [ALICE], serverVersion: 'Exchange2010_SP2', validateRequests: false });
  });
  afterAll(() => sim.close());

  // versionCheck 'off': the client sends what the server must refuse by itself.
  const client = (extra: Partial<ConstructorParameters<typeof ExchangeClient>[0]> = {}) =>
    new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), versionCheck: 'off', ...extra });

  it('reports the release in ServerVersionInfo and serves what it has', async () => {
    const result = await client({ version: 'Exchange2010_SP2' }).call('FindItem', {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
    });
    expect(result.serverVersion).toMatchObject({ MajorVersion: 14, MinorVersion: 2, Version: 'Exchange2010_SP2' });
  });

  it('refuses an element added in Exchange 2013 with ErrorSchemaValidation naming it', async () => {
    const error = await client({ version: 'Exchange2010_SP2' }).call('CreateItem', {
      SavedItemFolderId: { DistinguishedFolderId: { Id: 'calendar' } },
      Items: [{ $el: 'CalendarItem', Subject: 'Sync', Start: '2026-12-03T09:00:00Z', End: '2026-12-03T09:30:00Z', StartTimeZoneId: 'UTC' }],
      SendMeetingInvitations: 'SendToNone',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect((error as EwsSoapFaultError).message).toMatch(/ErrorSchemaValidation|schema validation/);
    expect((error as EwsSoapFaultError).message).toContain('t:StartTimeZoneId');
  });

  it('refuses a SOAP header the release lacks (ManagementRole, the 2013 set) with ErrorSchemaValidation naming it', async () => {
    const error = await client({ version: 'Exchange2010_SP2', managementRole: { userRoles: ['Mailbox Search'] } }).call('FindItem', {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect((error as EwsSoapFaultError).message).toContain('/soap:Header/t:ManagementRole');
  });

  it('refuses an operation the release lacks (FindPeople, Exchange 2013) with ErrorInvalidRequest', async () => {
    const error = await client({ version: 'Exchange2010_SP2' }).call('FindPeople', {
      PersonaShape: { BaseShape: 'IdOnly' }, IndexedPageItemView: { BasePoint: 'Beginning', Offset: 0, MaxEntriesReturned: 10 },
    } as never).catch((e: unknown) => e);
    expect((error as EwsSoapFaultError).message).toContain('ErrorInvalidRequest');
    expect((error as EwsSoapFaultError).message).toContain('Exchange2010_SP2 has no FindPeople operation');
  });

  it('refuses an enumeration value added in Exchange 2016 with ErrorSchemaValidation naming the attribute', async () => {
    const error = await client({ version: 'Exchange2010_SP2' }).call('GetFolder', {
      FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'recoverableitemsdiscoveryholds' }],
    }).catch((e: unknown) => e);
    expect((error as EwsSoapFaultError).message).toContain('/m:GetFolder/m:FolderIds/t:DistinguishedFolderId/@Id');
    expect((error as EwsSoapFaultError).message).toContain('value "recoverableitemsdiscoveryholds"');
  });

  it('refuses a RequestServerVersion newer than the release', async () => {
    const error = await client({ version: 'Exchange2013' }).call('FindItem', {
      Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }],
    }).catch((e: unknown) => e);
    expect((error as EwsSoapFaultError).message).toContain('ErrorInvalidServerVersion');
  });

  it('lets a client with version auto learn the release and check locally from then on', async () => {
    const auto = client({ version: 'auto', versionCheck: 'error' });
    await auto.call('FindItem', { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] });
    const error = await auto.call('FindPeople', { IndexedPageItemView: { BasePoint: 'Beginning', Offset: 0, MaxEntriesReturned: 10 } } as never).catch((e: unknown) => e);
    expect((error as Error).name).toBe('EwsVersionError');
    expect((error as Error).message).toContain('operation FindPeople needs Exchange2013_SP1');
  });
});
