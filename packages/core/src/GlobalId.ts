import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay"
import { ParseResult, Schema } from "effect"

/**
 * A Relay global id of a `typename` node, decoded to the node's own id. Anything else,
 * including the id of another type, is refused with a message naming the expected type.
 */
export const GlobalId = (typename: string) =>
  Schema.transformOrFail(Schema.String, Schema.String, {
    strict: true,
    decode: (globalId, _, ast) => {
      try {
        const decoded = decodeGlobalID(globalId)
        if (decoded.typename === typename && decoded.id !== "") return ParseResult.succeed(decoded.id)
      } catch {}
      return ParseResult.fail(
        new ParseResult.Type(ast, globalId, `expected the id of a ${typename}, got ${JSON.stringify(globalId)}`),
      )
    },
    encode: (id) => ParseResult.succeed(encodeGlobalID(typename, id)),
  })

export { encodeGlobalID }
