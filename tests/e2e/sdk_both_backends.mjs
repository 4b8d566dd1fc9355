#!/usr/bin/env node
// End-to-end test of a house with Home Assistant AND a Loxone Miniserver: HomeWarden over
// stdio, driven by the official MCP TypeScript SDK client, against both fakes (hw_fake_ha and
// hw_fake_loxone) in processes of their own, each secret in the keychain; at the end, the
// server has killed its Loxone token on the way out.
//
// Usage:   node sdk_both_backends.mjs /path/to/homewarden [server args...]  (default --stdio)
// Env:     HOMEWARDEN_HOME, HOMEWARDEN_API_KEY   from with_key.sh (an operator key)
//          HW_FAKE_HA_URL, HW_FAKE_LOXONE_URL    from with_fake.sh ha / with_fake.sh loxone;
//                                                the fakes' control APIs are read directly
//          HOMEWARDEN_E2E_TRACE=1  print every JSON-RPC message on stderr

import { describeError, j, runE2e } from "./e2e_client.mjs";

// tests/fixtures/loxone/ondrejlevy-loxone-mcp_structure_file.json
const MINISERVER = "Test Miniserver";
const FIRMWARE = "14.5.12.7";
const LOXONE_DEVICES = 24; // 19 controls, 5 subcontrols
const KITCHEN_SWITCH = "0f5e3a01-0101-1b0a-ffff504f9412ab34";
const CONNECT_WAIT_MS = 10_000;

const [binary, ...extraArgs] = process.argv.slice(2);
const haUrl = process.env.HW_FAKE_HA_URL;
const loxoneUrl = process.env.HW_FAKE_LOXONE_URL;
if (!binary || !haUrl || !loxoneUrl) {
  console.error(
    "usage: node sdk_both_backends.mjs /path/to/homewarden [server args...], inside " +
      "with_fake.sh ha and with_fake.sh loxone (HW_FAKE_HA_URL, HW_FAKE_LOXONE_URL)",
  );
  process.exit(2);
}

async function fakeGet(base, path) {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`GET ${base}${path}: HTTP ${res.status}`);
  return res.json();
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// e. once the server is gone: it killed its Loxone token on the way out.
async function tokenKilled(tap) {
  let tokens;
  const deadline = Date.now() + 5_000;
  do {
    tokens = await fakeGet(loxoneUrl, "/_fake/tokens");
    if (tokens.events?.includes("killtoken")) break;
    await sleep(100);
  } while (Date.now() < deadline);
  tap.check(
    tokens.events?.includes("killtoken") && tokens.live === 0,
    "shutdown: the server killed its Loxone token (jdev/sys/killtoken), none is left",
    `tokens = ${j(tokens)}`,
  );
}

