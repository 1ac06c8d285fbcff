/** The generator over the real EWS schemas: counts as in the schemas' statistics, and generated/ up to date. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { PROJECT_ROOT, generate } from '../../codegen/generate';
import type { SimpleTypeDesc } from '../../src/schema/descriptors';

const { compiled, files } = generate(join(PROJECT_ROOT, 'schemas/ews'), join(PROJECT_ROOT, 'generated'));

describe('generating from the official EWS schemas', () => {
  it('reads every component the schema statistics count', () => {
    const stats = Object.fromEntries(compiled.model.fileStats);
    expect(stats['types.xsd']).toEqual({
      namedComplexTypes: 636, namedSimpleTypes: 187, enumerations: 152, enumerationValues: 1509,
      lists: 16, unions: 2, anonymousTypes: 33, globalElements: 46,
    });
    expect(stats['messages.xsd']).toMatchObject({ namedComplexTypes: 332, namedSimpleTypes: 2, enumerations: 1, lists: 1, globalElements: 275 });
    expect(Object.keys(compiled.schema.operations)).toHaveLength(123);
  });

  it('resolves the three substitution groups with as many members as the statistics count', () => {
    expect(compiled.substitutionHeads).toEqual([
      { head: 'Path', members: 3 }, { head: 'Transition', members: 3 }, { head: 'SearchExpression', members: 13 },
    ]);
  });

  it('reads Exchange 2013 legacy t:Group as an alias of t:GroupedItems', () => {
    const type = compiled.schema.types.ArrayOfGroupedItemsType;
    expect(type).toMatchObject({ wrapper: true, fields: [{ element: { name: 'GroupedItems', aliases: ['Group'] } }] });
  });

  it('maps operations whose body elements are not named after them', () => {
    expect(compiled.schema.operations.GetUserAvailability).toMatchObject({
      request: 'm:GetUserAvailabilityRequest', response: 'm:GetUserAvailabilityResponse',
    });
    expect(compiled.schema.operations.GetUserAvailability.inputHeaders.filter((h) => h === 't:RequestServerVersion')).toHaveLength(1);
  });

  it('matches the committed generated/ files exactly (run `npm run codegen` after changing codegen/)', () => {
    for (const file of files) expect(readFileSync(file.path, 'utf8')).toBe(file.text);
  });
});

describe('FieldURIs', () => {
  const { fieldUris, fieldUrisWithoutElement } = require('../../generated/field-uris');

  it('resolves the FieldURIs of items, messages, calendar items, contacts, tasks and folders to their elements', () => {
    expect(fieldUris['item:Subject']).toEqual({ type: 'ItemType', prop: 'Subject' });
    expect(fieldUris['calendar:Start']).toEqual({ type: 'CalendarItemType', prop: 'Start' });
    expect(fieldUris['message:IsRead']).toEqual({ type: 'MessageType', prop: 'IsRead' });
    expect(fieldUris['folder:DisplayName']).toEqual({ type: 'BaseFolderType', prop: 'DisplayName' });
    expect(fieldUris['meeting:ProposedStart']).toEqual({ type: 'MeetingResponseMessageType', prop: 'ProposedStart' });
  });

  it('accounts for every FieldURI value: resolved or listed with a reason', () => {
    const all = (compiled.schema.types.UnindexedFieldURIType as SimpleTypeDesc).enum ?? [];
    expect(Object.keys(fieldUris).length + Object.keys(fieldUrisWithoutElement).length).toBe(all.length);
    expect(fieldUrisWithoutElement['item:Subject']).toBeUndefined();
  });
});
