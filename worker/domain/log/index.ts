export * from "./base64.ts";
export * from "./canonical-json.ts";
export * from "./checkpoint.ts";
export * from "./merkle.ts";
