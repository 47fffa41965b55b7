// Captures the real tmux output the unit tests read (test/unit/tmux/fixtures/tmux-VERSION/), from each test box's
// tmux: `npx tsx test/support/captureTmuxFixtures.ts [RELEASE...]` (after `. docker/provision.sh`). Each release's
// base image gets the same scenario of user-controlled text (control characters, the separator candidates, tabs,
// backslashes, unicode, invalid UTF-8), then moor's own argv runs and its stdout is written as it came.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capturePaneArgv } from "../../src/tmux/capture.js";
import { listPanesArgv, parsePaneList } from "../../src/tmux/list.js";
import { capturePanesArgv } from "../../src/tmux/paneLines.js";
import { RELEASES, isTmuxRelease, releaseBaseImage, type TmuxRelease } from "./tmuxReleases.js";

const FIXTURES = fileURLToPath(new URL("../unit/tmux/fixtures/", import.meta.url));

// Window 0 gets a name full of control characters (tmux 3.8 refuses it), window 1 unicode and backslashes, window 2
// invalid UTF-8, window 3 a working directory and window 4 a start command holding a tab and \x1f, window 5 prints
// a tab, window 6 exits 3 (its pane is kept); pane 0's title comes from the program in it (OSC 2), window 1's from
// select-pane -T. Refusals go to stderr (scenario.log).
export const SCENARIO = String.raw`
exec 2>&1
t() { tmux -u "$@"; }
t new-session -d -s compat -x 80 -y 24 -n plain
t set-option -g automatic-rename off
t rename-window -t =compat:0 "$(printf 'ctl\037sep\ttab\nnl\001\033[1m\177 end')" || echo "rename-window with control characters: refused" >&2
t new-window -d -t =compat:1 -n "$(printf '日本語 ✓ a\\b lit\\037 |')"
t new-window -d -t =compat:2 -n "$(printf 'bad\377\376utf8')" || echo "new-window -n with invalid UTF-8: refused" >&2
dir="$(printf '/tmp/dir\twith\037ctl é')"
mkdir -p "$dir"
t new-window -d -t =compat:3 -c "$dir" -n cwd
t new-window -d -t =compat:4 -n cmd "$(printf 'sleep 600 # tab\there sep\037 é')"
printf '\033]2;%s\033\\' "$(printf 'tïtle ✓ \\037 a\\b \t|\001 end')" >"$(t display-message -p -t =compat:0.0 '#{pane_tty}')"
t select-pane -t =compat:1.0 -T "$(printf 'T日本 \\037 x\\y |')" || echo "select-pane -T: refused" >&2
t select-pane -t =compat:3.0 -T "$(printf 'ctl\037title\tx')" || echo "select-pane -T with control characters: refused" >&2
t new-window -d -t =compat:5 -n out "printf 'tab\\there\\nlast line ✓\\n'; exec sleep 600"
t set-option -g remain-on-exit on
t new-window -d -t =compat:6 -n dead "sh -c 'exit 3'"
sleep 0.5
`;

// What the old separator looked like in each release's output: window 1's index and name joined by \x1f.
const OLD_SEPARATOR_ARGV = ["tmux", "-u", "list-panes", "-t", "=compat:1", "-F", "#{window_index}\x1f#{window_name}"];

function docker(args: string[], input?: string): string {
  return execFileSync("docker", args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
}

function capture(release: TmuxRelease): void {
  const name = `moor-capture-${release}-${process.pid}`;
  docker([
    "run",
    "-d",
    "--rm",
    "--network",
    "none",
    "--name",
    name,
    "-e",
    "LANG=C.UTF-8",
    releaseBaseImage(release),
    "sleep",
    "120",
  ]);
  try {
    const version = docker(["exec", name, "tmux", "-V"]);
    const dir = `${FIXTURES}tmux-${version.trim().replace(/^tmux /, "")}/`;
    mkdirSync(dir, { recursive: true });
    const log = execFileSync("docker", ["exec", "-i", name, "bash", "-s"], {
      input: SCENARIO,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
    writeFileSync(`${dir}version.txt`, version);
    writeFileSync(`${dir}scenario.log`, log);
    writeFileSync(`${dir}list-panes.txt`, docker(["exec", name, ...listPanesArgv()]));
    writeFileSync(`${dir}old-separator.txt`, docker(["exec", name, ...OLD_SEPARATOR_ARGV]));
    const panes = parsePaneList(readFileSync(`${dir}list-panes.txt`, "utf8")).map((row) => row.paneId);
    writeFileSync(`${dir}capture-panes.txt`, docker(["exec", name, ...capturePanesArgv(panes)]));
    writeFileSync(`${dir}capture-pane.txt`, docker(["exec", name, ...capturePaneArgv("=compat:out", { lines: 5 })]));
    console.log(`captured ${dir}`);
  } finally {
    docker(["rm", "-f", name]);
  }
}

const wanted = process.argv.slice(2);
for (const release of wanted.length === 0 ? RELEASES : wanted) {
  if (!isTmuxRelease(release)) throw new Error(`no test box for tmux ${release}: use one of ${RELEASES.join(", ")}`);
  capture(release);
}
