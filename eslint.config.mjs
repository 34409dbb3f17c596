// Lint with the layer boundaries of docs/architecture.md (imports only point down):
// pages → features → core → ui → platform → domain, and core → api → domain. The API client
// never imports platform (its transport is injected); platform takes the client's transport
// types with `import type` only. ui imports neither api nor core. Taro APIs only in src/platform;
// src/domain imports no framework, no server; a feature never imports another feature, nor a
// subpackage another (from the folder tree); no import closes a circle (scripts/eslint/local-rules.mjs);
// src/ never imports server/ (wire types are src/contract's). The measured picture:
// `npx tsx scripts/import-graph.ts`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import local from './scripts/eslint/local-rules.mjs'

// Boundaries come from the folder tree (local/no-sibling-import): a folder of src/features or of
// src/packages never imports another of the same root, whatever its name — no list to keep.
const ROOT = fileURLToPath(new URL('.', import.meta.url))
const here = (path) => join(ROOT, path)

// The server's composition: it imports the kernel and every capability; neither imports it.
const SERVER_COMPOSITION = [
  'server/app.ts',
  'server/main.ts',
  'server/jobs.ts',
  'server/ready-banner.ts',
  'server/seed',
].map(here)

// THE allow-list of imports from one capability into another (local/no-sibling-import above), each
// in a file another engineer's branch rewrites (written in the old layout, merged by the lead):
// the lead empties this list at merge. [importing file, imported file]. scripts/import-graph.ts
// --check reads the same list.
export const SERVER_CROSSINGS_OWNED_ELSEWHERE = [
  // Empty: the last crossings went when the branches that owned them merged (members moved to esign;
  // the seal-grant expiry became esign's job; the notice retries the kernel's). Keep it empty.
]
const CROSSING_OWNED_ELSEWHERE = SERVER_CROSSINGS_OWNED_ELSEWHERE.map(([from, to]) => [here(from), here(to)])

const taroApis = { name: '@tarojs/taro', message: 'Taro APIs belong in src/platform only.' }
// Nothing in src/ imports server/, not even a type: the wire types are src/contract's (#13 item 2).
const serverCode = {
  group: ['**/server', '**/server/**'],
  message: 'The app never imports server/ (wire types: src/contract/<capability>/schemas, `import type`).',
}
const noFeatures = { group: ['**/features/**'], message: 'Lower layers may not import features.' }
const noPages = { group: ['**/pages/**', '**/packages/**'], message: 'Only Taro routes may be pages.' }
const noCore = { group: ['**/core/**'], message: 'This layer sits below core.' }
const noApi = { group: ['**/api/**'], message: 'This layer sits below the API client.' }
const apiTypesOnly = {
  group: ['**/api/client'],
  allowTypeImports: true,
  message: 'Platform implements the client transport: `import type` only.',
}

// The contract's TypeBox schemas are the server's at runtime; the app takes their types only, so
// no TypeBox code reaches the mini-program bundle (src/contract/endpoint.ts, docs/decisions/0008).
const contractSchemasTypesOnly = {
  group: ['typebox', 'typebox/*', '**/contract/*/schemas', '**/contract/common'],
  allowTypeImports: true,
  message: 'The app imports the contract schemas and TypeBox with `import type` only (descriptors: */endpoints).',
}

const restrict = (paths, patterns) => ['error', { paths, patterns: [...patterns, contractSchemasTypesOnly] }]

// Regex lookbehind ((?<=…), (?<!…)): JavaScriptCore before iOS 16.4 — WeChat's and Alipay's logic
// layer on those iPhones — refuses to load a file holding one, and Babel cannot lower it. Capture
// the preceding character instead. scripts/output-check.ts checks the built output as well.
const LOOKBEHIND = '/\\(\\?<[=!]/'
const lookbehindMessage =
  'No regex lookbehind: iOS < 16.4 cannot load the file (capture the preceding character instead).'
