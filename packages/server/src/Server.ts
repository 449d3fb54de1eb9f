import { createServer as createHttpServer, type Server as HttpServer } from "node:http"
import { makeRun, type Principal, type RequestContext, type Run } from "@teamops/core"
import { Cause, Effect, Exit, Scope } from "effect"
import { createYoga, type YogaServerInstance } from "graphql-yoga"
import { requestAccess } from "./access/RequestAccess.js"
import { makeSsoVerifier, type SsoConfig } from "./access/Sso.js"
import { collectingTrail, useAudit } from "./access/UseAudit.js"
import { useAuthentication } from "./access/UseAuthentication.js"
import { graphiqlOptions, renderGraphiQL, useRootRedirect } from "./GraphiQL.js"
import { useHealth } from "./Health.js"
import { bootHost, type Host, type HostConfig } from "./Host.js"
import type { CorsConfig } from "./hardening/Cors.js"
import { hardeningPlugins, hardeningSettings } from "./hardening/Hardening.js"
import type { PersistedOperationsConfig } from "./hardening/PersistedOperations.js"
import { errorLogger, maskError } from "./MaskedErrors.js"
import { usePluginRoutes } from "./PluginRoutes.js"
import { useRequestId } from "./RequestId.js"

export interface ServerConfig extends HostConfig {
  /** Serve GraphiQL at `/graphql` to browsers, and send them there from `/` (default: true). */
  readonly graphiql?: boolean
  /** Accept the company identity provider's access tokens as well as API tokens. */
  readonly sso?: SsoConfig
  /** The origins whose pages may call the API (default: none; CORS is closed). */
  readonly cors?: CorsConfig
  /** Run the operations of a persisted-documents file by hash, and with `only: true` nothing else. */
  readonly persistedOperations?: PersistedOperationsConfig
  /** Let callers read the schema (`__schema`), and suggest field names (default: true, false when NODE_ENV=production). */
  readonly introspection?: boolean
}

/** A running teamops API, testable in process through `fetch`. */
export interface TeamopsServer {
  readonly host: Host
  readonly yoga: YogaServerInstance<Record<string, never>, RequestContext>
  /** Answers one HTTP request in process, as the network server would. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>
  /** Listens on `port` (0 picks a free one) of `hostname` (default 127.0.0.1); resolves with the port once bound. */
  readonly listen: (port: number, hostname?: string) => Promise<number>
  /** Stops listening, lets requests in flight finish, and closes the database. */
  readonly close: () => Promise<void>
  /** Sets the headers GraphiQL's page starts with (the demo's admin token), for the pages served from now on. */
  readonly showInGraphiQL: (headers: Record<string, string>) => void
}

/** Boots the plugins on the configured database and builds the GraphQL server. */
export const createServer = async (config: ServerConfig): Promise<TeamopsServer> => {
  // Checked first: a mistake in the limits stops the server before it opens the database.
  const hardening = hardeningSettings(config)
  const scope = Effect.runSync(Scope.make())
  const booted = await Effect.runPromiseExit(Scope.extend(bootHost(config), scope))
  if (Exit.isFailure(booted)) {
    await Effect.runPromise(Scope.close(scope, booted))
    throw Cause.squash(booted.cause)
  }
  const host = booted.value
  const runs = new Map<string, Run>(host.booted.map((p) => [p.id, makeRun(host.runtime, p.id)]))
  const runAs = (pluginId: string) => runs.get(pluginId) ?? makeRun(host.runtime, pluginId)
  const graphiql = config.graphiql ?? true
  const principals = new WeakMap<Request, Principal>()
  const requestIds = new WeakMap<Request, string>()
  let graphiqlHeaders: Record<string, string> | undefined
  const authentication = useAuthentication(host, {
    graphiqlPage: graphiql,
    principals,
    ...(config.sso ? { sso: await makeSsoVerifier(config.sso) } : {}),
  })
  const yoga = createYoga<Record<string, never>, RequestContext>({
    schema: host.schema,
    graphiql: graphiql && (() => graphiqlOptions(host.schema, graphiqlHeaders)),
    renderGraphiQL,
    landingPage: false,
    logging: errorLogger(host.runtime),
    maskedErrors: { maskError },
    ...hardening.yogaOptions,
    cors: hardening.cors,
    context: ({ request }) => ({
      request,
      access: requestAccess(host, principals.get(request) ?? { kind: "anonymous" }),
      audit: collectingTrail(),
      loaders: new Map(),
      run: runAs,
    }),
    plugins: [
      useRequestId(requestIds),
      useHealth(host),
      ...(graphiql ? [useRootRedirect()] : []),
      authentication,
      ...hardeningPlugins(hardening, principals),
      usePluginRoutes(host, principals, hardening.limits),
      useAudit(host),
    ],
  })
  let http: HttpServer | undefined
  return {
    host,
    yoga,
    fetch: (input, init) => Promise.resolve(yoga.fetch(new Request(input, init))),
    // Only this machine, unless told otherwise: a server is put on a network on purpose.
    listen: (port, hostname = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        const server = createHttpServer(yoga)
        // Node closes a kept-alive connection idle for 5 s; while long requests keep the
        // process busy, a client's next request can wait that long unread and be cut. A
        // minute, as proxies in front of servers commonly keep theirs.
        server.keepAliveTimeout = 65_000
        server.once("error", reject)
        server.listen(port, hostname, () => {
          http = server
          const address = server.address()
          resolve(typeof address === "object" && address !== null ? address.port : port)
        })
      }),
    close: async () => {
      if (http !== undefined) {
        const server = http
        await new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
      }
      await Effect.runPromise(Scope.close(scope, Exit.void))
    },
    showInGraphiQL: (headers) => {
      graphiqlHeaders = headers
    },
  }
}
