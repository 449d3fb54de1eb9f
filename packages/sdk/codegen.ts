// The SDK's types, generated from the committed schema, the SDK's own operations and the event
// log's event types: `npm run sdk` regenerates src/generated after any of them changes.
import type { CodegenConfig } from "@graphql-codegen/cli"
import type { CodegenPlugin } from "@graphql-codegen/plugin-helpers"
import { eventTypesModule } from "./codegen/eventTypes.js"

const eventTypes: CodegenPlugin = { plugin: () => eventTypesModule() }

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/operations/*.graphql"],
  // The event types come from this package, not from a plugin package.
  pluginLoader: (name: string) =>
    name === "@graphql-codegen/teamops-events" ? Promise.resolve(eventTypes) : import(name),
  generates: {
    "src/generated/": {
      preset: "client",
      // Documents stay strings, so the SDK needs nothing at run time but fetch.
      config: {
        documentMode: "string",
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
      },
      presetConfig: {
        fragmentMasking: false,
        // Each document carries its sha256 hash, and persisted-documents.json lists them all,
        // so a server may run these documents by hash and, if it chooses, nothing else.
        persistedDocuments: { hashAlgorithm: "sha256" },
      },
    },
    "src/generated/events.ts": { plugins: ["teamops-events"] },
  },
}
export default config
