// The rooms of docs/architecture.md, kept by the linter: each folder may import
// only the folders below it, no file cycle, no ad-hoc errors, no floating promise.
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

/** An import that climbs out of the current folder into one of `folders` (relative imports only: that is all src uses). */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });

const SANDBOX_ONLY_AT_START = 'only start-up wiring imports the sandbox.';
const NOT_THE_CLI = 'bot and cli share parsing through src/input, never each other.';

const restrict = (files, folders, message, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [into(folders, message)] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '**/*.json', '**/*.js', '**/*.mjs'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Sentences and URLs may run long until they move beside the catalogues; code may not.
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: 'Throw a PasskeyDoctorError with a code from src/errors/catalog.ts.' },
      ],
    },
  },
  { files: ['src/model/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./', message: 'src/model imports nothing of ours.' }] }] } },
  // One folder down (src/model/findingWords), '../' is still the model; '../../' leaves it.
  { files: ['src/model/*/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./', message: 'src/model imports nothing of ours.' }] }] } },
  restrict(['src/diagnosis/**/*.ts'], ['graph', 'bot', 'sandbox', 'store', 'actions', 'cli', 'tenant', 'cards', 'wiring', 'input'], 'diagnosis is pure: it declares ports, graph implements them.'),
  restrict(['src/tenant/**/*.ts'], ['bot', 'sandbox', 'store', 'cli', 'actions', 'cards', 'wiring', 'input'], 'tenant reads through ports; it never reaches the bot, the sandbox or the store.'),
  restrict(['src/catalog/**/*.ts'], ['diagnosis', 'tenant', 'graph', 'bot', 'cli', 'actions', 'cards', 'store', 'sandbox', 'input', 'wiring'], 'catalog is data over the model.'),
  restrict(['src/graph/**/*.ts'], ['bot', 'cli', 'actions', 'cards', 'sandbox', 'wiring'], 'graph serves the rooms above it; it does not call them.'),
  restrict(['src/input/**/*.ts'], ['bot', 'cli', 'graph', 'actions', 'cards', 'sandbox', 'store', 'wiring'], 'input parsing is shared by cli and bot and reaches nothing.'),
  restrict(['src/actions/**/*.ts'], ['bot', 'cli', 'cards', 'sandbox', 'wiring'], 'actions never reach the bot, the cards or the sandbox.'),
  restrict(['src/store/**/*.ts'], ['bot', 'cli', 'actions', 'diagnosis', 'tenant', 'graph', 'cards', 'sandbox', 'wiring'], 'the store knows records, not rooms.'),
  restrict(['src/cards/**/*.ts'], ['bot', 'cli', 'graph', 'sandbox', 'wiring'], 'cards render view models; they never reach Graph or the bot.'),
  // Start-up wiring (src/wiring, the bot's main and settings) is the one place that may start the sandbox.
  // One entry per file set: a later no-restricted-imports entry for the same files replaces an earlier one.
  {
    files: ['src/bot/**/*.ts'],
    ignores: ['src/bot/main.ts', 'src/bot/settings.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [into(['sandbox'], SANDBOX_ONLY_AT_START), into(['cli'], NOT_THE_CLI)] }] },
  },
  restrict(['src/bot/main.ts', 'src/bot/settings.ts'], ['cli'], NOT_THE_CLI),
  restrict(['src/cli/**/*.ts'], ['sandbox', 'bot'], 'the CLI reaches the sandbox only through src/wiring.'),
  { files: ['src/errors/**/*.ts'], rules: { 'no-restricted-syntax': 'off' } },
);
