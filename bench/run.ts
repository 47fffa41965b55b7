// `npm run bench`: moor beside OpenSSH's ssh on the same boxes in the same run. Measured, never asserted.
import { stopAllBoxes, type Box } from "../test/support/box.js";
import { startCountingProxy, type CountingProxy } from "./countingProxy.js";
import { addSessions, installTmuxCounter, registerHosts, startBoxes, tmuxVersion } from "./fleet.js";
import { measureListing } from "./listing.js";
import { measureMoorLiveView, measureOpenSshLiveView } from "./liveView.js";
import { describeMachine, machineLine } from "./machine.js";
import { lsProgram, watchProgram } from "./moorProgram.js";
import { makeOpenSshWorld } from "./openssh.js";
import { prepareClockTicks } from "./procStats.js";
import { HANDSHAKE_TIMEOUT_MS, measureRecovery } from "./recovery.js";
import { listingTable, liveViewTable, recoveryTable } from "./report.js";
import { printResults, writeResults } from "./results.js";
import { measureWarm, warmTable } from "./warm.js";
import { countingStrayHandshakeErrors } from "./strayHandshakeError.js";
import { measureStateLatency, stateLatencyTable } from "./stateLatency.js";
import { badWifiTable, measureBadWifi, type BadWifiSetup } from "./badWifi.js";
import { printBadWifiOnly } from "./badWifiOnly.js";
import { measurePushVsPoll, pushVsPollTable } from "./pushVsPoll.js";

