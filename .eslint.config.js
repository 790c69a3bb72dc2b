// Lint for the portal (ESLint 9 flat config). Besides the usual TypeScript, import-order,
// accessibility and hooks rules it holds the layering of docs/decisions/0001-feature-folders.md:
//   - app/features and app/kernel never import app/routes; app/kernel never imports app/features
//     (save the composition roots listed in COMPOSITION_ROOTS);
//   - a file without ".server" in its name (pure rules, components, schemas) never imports a
//     ".server" file, so nothing server-only reaches the browser bundle;
//   - only ".server" files (and db/) may use kysely or the database handle;
//   - no function outside the routes, server.js and the HTTP adapters (HTTP_ADAPTERS) takes a
//     Request, URL or FormData parameter: the route reads the request and passes plain values.
// test/unit/layering.test.ts proves each rule fires on a planted violation.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Files that read the HTTP request and so may take a Request, URL or FormData parameter. */
export const HTTP_ADAPTERS = [
  "app/routes/**",
  "app/root.tsx",
  "app/entry.server.tsx",
  "server.js",
  "app/kernel/http/**",
  "app/features/**/*.http.server.ts",
  "test/**",
  "db/**",
];

/** Kernel files that wire features together (start-up, scheduled jobs, per-route body caps). */
export const COMPOSITION_ROOTS = [
  "app/kernel/lifecycle.server.ts",
  "app/kernel/schedule.server.ts",
  "app/kernel/http/body-limits.server.ts",
];

const HTTP_TYPES = "/^(Request|URL|FormData)$/";
const HTTP_PARAM_MESSAGE =
  "Services and queries take plain values, not Request/URL/FormData: read the request in the route (or an HTTP adapter) and pass the actor, client address and parsed input.";
const httpParamSelectors = [
  `:function > .params TSTypeReference > Identifier.typeName[name=${HTTP_TYPES}]`,
  `TSFunctionType > .params TSTypeReference > Identifier.typeName[name=${HTTP_TYPES}]`,
  `TSMethodSignature > .params TSTypeReference > Identifier.typeName[name=${HTTP_TYPES}]`,
].map((selector) => ({ selector, message: HTTP_PARAM_MESSAGE }));

/** A file without ".server" in its name never imports a ".server" module for its values: on the
 * classic compiler that module would reach the browser bundle (or fail there at run time).
 * Type-only imports are erased by the compiler, so they stay allowed. */
const noServerInClient = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      server:
        "A file without .server in its name (pure rules, components, schemas) never imports a .server module's values; import its types with `import type`, or move the code into a .server file.",
    },
  },
  create(context) {
    const isServer = (spec) =>
      typeof spec === "string" && (/\.server(\.[cm]?[jt]sx?)?$/.test(spec) || /(^|\/)\.server(\/|$)/.test(spec));
    const check = (source, typeOnly) => {
      if (!typeOnly && source && isServer(source.value)) context.report({ node: source, messageId: "server" });
    };
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 &&
            node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type"));
        check(node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        check(node.source, node.exportKind === "type");
      },
      ExportAllDeclaration(node) {
        check(node.source, node.exportKind === "type");
      },
      ImportExpression(node) {
        if (node.source.type === "Literal") check(node.source, false);
      },
    };
  },
};
const layeringPlugin = { meta: { name: "layering" }, rules: { "no-server-in-client": noServerInClient } };

/** The import-x/no-restricted-paths zones, relative to `root`. */
function layeringZones(root, { kernelMayImportFeatures = false } = {}) {
  const at = (p) => path.join(root, p);
  const zones = [
    {
      target: [at("app/features"), at("app/kernel")],
      from: at("app/routes"),
      message: "Features and the kernel never import routes; a route calls them.",
    },
    {
      target: [`${at("app")}/**/!(*.server).{ts,tsx}`],
      from: [`${at("db")}/{client,open,lock,cli}.ts`, `${at("db")}/migrations/**`, `${at("db")}/seed/**`],
      message: "Only .server files use the database.",
    },
  ];
  if (!kernelMayImportFeatures) {
    zones.push({
      target: at("app/kernel"),
      from: at("app/features"),
      message: "The kernel never imports a feature: features build on the kernel, not the reverse.",
    });
  }
  return zones;
}

/**
 * The whole config for a project rooted at `root` (the test lints planted files with its own root).
 * @param {string} [root]
 * @returns {import("eslint").Linter.Config[]}
 */
