// Type-aware lint over the whole tree; the build output and dependencies are not ours to lint.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", "bin/moor.js", ".dependency-cruiser.cjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // A terminal tool parses escape sequences: control characters in its regexes are the point.
      "no-control-regex": "off",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  { files: ["eslint.config.js"], ...tseslint.configs.disableTypeChecked },
  // dependency-cruiser reads its configuration as CommonJS.
  {
    files: [".dependency-cruiser.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: "commonjs", globals: { module: "writable" } },
  },
  // The bin entry is plain JavaScript that Node 14 must still parse (it turns an old Node away in one line).
  {
    files: ["bin/moor.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ecmaVersion: 2020, globals: { process: "readonly" } },
  },
);