const RUNS = Number(process.env.BENCH_RUNS ?? "5");
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? "60");
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? "6");
const BOXES = 8;
const LISTING_SESSIONS = 3;
const WIFI_BOXES = 4;
// BENCH_ONLY=badwifi runs the bad-WiFi table alone (about 5 minutes) and puts it into results.md in place.
const ONLY_BAD_WIFI = process.env.BENCH_ONLY === "badwifi";
const wifiSetup = (boxes: readonly Box[]): BadWifiSetup => ({
  boxes: boxes.slice(0, WIFI_BOXES),
  roams: 3,
  stallSeconds: Number(process.env.BENCH_STALL_SECONDS ?? "150"),
  runs: RUNS,
});
const LIVE_SESSIONS = 10;
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function main(): Promise<void> {
  if (process.env.MOOR_TEST_NETWORK !== "host")
    throw new Error("the boxes need host networking: run `. docker/provision.sh` in this shell first");
  const started = performance.now();
  const startedAt = new Date().toISOString();
  prepareClockTicks();
  if (ONLY_BAD_WIFI) {
    const boxes = await startBoxes(WIFI_BOXES);
    const machine = describeMachine(await tmuxVersion(boxes[0] as Box));
    log("bad WiFi only: roam, stalls, warm peek and ls at 300 ms RTT (moor and ssh through the same proxy)");
    const result = await measureBadWifi(wifiSetup(boxes));
    printBadWifiOnly(machine, startedAt, badWifiTable(result, 2), result, new URL("./", import.meta.url));
    return;
  }
  log(`starting ${BOXES} boxes`);
  const boxes = await startBoxes(BOXES);
  await Promise.all(boxes.map((box) => addSessions(box, 1, LISTING_SESSIONS)));
  const machine = describeMachine(await tmuxVersion(boxes[0] as Box));
  log(machineLine(machine));

  log("1/4 listing sessions on 1, 4 and 8 boxes");
  const direct = await registerHosts(boxes, "box");
  const ls = await lsProgram(direct.world, direct.names[0] ?? "box1");
  const opensshDirect = makeOpenSshWorld(
    boxes[0]?.privateKeyPath ?? "",
    boxes.map((box) => box.knownHostsLine()),
  );
  const listing = await measureListing({
    boxes,
    names: direct.names,
    world: direct.world,
    ssh: opensshDirect,
    program: ls,
    counts: [1, 4, 8],
    runs: RUNS,
  });

  log("1b/4 one-shot commands warm: through the background holder, against ssh over warm ControlMasters");
  const held = await registerHosts(boxes, "warm");
  held.world.env.MOOR_NO_DAEMON = "";
  const warm = await measureWarm({
    boxes,
    names: held.names,
    world: held.world,
    ssh: opensshDirect,
    counts: [1, 4, 8],
    runs: RUNS,
  });
  const medianOf8 = (key: string) => listing.methods.find((method) => method.key === key)?.medians[2] ?? Number.NaN;

  log("2/4 noticing a dead link and recovering (moor and ssh side by side, a box each)");
  const watch = await watchProgram(direct.world);
  const { result: recovery, stray } = await countingStrayHandshakeErrors(() =>
    measureRecovery([boxes[0] as Box, boxes[1] as Box, boxes[2] as Box], {
      runs: RUNS,
      outageMs: 10_000,
      watch: watch.standIn ? undefined : watch,
    }),
  );

  log(`3/4 live view on ${BOXES} boxes × ${LIVE_SESSIONS} sessions, ${LIVE_SECONDS} s each for moor and OpenSSH`);
  await Promise.all(
    boxes.map(async (box) => {
      await addSessions(box, LISTING_SESSIONS + 1, LIVE_SESSIONS);
      await installTmuxCounter(box);
    }),
  );
  const proxies: CountingProxy[] = [];
  try {
    for (const box of boxes) proxies.push(await startCountingProxy(box.host, box.port));
    const ports = proxies.map((proxy) => proxy.port);
    const setup = {
      boxes,
      ports,
      bytes: () => proxies.reduce((sum, proxy) => sum + proxy.bytes(), 0),
      seconds: LIVE_SECONDS,
      intervalMs: 2_000,
    };
    const viaProxies = await registerHosts(boxes, "live", ports);
    log(`moor side: ${watch.label}`);
    const moorLive = await measureMoorLiveView(setup, viaProxies.world, viaProxies.names, watch);
    log("OpenSSH side");
    const opensshLive = await measureOpenSshLiveView(
      setup,
      makeOpenSshWorld(
        boxes[0]?.privateKeyPath ?? "",
        boxes.map((box, index) => box.knownHostsLine(ports[index])),
      ),
    );
    log(`4/4 session states: screen change to state change, ${LATENCY_RUNS} runs of each`);
    const latency = await measureStateLatency(LATENCY_RUNS);
    log("5/5 bad WiFi: roam, stalls, warm peek and ls at 300 ms RTT (moor and ssh through the same proxy)");
    // A failure here (a link that never came up through the proxy) leaves the other tables standing.
    const badWifi = await measureBadWifi(wifiSetup(boxes)).catch((error: unknown) => {
      log(`bad WiFi failed: ${error instanceof Error ? error.message.slice(0, 500) : String(error)}`);
      return undefined;
    });
    log("3b/4 tmux control mode against the poll, same boxes");
    const push = await measurePushVsPoll(
      { ...setup, intervalMs: 1_000 },
      viaProxies.world,
      viaProxies.names,
      LIVE_SESSIONS,
      LATENCY_RUNS,
      log,
      latency,
    );

    const results = {
      machine,
      startedAt,
      totalSeconds: (performance.now() - started) / 1000,
      tables: [
        listingTable(listing, RUNS, LISTING_SESSIONS),
        warmTable(warm, RUNS, medianOf8("moor"), medianOf8("sshParallel")),
        recoveryTable(recovery, stray, HANDSHAKE_TIMEOUT_MS),
        liveViewTable(moorLive, opensshLive, BOXES, LIVE_SESSIONS, watch.standIn, setup.intervalMs),
        pushVsPollTable(push, LATENCY_RUNS),
        stateLatencyTable(latency, LATENCY_RUNS),
        ...(badWifi ? [badWifiTable(badWifi, 2)] : []),
      ],
      raw: {
        listing,
        warm,
        recovery,
        strayHandshakeErrors: stray,
        liveView: { moor: moorLive, openssh: opensshLive },
        stateLatency: latency,
        badWifi,
        pushVsPoll: push,
      },
    };
    printResults(results);
    writeResults(results, new URL("./", import.meta.url));
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}

process.once("SIGINT", () => {
  log("interrupted: stopping the boxes");
  void stopAllBoxes().finally(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (error instanceof Error && error.cause instanceof Error) process.stderr.write(`cause: ${error.cause.message}\n`);
} finally {
  await stopAllBoxes();
}
