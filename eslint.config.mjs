import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

// Imports point down the module table in the README's architecture section.
const noPrismaOutsideLib = {
  regex: "^(@prisma/.*|@/lib/db(/client|/generated/.*)?|.*/lib/db/generated/.*)$",
  message: "Prisma is used only inside lib/; call a domain function instead.",
};
const noUpwardImports = {
  group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
  message: "lib/ never imports app/ or components/.",
};
const deliveryKnowsNoPayloads = {
  group: [
    "@/lib/hooks",
    "@/lib/hooks/*",
    "@/lib/lens",
    "@/lib/lens/*",
    "@/lib/worker",
    "@/lib/worker/*",
  ],
  message: "lib/delivery sends what it is given: it never imports hooks, lens or worker.",
};
const eqlStandsAlone = {
  group: ["@/lib/*", "@prisma/*", "next", "next/*"],
  message:
    "lib/eql takes its schema as data: it imports nothing of ours, no database, no framework.",
};
const noServerCodeInComponents = {
  regex: "^@/lib/(?!\\w[\\w-]*/schemas$|api/errors$)",
  message: "components/ are client code: talk to the API, import only lib/*/schemas.",
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".test-output/**",
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "bin/tripline"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noUpwardImports] }],
      "no-console": "error",
    },
  },
  {
    files: ["lib/delivery/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noUpwardImports, deliveryKnowsNoPayloads] }],
    },
  },
  {
    files: ["lib/eql/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noUpwardImports, eqlStandsAlone] }],
    },
  },
  {
    files: ["lib/db/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noUpwardImports] }] },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noPrismaOutsideLib] }] },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [noPrismaOutsideLib, noServerCodeInComponents] },
      ],
    },
  },
);
