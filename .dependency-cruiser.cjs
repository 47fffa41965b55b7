// The layer table of ARCHITECTURE.md, checked: `npm run lint:layers` fails on an import that breaks it.
// Each folder under src/ lists the folders it may import; src/errors.ts and src/clock.ts are leaves every layer may
// import. `npm run lint:layers -- --output-type archi` (or ddot) prints the folder graph the table's column shows.
const LAYERS = {
  cli: ["core", "holder", "link", "notify", "state", "tmux", "config", "text"],
  holder: ["core", "link", "notify", "config", "text"],
  core: ["notify", "state", "tmux", "link", "config", "text"],
  notify: ["config", "text"],
  state: ["text"],
  tmux: ["ssh/shellQuote.ts", "text"],
  link: ["ssh", "text"],
  ssh: [],
  config: ["ssh/knownHostsMatch.ts", "text"],
  text: [],
};
const LEAVES = ["errors.ts", "clock.ts"];

const escapeDots = (text) => text.replace(/[.]/g, "\\.");
const allowed = (layer) => [layer, ...LAYERS[layer]].map((entry) => `^src/${escapeDots(entry)}(/|$)`);

module.exports = {
  forbidden: [
    ...Object.keys(LAYERS).map((layer) => ({
      name: `layer-${layer}`,
      comment: `src/${layer}/ may import only ${LAYERS[layer].join(", ") || "leaves"} (ARCHITECTURE.md's layer table)`,
      severity: "error",
      from: { path: `^src/${layer}/` },
      to: { path: "^src/", pathNot: [...allowed(layer), ...LEAVES.map((leaf) => `^src/${escapeDots(leaf)}$`)] },
    })),
    {
      name: "leaves-import-nothing",
      comment: "src/errors.ts and src/clock.ts are leaves: every layer imports them, so they import no other layer",
      severity: "error",
      from: { path: `^src/(${LEAVES.map(escapeDots).join("|")})$` },
      to: { path: "^src/" },
    },
    {
      name: "only-config-store-imports-conf",
      comment: "conf (and ajv under it) is imported by config/confFile.ts alone",
      severity: "error",
      from: { pathNot: "^src/config/confFile\\.ts$" },
      to: { path: "node_modules/conf/" },
    },
    {
      name: "only-ssh-imports-ssh2",
      comment: "ssh2 is imported by ssh/ alone",
      severity: "error",
      from: { pathNot: "^src/ssh/" },
      to: { path: "node_modules/ssh2/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { conditionNames: ["import", "require", "node", "default"], exportsFields: ["exports"] },
  },
};
