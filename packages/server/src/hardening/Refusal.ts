import { createGraphQLError } from "graphql-yoga"

/** What a refusal adds to `extensions` besides its code: the limit's name and value, a retry delay. */
export type RefusalDetails = Readonly<Record<string, string | number | boolean>>

/**
 * The GraphQL error of a request the server refuses before or instead of running it. Every
 * refusal has a `code` a client can branch on and a message that says what to change; yoga
 * answers with `status` when the error ends the request, and with these `headers`.
 */
export const refusal = (
  code: string,
  message: string,
  details: RefusalDetails = {},
  http?: { readonly status: number; readonly headers?: Readonly<Record<string, string>> },
) => createGraphQLError(message, { extensions: { code, ...details, ...(http ? { http } : {}) } })

/** The same refusal as a whole HTTP response, for hooks that end the request themselves. */
export const refusalResponse = (
  status: number,
  code: string,
  message: string,
  details: RefusalDetails = {},
  headers: Readonly<Record<string, string>> = {},
) =>
  Response.json(
    { errors: [{ message, extensions: { code, ...details } }] },
    { status, headers: { ...headers, "content-type": "application/json; charset=utf-8" } },
  )
