import { type Builder, ViewerRef } from "@teamops/core"
import { personLoader } from "../OrgLoaders.js"
import { PersonRef } from "./refs.js"

/** `viewer { person }`: the caller's own org record. */
export const viewerFields = (builder: Builder) =>
  builder.objectField(ViewerRef, "person", (t) =>
    t.field({
      type: PersonRef,
      nullable: true,
      description: "The caller's org record; null for a service account.",
      resolve: (viewer, _, context) => (viewer.kind === "person" ? personLoader(context).load(viewer.personId) : null),
    }),
  )
