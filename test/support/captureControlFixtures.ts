// Captures real control-mode transcripts (tmux -C's stdout, byte for byte) that the control parser's unit tests read
// (test/unit/tmux/fixtures/tmux-VERSION/control-*.txt): `npx tsx test/support/captureControlFixtures.ts [RELEASE...]`
// (after `. docker/provision.sh`). Releases before 3.2 have no attach -f or subscriptions, so only 3.3 and later.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { quoteArg, quoteArgv } from "../../src/ssh/shellQuote.js";
import {
  controlClientArgv,
  controlLine,
  pauseAfterCommand,
  subscribeCommand,
} from "../../src/tmux/control/controlCommands.js";
import { RELEASES, isTmuxRelease, releaseBaseImage, type TmuxRelease } from "./tmuxReleases.js";

const FIXTURES = fileURLToPath(new URL("../unit/tmux/fixtures/", import.meta.url));

const say = (command: readonly string[]): string => `echo ${quoteArg(controlLine(command))}`;

// The watch's client: subscribe, run commands (one chained pair, a UTF-8 screen, two failures), then the user's
// tmux changes (a window made and closed, a session made and killed) while session a prints a line a second.
export const WATCH_SCENARIO = String.raw`
export LANG=C.UTF-8
tmux -u new-session -d -s a -x 80 -y 24 'printf "h\303\251llo \342\234\223 a\\\\b\n"; while :; do sleep 1; echo tick; done'
tmux -u new-session -d -s b -x 100 -y 30 'sleep 600'
sleep 0.5
{
  ${say(subscribeCommand())}
  ${say(["list-sessions", "-F", "#{session_name} attached=#{session_attached}"])}
  ${say(["list-panes", "-a", "-F", "#{session_name} #{pane_id} #{window_width}x#{window_height} bell=#{window_bell_flag}"])}
  echo "display-message -p one ; display-message -p two"
  ${say(["capture-pane", "-p", "-t", "=a:", "-S", "0", "-E", "0"])}
  echo 'no-such-command'
  ${say(["capture-pane", "-p", "-t", "%99"])}
  sleep 1.5
  tmux new-window -d -t =b:
  tmux kill-window -t =b:1
  tmux new-session -d -s c 'sleep 600'
  sleep 0.3
  tmux kill-session -t =c
  sleep 1.5
  ${say(pauseAfterCommand(1))}
  sleep 0.3
} | ${quoteArgv(controlClientArgv("_moor-control"))} > /tmp/watch.txt 2>&1
sleep 0.3
tmux ls -F '#{session_name} attached=#{session_attached}' > /tmp/after.txt 2>&1
`;

// A client that sees output (no no-output): %output, then %extended-output under pause-after, %pause, %continue.
export const OUTPUT_SCENARIO = String.raw`
export LANG=C.UTF-8
tmux -u new-session -d -s out -x 80 -y 24 'sleep 0.4; while :; do printf "x\\\\y\001\t\303\274 \033[1mb\033[0m\n"; sleep 0.3; done'
pane=$(tmux display -p -t =out: '#{pane_id}')
{
  sleep 1
  ${say(pauseAfterCommand(1))}
  sleep 0.7
  echo "refresh-client -A '$pane:pause'"
  sleep 0.5
  echo "refresh-client -A '$pane:continue'"
  sleep 0.5
} | tmux -u -C attach -t =out -f ignore-size > /tmp/output.txt 2>&1
`;

function docker(args: string[], input?: string): string {
  return execFileSync("docker", args, { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] });
}

function capture(release: TmuxRelease): void {
  const name = `moor-control-capture-${release}-${String(process.pid)}`;
  docker(["run", "-d", "--rm", "--network", "none", "--name", name, releaseBaseImage(release), "sleep", "120"]);
  try {
    const version = docker(["exec", name, "tmux", "-V"])
      .trim()
      .replace(/^tmux /, "");
    const dir = `${FIXTURES}tmux-${version}/`;
    mkdirSync(dir, { recursive: true });
    docker(["exec", "-i", name, "bash", "-s"], WATCH_SCENARIO);
    docker(["exec", "-i", name, "bash", "-s"], OUTPUT_SCENARIO);
    for (const file of ["watch", "after", "output"]) {
      const bytes = execFileSync("docker", ["exec", name, "cat", `/tmp/${file}.txt`]);
      writeFileSync(`${dir}control-${file}.txt`, bytes);
    }
    console.log(`captured ${dir}`);
  } finally {
    docker(["rm", "-f", name]);
  }
}

const wanted = process.argv.slice(2);
for (const release of wanted.length === 0 ? RELEASES.filter((release) => release !== "3.1") : wanted) {
  if (!isTmuxRelease(release)) throw new Error(`no test box for tmux ${release}: use one of ${RELEASES.join(", ")}`);
  capture(release);
}
