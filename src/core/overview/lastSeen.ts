import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { HostOverview } from "./listHosts.js";
import type { TrackedState } from "../../state/index.js";
import { shortHash } from "../../text/shortHash.js";
import type { SessionSummary } from "./sessionSummary.js";

// What `moor ls` saw of each host the last time it answered, in moor's state dir (one file per config dir, 0600), so
// that a one-shot ls of an unreachable host still shows its sessions: their last states, marked stale, with the
// time of last contact (as watch does while a link is down). No screen text is kept: only what ls prints.

interface Seen {
  /** Epoch ms. */
  at: number;
  sessions: SessionSummary[];
}

type SeenFile = Record<string, Seen>;

const FORGET_AFTER_MS = 30 * 24 * 3600 * 1000;

export function lastSeenFile(configDir: string, env: NodeJS.ProcessEnv, home = homedir()): string {
  const key = shortHash(resolve(configDir));
  const stateHome = env.XDG_STATE_HOME || join(home, ".local", "state");
  return join(stateHome, "moor", `last-seen-${key}.json`);
}

export class LastSeen {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  /** Each unreachable host with sessions seen before: those sessions, and when it was last heard from. */
  fill(overviews: readonly HostOverview[]): HostOverview[] {
    if (!overviews.some((overview) => overview.state === "unreachable")) return [...overviews];
    const seen = this.#read();
    return overviews.map((overview) => {
      const last =
        overview.state === "unreachable" && Object.hasOwn(seen, overview.host) ? seen[overview.host] : undefined;
      return last ? { ...overview, sessions: last.sessions, lastContact: last.at } : overview;
    });
  }

  /** Keeps what the hosts that answered showed; a failure to write is no failure of ls. */
  remember(overviews: readonly HostOverview[], now: number): void {
    const answered = overviews.filter((overview) => overview.state === "ok");
    if (answered.length === 0) return;
    const seen = Object.fromEntries(
      Object.entries(this.#read()).filter(([, entry]) => now - entry.at < FORGET_AFTER_MS),
    );
    for (const overview of answered) seen[overview.host] = { at: now, sessions: overview.sessions.map(withoutScreen) };
    try {
      mkdirSync(dirname(this.#file), { recursive: true, mode: 0o700 });
      const temporary = `${this.#file}.${String(process.pid)}.tmp`;
      writeFileSync(temporary, JSON.stringify(seen), { mode: 0o600 });
      renameSync(temporary, this.#file);
    } catch {
      // a read-only state dir: ls still lists
    }
  }

  #read(): SeenFile {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.#file, "utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(
        Object.entries(parsed as Record<string, unknown>).filter(([, entry]) => isSeen(entry)),
      ) as SeenFile;
    } catch {
      return {};
    }
  }
}

function isSeen(entry: unknown): entry is Seen {
  if (typeof entry !== "object" || entry === null) return false;
  const { at, sessions } = entry as Partial<Seen>;
  return (
    typeof at === "number" &&
    Array.isArray(sessions) &&
    sessions.every(
      (session) =>
        typeof session === "object" &&
        session !== null &&
        typeof session.name === "string" &&
        typeof session.state === "object",
    )
  );
}

// The screen lines the states were read from stay on the host.
function withoutScreen(session: SessionSummary): SessionSummary {
  const { screen: _screen, ...observation } = session.observation;
  return {
    ...session,
    observation,
    state: withoutLines(session.state),
    windows: session.windows.map((window) => ({
      ...window,
      panes: window.panes.map((pane) => ({ ...pane, state: withoutLines(pane.state) })),
    })),
  };
}

function withoutLines(state: TrackedState): TrackedState {
  const { matched: _matched, ...evidence } = state.evidence;
  return { ...state, evidence: { ...evidence, lines: [] } };
}
