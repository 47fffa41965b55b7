#!/usr/bin/env node
// moor's bin entry. Written so that Node 14 and later parse it: on a Node older than moor needs it
// says so in one line instead of a stack. Then it turns on Node's module compile cache and loads the
// thin client (dist/quick.js: --version, and one-shot commands a running background holder runs
// whole); what that leaves it loads the bundled CLI for (dist/moor.js). Node compiles each once and
// reads them from the cache afterwards.
import module from "module";

const NEEDS = [22, 12, 0];
const have = process.versions.node.split(".").map(Number);
if (!isAtLeast(have, NEEDS)) {
  process.stderr.write(
    "moor needs Node \u2265 " +
      NEEDS.join(".") +
      " (this is v" +
      process.versions.node +
      "); " +
      "get a current one from https://nodejs.org, with nvm (nvm install --lts), or your package manager\n",
  );
  process.exit(2);
}
if (typeof module.enableCompileCache === "function") module.enableCompileCache();
import("../dist/quick.js")
  .then(function (quick) {
    return quick.quick(process.argv.slice(2));
  })
  .catch(function () {
    return false;
  })
  .then(function (answered) {
    if (!answered) return import("../dist/moor.js");
  });

function isAtLeast(version, minimum) {
  for (let i = 0; i < minimum.length; i++) {
    const part = version[i] || 0;
    if (part !== minimum[i]) return part > minimum[i];
  }
  return true;
}
