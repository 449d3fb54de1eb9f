import { type Fetcher, graphql } from "@teamops/core/testing"

/**
 * The selection of a mutation's payload: its type name, the data of its success type
 * `success` under `field`, and the fields of the kernel's error types.
 */
export const payloadSelection = (success: string, field: string, selection: string) => `
  __typename
  ... on ${success} { ${field} { ${selection} } }
  ... on Error { message }
  ... on InputError { path }
  ... on NotFoundError { entity key }`

/** Mutations a test calls by name: each with the name of its input type and the selection of its payload. */
export type MutationTable = Readonly<Record<string, readonly [inputType: string, selection: string]>>

/**
 * Calls the mutations of `table` on the server `server()` answers, and resolves with the
 * payload. A failure must be a payload: a GraphQL error in the answer rejects.
 */
export const mutationsOf =
  <T extends MutationTable>(server: () => Fetcher, table: T) =>
  async (name: keyof T & string, input: Record<string, unknown>): Promise<any> => {
    const [inputType, selection] = table[name] as readonly [string, string]
    const result = await graphql(
      server(),
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
      {
        input,
      },
    )
    if (result.errors !== undefined) throw new Error(`${name}: GraphQL errors: ${JSON.stringify(result.errors)}`)
    return result.data[name]
  }
