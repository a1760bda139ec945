import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname, "server-only": path.join(import.meta.dirname, "tests/support/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/workflow-definitions.ts"],
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
