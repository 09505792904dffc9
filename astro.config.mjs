// @ts-check
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";

export default defineConfig({
  srcDir: "./site",
  output: "server",
  adapter: cloudflare({ imageService: "passthrough" }),
  security: { checkOrigin: true },
  build: { inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  telemetry: false,
});
