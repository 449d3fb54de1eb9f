import { isAbsolute } from "node:path"
import { pathToFileURL } from "node:url"

/**
 * The file that called `definePlugin`, as a `file:` URL, read from the call stack: the host
 * resolves `graphql` and `effect` from there to find a plugin that brought its own copy.
 * Undefined when the caller is not a file (a REPL).
 */
export const callerFile = (depth: number): string | undefined => {
  const prepare = Error.prepareStackTrace
  const limit = Error.stackTraceLimit
  try {
    Error.stackTraceLimit = depth + 1
    Error.prepareStackTrace = (_, sites) => sites
    const sites = new Error().stack as unknown as ReadonlyArray<NodeJS.CallSite>
    const file = sites[depth]?.getFileName() ?? undefined
    if (file === undefined) return undefined
    if (file.startsWith("file:")) return file
    return isAbsolute(file) ? pathToFileURL(file).href : undefined
  } finally {
    Error.prepareStackTrace = prepare
    Error.stackTraceLimit = limit
  }
}
