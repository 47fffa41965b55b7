// Stand-in for `moor watch HOST… --json --interval S` while that command is a placeholder: one reconnecting
// HostLink per host (retrying forever, as the live view will), and every interval one `tmux list-panes -a`
// per host through RemoteTmux, printed as one JSON line per host. Built code, Node's own type stripping.
import type * as ContextModule from "../../src/core/moorContext.js";
import type * as RemoteTmuxModule from "../../src/core/remoteTmux.js";
import type * as ListModule from "../../src/tmux/list.js";
import type * as LinkStateModule from "../../src/link/linkState.js";

const dist = new URL("../../dist/", import.meta.url);
const load = <T>(path: string): Promise<T> => import(new URL(path, dist).href) as Promise<T>;

const { MoorContext } = await load<typeof ContextModule>("core/moorContext.js");
const { RemoteTmux } = await load<typeof RemoteTmuxModule>("core/remoteTmux.js");
const { listPanesArgv, parsePaneList } = await load<typeof ListModule>("tmux/list.js");
const { FOREVER_RETRY } = await load<typeof LinkStateModule>("link/linkState.js");

// tmux -u: without a UTF-8 locale (an ssh login has none) tmux 3.3a prints the \x1f separator as "_".
const listArgv = (argv: string[]): string[] => (argv[1] === "-u" ? argv : ["tmux", "-u", ...argv.slice(1)]);
const env = process.env;
const intervalMs = Number(env.BENCH_WATCH_INTERVAL_MS ?? "2000");
const context = new MoorContext({
  configDir: env.MOOR_CONFIG_DIR ?? "",
  knownHostsFile: env.MOOR_KNOWN_HOSTS,
  env,
  home: env.HOME,
});
const emit = (event: object): void => void process.stdout.write(`${JSON.stringify(event)}\n`);

const hosts = process.argv.slice(2).map((host) => {
  const link = context.link(host, { reconnect: true, retry: FOREVER_RETRY });
  link.events.on("state", (state) => emit({ type: "link", host, state: state.kind }));
  return { host, tmux: new RemoteTmux(link), busy: false };
});

function tick(): void {
  for (const entry of hosts) {
    if (entry.busy) continue;
    entry.busy = true;
    entry.tmux
      .run(listArgv(listPanesArgv()), { noServerIsEmpty: true })
      .then((output) =>
        emit({ type: "sessions", host: entry.host, at: Date.now(), panes: parsePaneList(output, entry.host) }),
      )
      .catch((error: unknown) =>
        emit({ type: "error", host: entry.host, message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        entry.busy = false;
      });
  }
}

tick();
setInterval(tick, intervalMs);
process.once("SIGTERM", () => {
  context.close();
  process.exit(0);
});
