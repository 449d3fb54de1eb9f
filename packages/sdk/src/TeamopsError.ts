/** One error of a GraphQL answer, as the server sends it. */
export interface GraphQLErrorEntry {
  readonly message: string
  readonly path?: ReadonlyArray<string | number>
  readonly extensions?: { readonly code?: string } & Record<string, unknown>
}

/**
 * A request that did not answer cleanly: the GraphQL errors (or the HTTP failure), whatever
 * `data` came with them, the HTTP status and the server's request id.
 */
export class TeamopsError extends Error {
  override readonly name = "TeamopsError"
  constructor(
    message: string,
    readonly details: {
      readonly errors: ReadonlyArray<GraphQLErrorEntry>
      readonly data: unknown
      readonly status: number | undefined
      readonly requestId: string | undefined
    },
  ) {
    super(message)
  }

  get errors() {
    return this.details.errors
  }
  get data() {
    return this.details.data
  }
  get status() {
    return this.details.status
  }
  get requestId() {
    return this.details.requestId
  }
}

/** The payload types of mutations that report a refused input instead of succeeding. */
const failureTypes = /Error$/

/**
 * A mutation's payload when it succeeded; a payload of an error type (`InputError`,
 * `NotFoundError`, …) is thrown as a {@link TeamopsError}, for callers who prefer exceptions.
 */
export const orThrow = <P extends { readonly __typename?: string }>(
  payload: P,
): Exclude<P, { readonly __typename?: `${string}Error` }> => {
  if (payload.__typename !== undefined && failureTypes.test(payload.__typename)) {
    const message = (payload as { message?: unknown }).message
    throw new TeamopsError(`${payload.__typename}: ${typeof message === "string" ? message : "refused"}`, {
      errors: [],
      data: payload,
      status: 200,
      requestId: undefined,
    })
  }
  return payload as Exclude<P, { readonly __typename?: `${string}Error` }>
}
