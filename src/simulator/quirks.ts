/**
 * Real Exchange behaviours the simulator can switch on, so SDK users can test against them:
 * - `legacyGroups`: Exchange 2013 up to build 15.0.775.38 names grouped FindItem results `t:Group`
 *   instead of `t:GroupedItems`.
 * - `nilGroups`: Exchange 15+ adds extra `xsi:nil="true"` group elements before, between and after the
 *   real ones.
 * Both are applied by writing with adjusted descriptors (element name, nillable), never by editing XML text.
 */
import type { FindItemResponseType } from '../../generated/messages';
import type { ComplexTypeDesc, ElementField, SchemaSet } from '../schema/descriptors';

export interface GroupQuirks {
  readonly legacyGroups?: boolean;
  readonly nilGroups?: boolean;
}

/** The descriptors the simulator writes responses with. */
export function responseSchema(schema: SchemaSet, quirks: GroupQuirks): SchemaSet {
  if (!quirks.legacyGroups && !quirks.nilGroups) return schema;
  const groups = schema.types.ArrayOfGroupedItemsType as ComplexTypeDesc;
  const field = groups.fields[0] as ElementField;
  const element = {
    ...field.element,
    ...(quirks.legacyGroups && { name: 'Group' }),
    ...(quirks.nilGroups && { nillable: true }),
  };
  return { ...schema, types: { ...schema.types, ArrayOfGroupedItemsType: { ...groups, fields: [{ ...field, element }] } } };
}

/** With `nilGroups`, a grouped FindItem response gets nil groups before, between and after its groups. */
export function addNilGroups(response: FindItemResponseType): FindItemResponseType {
  return {
    ...response,
    ResponseMessages: response.ResponseMessages.map((message) => {
      if (message.$el !== 'FindItemResponseMessage' || !message.RootFolder?.Groups) return message;
      const groups = message.RootFolder.Groups;
      const interleaved = [null, ...groups.flatMap((group, i) => (i < groups.length - 1 ? [group, null] : [group])), null];
      return { ...message, RootFolder: { ...message.RootFolder, Groups: interleaved as typeof groups } };
    }),
  };
}
