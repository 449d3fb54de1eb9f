import { areaCategory } from "@teamops/aor"

/**
 * The kinds of area a support team gives owners beside the frontline, with the competencies of
 * the Customer Support ladder such work usually grows.
 */
export const supportAreaCategories = [
  areaCategory({
    key: "frontline-tooling",
    name: "Frontline tooling",
    description: "The help desk, its macros, routing and integrations the frontline works in every day.",
    suggestedCompetencies: ["process-and-tooling", "troubleshooting"],
  }),
  areaCategory({
    key: "blog-posts",
    name: "Blog posts",
    description: "Posts that tell customers what the team learned and what changed.",
    suggestedCompetencies: ["customer-communication", "product-knowledge"],
  }),
  areaCategory({
    key: "educational-content",
    name: "Educational content",
    description: "Help-centre articles, guides and videos that let customers help themselves.",
    suggestedCompetencies: ["customer-communication", "product-knowledge"],
  }),
  areaCategory({
    key: "mentoring-and-onboarding",
    name: "Mentoring and onboarding",
    description: "Bringing new teammates up to speed and helping others grow.",
    suggestedCompetencies: ["mentoring-and-leadership"],
  }),
  areaCategory({
    key: "process-writing",
    name: "Process writing",
    description: "Writing down how the team works, so that it works the same way for everyone.",
    suggestedCompetencies: ["ownership", "process-and-tooling"],
  }),
  areaCategory({
    key: "tool-evaluation",
    name: "Tool evaluation",
    description: "Trying the tools the team might adopt and recommending one with reasons.",
    suggestedCompetencies: ["process-and-tooling"],
  }),
  areaCategory({
    key: "product-liaison",
    name: "Product liaison",
    description: "Carrying what customers say to the product team and what it ships back to the frontline.",
    suggestedCompetencies: ["collaboration-with-product", "product-knowledge"],
  }),
  areaCategory({
    key: "quality-reviews",
    name: "Quality reviews",
    description: "Reading conversations against the team's standard and feeding back what to keep and change.",
    suggestedCompetencies: ["customer-communication", "mentoring-and-leadership"],
  }),
]
