/**
 * The `errors` option of a mutation field (Pothos' errors plugin): it answers the union
 * `<Name>Result` of the success type `<Name>Success`, whose data is in `dataField`, and of the
 * error types `types`, each implementing the `Error` interface.
 *
 * ```ts
 * createDeal: t.field({ type: DealRef, errors: payload("CreateDeal", "deal", [InputError, ConflictError]), ... })
 * ```
 */
export const payload = <T extends ReadonlyArray<abstract new (...args: any) => Error>>(
  name: string,
  dataField: string,
  types: T,
) => ({
  types,
  union: { name: `${name}Result` },
  result: { name: `${name}Success` },
  dataField: { name: dataField },
})