runE2e(
  {
    name: "homewarden-e2e-both-backends",
    binary,
    serverArgs: extraArgs.length > 0 ? extraArgs : ["--stdio"],
    afterClose: tokenKilled,
  },
  async (tap, { call }) => {
    // a. get_system_status: both backends; the Miniserver's name, firmware and control count
    //    once it is logged in (the login and the structure file take a moment).
    let backends = [];
    const deadline = Date.now() + CONNECT_WAIT_MS;
    for (;;) {
      const res = await call("get_system_status", {});
      backends = res.structuredContent?.backends ?? [];
      if (backends.length === 2 && backends.every((b) => b.connected === true)) break;
      if (Date.now() > deadline) break;
      await sleep(200);
    }
    const ha = backends.find((b) => b.id === "ha" || b.name?.includes("Home Assistant"));
    const loxone = backends.find((b) => b.id === "loxone" || b.name?.includes("Loxone"));
    tap.check(backends.length === 2 && ha && loxone, "get_system_status: Home Assistant and Loxone", `backends = ${j(backends)}`);
    tap.check(
      ha?.connected === true && loxone?.connected === true,
      "get_system_status: both connected",
      `backends = ${j(backends)}`,
    );
    tap.check(
      loxone?.version === FIRMWARE && loxone?.device_count === LOXONE_DEVICES,
      `get_system_status: the Miniserver's firmware ${FIRMWARE} and ${LOXONE_DEVICES} devices`,
      `loxone = ${j(loxone)}`,
    );
    tap.check(
      typeof loxone?.detail === "string" && loxone.detail.includes(`"${MINISERVER}"`) && /\d+ controls/.test(loxone.detail),
      `get_system_status: the Miniserver "${MINISERVER}" and its control count`,
      `detail = ${j(loxone?.detail)}`,
    );

    // b. list_devices across both
    try {
      const res = await call("list_devices", { limit: 500 });
      const devices = res.structuredContent?.devices ?? [];
      const ids = devices.map((d) => d.id);
      tap.check(res.isError !== true && res.structuredContent?.unavailable === undefined, "list_devices: no backend unavailable", `result = ${j(res)}`);
      tap.check(ids.some((id) => id.startsWith("ha:")), "list_devices: ha: devices", `ids = ${j(ids.slice(0, 20))}`);
      tap.check(
        ids.filter((id) => id.startsWith("loxone:")).length === LOXONE_DEVICES,
        `list_devices: ${LOXONE_DEVICES} loxone: devices`,
        `loxone ids = ${j(ids.filter((id) => id.startsWith("loxone:")))}`,
      );
      tap.check(ids.includes(`loxone:${KITCHEN_SWITCH}`) && ids.includes("ha:light.kitchen"), "list_devices: the kitchen switch (Loxone) and the kitchen light (HA)");
    } catch (e) {
      tap.notOk("list_devices across both backends", describeError(e));
    }

    // c. list_rooms merges: rooms of both backends, a Kitchen in each
    try {
      const res = await call("list_rooms", {});
      const rooms = res.structuredContent?.rooms ?? [];
      const kitchens = rooms.filter((r) => r.name === "Kitchen");
      tap.check(
        rooms.some((r) => r.backend === "ha") && rooms.some((r) => r.backend === "loxone"),
        "list_rooms: rooms of both backends",
        `rooms = ${j(rooms)}`,
      );
      tap.check(
        kitchens.some((r) => r.backend === "ha" && r.device_count > 0) &&
          kitchens.some((r) => r.backend === "loxone" && r.device_count > 0),
        "list_rooms: a Kitchen with devices in each backend",
        `kitchens = ${j(kitchens)}`,
      );
    } catch (e) {
      tap.notOk("list_rooms across both backends", describeError(e));
    }

    // d. control one device in each, asserted on what each fake received
    try {
      const before = (await fakeGet(haUrl, "/_fake/calls")).length;
      const res = await call("control_device", { device_id: "ha:light.kitchen", action: "on" });
      tap.check(res.isError !== true, "control_device ha:light.kitchen on: isError is not true", `result = ${j(res)}`);
      const fresh = (await fakeGet(haUrl, "/_fake/calls")).slice(before);
      tap.check(
        fresh.length === 1 && fresh[0].domain === "light" && fresh[0].service === "turn_on" &&
          (fresh[0].target?.entity_id ?? []).includes("light.kitchen"),
        "control_device ha:light.kitchen on: Home Assistant got light.turn_on for light.kitchen",
        `new calls = ${j(fresh)}`,
      );
    } catch (e) {
      tap.notOk("control_device ha:light.kitchen on", describeError(e));
    }
    try {
      const before = (await fakeGet(loxoneUrl, "/_fake/commands")).length;
      const res = await call("control_device", { device_id: `loxone:${KITCHEN_SWITCH}`, action: "on" });
      tap.check(res.isError !== true, `control_device loxone:${KITCHEN_SWITCH} on: isError is not true`, `result = ${j(res)}`);
      const fresh = (await fakeGet(loxoneUrl, "/_fake/commands")).slice(before);
      tap.check(
        fresh.length === 1 && fresh[0].uuid === KITCHEN_SWITCH && fresh[0].command === "on" && fresh[0].via === "http",
        "control_device loxone kitchen switch on: the Miniserver got jdev/sps/io/<uuid>/on",
        `new commands = ${j(fresh)}`,
      );
      // Signed with the token (autht), never with the password.
      const tokens = await fakeGet(loxoneUrl, "/_fake/tokens");
      tap.check(
        tokens.events?.[0] === "getjwt 4" && tokens.autht >= 2 && tokens.basic === 0,
        "the Miniserver: an app token from getjwt, requests signed with autht, no basic authentication",
        `tokens = ${j(tokens)}`,
      );
    } catch (e) {
      tap.notOk(`control_device loxone:${KITCHEN_SWITCH} on`, describeError(e));
    }
  },
);
