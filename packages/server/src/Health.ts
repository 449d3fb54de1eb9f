import { Effect } from "effect"
import type { Plugin as YogaPlugin } from "graphql-yoga"
import { databaseAnswers, type Host } from "./Host.js"

/**
 * `/healthz` answers while the process runs; `/readyz` answers 200 when the database
 * answers and every plugin booted, else 503, listing each plugin with its version and status.
 */
export const useHealth = (host: Host): YogaPlugin => ({
  async onRequest({ url, endResponse }) {
    if (url.pathname === "/healthz") {
      endResponse(Response.json({ status: "ok" }))
    } else if (url.pathname === "/readyz") {
      const database = await Effect.runPromise(databaseAnswers(host))
      const ready = database && host.plugins.every((p) => p.status === "booted")
      endResponse(
        Response.json(
          { status: ready ? "ready" : "degraded", database: database ? "ok" : "unreachable", plugins: host.plugins },
          { status: ready ? 200 : 503 },
        ),
      )
    }
  },
})
