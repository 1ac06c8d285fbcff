/**
 * What the schema sets of schemas/versions/ do not say about themselves: which sets are doubtful and
 * why. Source: schemas/versions/PROVENANCE.md ("The sets", "exchange2013-sp1", "exchange2016").
 */
export interface SetDoubt {
  /** Why the set may only inform: shown in the generator's report. */
  readonly reason: string;
  /** Types the uploader rewrote: the set is no evidence at all (neither presence nor absence) for them. */
  readonly editedTypes?: readonly string[];
  /** The set whose form of `editedTypes` is compiled instead (the fact computation ignores them anyway). */
  readonly editedTypesFrom?: string;
}

export const doubtfulSets: Readonly<Record<string, SetDoubt>> = {
  // PROVENANCE.md "exchange2013-sp1": re-indented by php-ews, 12 complexTypes rewritten for PHP's
  // SoapClient, no services.wsdl (its operations are inferred from request/response elements).
  'exchange2013-sp1': {
    reason: 'edited by jamesiarmes/php-ews; operations inferred (no services.wsdl)',
    editedTypes: [
      'ArrayOfTransitionsType', 'ChangeDescriptionType', 'ContainsExpressionType', 'ExcludesType', 'ExistsType',
      'FieldOrderType', 'FieldURIOrConstantType', 'MultipleOperandBooleanExpressionType',
      'NonEmptyArrayOfPathsToElementType', 'NotType', 'RestrictionType', 'TwoOperandExpressionType',
    ],
    // "Each is identical in the 2010 SP2 set and in the 2015 and 2016 sets but different here."
    editedTypesFrom: 'exchange2010-sp2',
  },
  // PROVENANCE.md "exchange2016": carries Exchange Online components of 2015 that no later
  // on-premises set has (557 components absent from exchange2019).
  exchange2016: { reason: 'carries Exchange Online components of 2015 that later releases dropped' },
};