const noLookbehind = [
  'error',
  ...[
    `Literal[regex.pattern=${LOOKBEHIND}]`,
    `:matches(NewExpression, CallExpression)[callee.name='RegExp'] > Literal.arguments[value=${LOOKBEHIND}]`,
    `:matches(NewExpression, CallExpression)[callee.name='RegExp'] > TemplateLiteral.arguments TemplateElement[value.raw=${LOOKBEHIND}]`,
  ].map((selector) => ({ selector, message: lookbehindMessage })),
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly', wx: 'readonly', my: 'readonly' },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': [
        'error',
        { name: 'wx', message: 'wx.* belongs in src/platform.' },
        { name: 'my', message: 'my.* belongs in src/platform.' },
      ],
      '@typescript-eslint/no-restricted-imports': restrict([taroApis], [serverCode]),
    },
  },
  {
    files: ['src/platform/**'],
    rules: {
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-restricted-imports': restrict([], [serverCode, noFeatures, noPages, noCore, apiTypesOnly]),
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          taroApis,
          { name: 'react', message: 'src/domain is pure TypeScript.' },
          { name: '@tarojs/components', message: 'src/domain is pure TypeScript.' },
        ],
        [
          {
            group: [
              '**/server/**',
              '**/platform/**',
              '**/api/**',
              '**/core/**',
              '**/ui/**',
              '**/features/**',
              '**/pages/**',
              '@tarojs/*',
              'react*',
              'zustand*',
              'fastify*',
              'pg',
            ],
            message: 'src/domain imports no framework, no server, no network.',
          },
        ],
      ),
    },
  },
  {
    files: ['src/api/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [taroApis, { name: 'react', message: 'The API client is framework-free.' }],
        [
          serverCode,
          noFeatures,
          noPages,
          noCore,
          { group: ['**/platform/**', '**/ui/**'], message: 'The API client gets its transport injected.' },
        ],
      ),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [taroApis],
        [serverCode, noFeatures, noPages, noCore, noApi],
      ),
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([taroApis], [serverCode, noFeatures, noPages]),
    },
  },
  {
    files: ['src/features/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([taroApis], [serverCode, noPages]),
    },
  },
  {
    files: ['src/features/**', 'src/packages/**'],
    plugins: { local },
    rules: { 'local/no-sibling-import': ['error', { roots: [here('src/features'), here('src/packages')] }] },
  },
  // The server (#13): server/kernel/ is below every capability; each folder of server/capabilities/
  // is a capability that imports the kernel, src/domain and src/contract, never another capability
  // (read from the folder tree: a new capability folder is governed without editing a list); the
  // composition (server/app.ts, main.ts, jobs.ts, ready-banner.ts, server/seed/) imports them all
  // and nothing imports it. docs/architecture.md › The server.
  {
    files: ['server/capabilities/**/*.ts'],
    plugins: { local },
    rules: {
      'local/no-sibling-import': ['error', { roots: [here('server/capabilities')], allow: CROSSING_OWNED_ELSEWHERE }],
      'local/no-import-into': [
        'error',
        { into: SERVER_COMPOSITION, because: 'the composition imports capabilities, not the reverse.' },
      ],
    },
  },
  {
    files: ['server/kernel/**/*.ts'],
    plugins: { local },
    rules: {
      'local/no-import-into': [
        'error',
        {
          into: [here('server/capabilities'), ...SERVER_COMPOSITION],
          because:
            'the kernel knows no capability and no composition; a capability contributes through what it registers.',
        },
      ],
    },
  },
  {
    // No import circles in the app or the server (type imports count, as in scripts/import-graph.ts).
    // (The one known exception, server/contract.ts ↔ server/contract-seals.ts, went with those files.)
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { local },
    rules: { 'local/no-cycle': 'error' },
  },
  {
    files: ['server/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/{platform,api,core,ui,features,pages,packages}/**', '@tarojs/*', 'react'],
              message: 'The server shares only src/domain and src/contract with the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract: TypeBox schemas (server at runtime) and descriptors (app and server). It imports
    // only src/domain, TypeBox and itself; its descriptors and error files ship in the app.
    files: ['src/contract/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/{platform,api,core,ui,features,pages,packages}/**', '@tarojs/*', 'react'],
              message: 'src/contract imports only src/domain and TypeBox.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/contract/endpoint.ts',
      'src/contract/errors.ts',
      'src/contract/**/endpoints.ts',
      'src/contract/**/*-endpoints.ts',
      'src/contract/**/errors.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([], []) },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: { 'no-restricted-syntax': noLookbehind },
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/**', 'config/**', '*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
)