export function buildConfig(root = here) {
  return tseslint.config(
    {
      ignores: [
        "build/**",
        "public/build/**",
        "node_modules/**",
        ".data/**",
        "coverage/**",
        "test/fixtures/**",
        "**/*.d.ts",
      ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    importX.flatConfigs.recommended,
    importX.flatConfigs.typescript,
    {
      files: ["**/*.{ts,tsx,js,mjs}"],
      languageOptions: {
        ecmaVersion: 2023,
        sourceType: "module",
        globals: { ...globals.node, ...globals.browser },
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      settings: {
        "import-x/resolver-next": [
          createTypeScriptImportResolver({ project: path.join(here, "tsconfig.json"), alwaysTryTypes: true }),
        ],
      },
      rules: {
        "@typescript-eslint/no-unused-vars": [
          "error",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
        ],
        "@typescript-eslint/consistent-type-imports": [
          "warn",
          { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
        ],
        // Groups only (node:, packages, ~/, relative): 106 files break alphabetical order today.
        "import-x/order": [
          "warn",
          {
            groups: ["builtin", "external", "internal", "parent", "sibling", "index"],
            pathGroups: [{ pattern: "~/**", group: "internal" }],
            "newlines-between": "ignore",
          },
        ],
        "import-x/no-duplicates": "warn",
        "import-x/no-named-as-default": "off",
        "import-x/no-named-as-default-member": "off",
        "import-x/no-unresolved": ["error", { ignore: ["^\\./build/"] }],
        // Control characters are stripped on purpose (XML, iCalendar, form input).
        "no-control-regex": "off",
        "import-x/no-restricted-paths": ["error", { zones: layeringZones(root) }],
        "no-restricted-syntax": ["error", ...httpParamSelectors],
      },
    },
    {
      files: ["**/*.tsx"],
      ...jsxA11y.flatConfigs.recommended,
    },
    {
      files: ["**/*.tsx"],
      rules: {
        // role="list" on a styled list is deliberate: Safari drops list semantics with list-style: none.
        "jsx-a11y/no-redundant-roles": ["error", { nav: ["navigation"], ul: ["list"], ol: ["list"] }],
        // A scrollable region is focusable so a keyboard can scroll it (axe: scrollable-region-focusable).
        "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
        // Staff data entry (paper forms) focuses the first field on purpose; warn elsewhere.
        "jsx-a11y/no-autofocus": "warn",
      },
    },
    {
      files: ["**/*.tsx"],
      plugins: { "react-hooks": reactHooks },
      rules: {
        "react-hooks/rules-of-hooks": "error",
        "react-hooks/exhaustive-deps": "warn",
      },
    },
    {
      files: ["app/**/*.{ts,tsx}"],
      ignores: ["app/**/*.server.{ts,tsx}", "app/routes/**", "app/root.tsx", "app/entry.server.tsx"],
      plugins: { layering: layeringPlugin },
      rules: { "layering/no-server-in-client": "error" },
    },
    {
      // Non-.server files never use the database (SQL lives in .server files and db/).
      files: ["app/**/*.{ts,tsx}"],
      ignores: ["app/**/*.server.{ts,tsx}"],
      rules: {
        "@typescript-eslint/no-restricted-imports": [
          "error",
          { paths: [{ name: "kysely", message: "SQL lives in .server files and db/ only.", allowTypeImports: true }] },
        ],
      },
    },
    {
      files: COMPOSITION_ROOTS,
      rules: {
        "import-x/no-restricted-paths": ["error", { zones: layeringZones(root, { kernelMayImportFeatures: true }) }],
      },
    },
    {
      files: HTTP_ADAPTERS,
      rules: { "no-restricted-syntax": "off" },
    },
    {
      // Migrations run on Kysely<any> by design (frozen once landed), so does their runner.
      files: ["db/migrations/**", "db/migrate.ts"],
      rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
      // Tests reach into modules loosely (stubs, loaders called as Function); unused set-up is a warning.
      files: ["test/**"],
      rules: {
        "@typescript-eslint/no-explicit-any": "off",
        "@typescript-eslint/no-unsafe-function-type": "off",
        "@typescript-eslint/no-unused-vars": [
          "warn",
          { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
        ],
      },
    },
  );
}

export default buildConfig();
