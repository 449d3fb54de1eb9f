// The SDK's types, generated from the committed schema and the SDK's own operations:
// `npm run sdk` regenerates src/generated after either changes.
import type { CodegenConfig } from "@graphql-codegen/cli"

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/operations/*.graphql"],
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
      presetConfig: { fragmentMasking: false },
      // Imports end in .js, as Node resolves ES modules.
    },
  },
}
export default config
