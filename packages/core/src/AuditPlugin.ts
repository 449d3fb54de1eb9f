import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core"
import type { GraphQLFieldResolver } from "graphql"
import { type AuditTrail, targetsOf } from "./Audit.js"

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      teamopsAudit: AuditPlugin<Types>
    }
  }
}

const outcomeOf = (result: unknown) => (result instanceof Error ? `refused: ${result.name}` : "ok")

/**
 * Records every mutation in the request's audit trail: what it was about (the ids and keys of
 * its input) and how it ended. Runs inside the authorization check, so a denied mutation is
 * recorded once, by the denial.
 */
export class AuditPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (fieldConfig.parentType !== "Mutation") return resolver
    return async (parent, args, context, info) => {
      const audit = (context as { audit?: AuditTrail }).audit
      const targets = targetsOf((args as { input?: unknown }).input)
      try {
        const result = await resolver(parent, args, context, info)
        audit?.record({ operation: info.fieldName, targets, outcome: outcomeOf(result) })
        return result
      } catch (error) {
        audit?.record({ operation: info.fieldName, targets, outcome: "failed" })
        throw error
      }
    }
  }
}

SchemaBuilder.registerPlugin("teamopsAudit", AuditPlugin)

/** The plugin's name, for the builder's `plugins` list. */
export const auditPlugin = "teamopsAudit" as const
