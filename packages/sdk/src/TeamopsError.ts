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

/**
 * A mutation's payload when it succeeded (its type ends in `Success`, as every success of
 * the API does); any other member of its union (`InputError`, `NotFoundError`,
 * `EventBatchRefused`, …) is thrown as a {@link TeamopsError}, for callers who prefer
 * exceptions.
 */
export const orThrow = <P extends { readonly __typename?: string }>(
  payload: P,
): Extract<P, { readonly __typename?: `${string}Success` }> => {
  if (payload.__typename !== undefined && !payload.__typename.endsWith("Success")) {
    const { message, problems } = payload as { message?: unknown; problems?: unknown }
    const said = typeof message === "string" ? message : "refused"
    const listed = Array.isArray(problems) && problems.length > 0 ? `\n${problems.join("\n")}` : ""
    throw new TeamopsError(`${payload.__typename}: ${said}${listed}`, {
      errors: [],
      data: payload,
      status: 200,
      requestId: undefined,
    })
  }
  return payload as Extract<P, { readonly __typename?: `${string}Success` }>
}
