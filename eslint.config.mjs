import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  { ignores: [".next/**", ".next-*/**", "dist/**", "packages/*/dist/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts (readServerEnv)." },
      ],
    },
  },
  {
    files: ["lib/env.ts", "scripts/**", "tests/**", "sandbox/**", "*.config.ts", "*.config.mjs", "playwright.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["sandbox/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../lib/*", "../../lib/*", "../app/*"], message: "The sandbox is Amazon: it never imports the app's code." }] }],
    },
  },
];

export default config;
