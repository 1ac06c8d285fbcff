/**
 * Dispatch by operation name: simulated operations run their handler, any other operation raises
 * UnsupportedOperationError for the SOAP shell to turn into Exchange's fault.
 */
import type * as m from '../../generated/messages';
import { isSimulatedOperation, runOperation, UnsupportedOperationError } from '../../src/simulator/operations';
import { folder, newWorld, only } from './fixtures';

describe('runOperation', () => {
  test('runs a simulated operation by name', () => {
    const world = newWorld();
    const response = runOperation('GetFolder', world.alice, { FolderShape: { BaseShape: 'Default' }, FolderIds: [folder('inbox')] });
    expect(only<m.FolderInfoResponseMessageType & { $el: 'GetFolderResponseMessage' }>(response).Folders![0]).toMatchObject({ DisplayName: 'Inbox' });
  });

  test('an operation the simulator does not implement raises UnsupportedOperationError naming it', () => {
    const world = newWorld();
    expect(() => runOperation('ResolveNames', world.alice, { UnresolvedEntry: 'bob', ReturnFullContactData: false })).toThrow(UnsupportedOperationError);
    try {
      runOperation('GetUserAvailability', world.alice, {} as never);
    } catch (error) {
      expect(error).toMatchObject({ name: 'UnsupportedOperationError', operation: 'GetUserAvailability' });
    }
    expect.assertions(2);
  });

  test('isSimulatedOperation tells the shell which operations are served', () => {
    expect(['FindItem', 'SyncFolderItems', 'CreateAttachment'].every(isSimulatedOperation)).toBe(true);
    expect(isSimulatedOperation('ResolveNames')).toBe(false);
    expect(isSimulatedOperation('toString')).toBe(false);
  });
});
