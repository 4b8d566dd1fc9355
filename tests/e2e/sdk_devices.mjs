#!/usr/bin/env node
// End-to-end test of HomeWarden's device tools over stdio, driven by the official MCP
// TypeScript SDK client (@modelcontextprotocol/sdk), against the fake Home Assistant
// (hw_fake_ha --with-added-entities) in a process of its own.
//
// Usage:   node sdk_devices.mjs /path/to/homewarden [server args...]
//          (server args default to "--stdio")
// Env:     HOMEWARDEN_HOME, HOMEWARDEN_API_KEY   from with_key.sh (an operator key)
//          HOMEWARDEN_HA_URL, HW_FAKE_HA_URL     from with_home_assistant.sh; the fake's
//                                                control API (/_fake/calls) is read directly
//          HOMEWARDEN_E2E_TRACE=1  print every JSON-RPC message on stderr
//
// Output is TAP-like: one "ok - ..." / "not ok - ..." line per check, then a summary line
// "N passed, N failed". Exit code 1 on any failure or on the global timeout (30 s).
//
// Every successful tools/call goes through client.callTool(), which checks structuredContent
// against the outputSchema that tools/list gave: a pass also proves the output schemas.

import { describeError, j, runE2e, textOf } from "./e2e_client.mjs";

const GLOBAL_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;
const DEVICE_TOOLS = ["list_devices", "get_device_state", "list_rooms", "control_device", "ha_call_service"];
// tests/fixtures/ha/hubot-home-assistant_states.json has 131 entities, 31 of them lights;
// --with-added-entities adds lock.front_door, cover.garage_door and cover.living_room_blinds.
const EXPECTED_TOTAL = 134;
const EXPECTED_LIGHTS = 31;
const PAGE = 50;

const [binary, ...extraArgs] = process.argv.slice(2);
if (!binary) {
  console.error("usage: node sdk_devices.mjs /path/to/homewarden [server args...]");
  process.exit(2);
}
const serverArgs = extraArgs.length > 0 ? extraArgs : ["--stdio"];
const fakeUrl = process.env.HW_FAKE_HA_URL;
if (!fakeUrl) {
  console.error("sdk_devices.mjs: HW_FAKE_HA_URL is not set; run it inside with_home_assistant.sh");
  process.exit(2);
}

// Set by runE2e() before main() runs (e2e_client.mjs: TAP lines, the client, callTool()).
let tap;
let client;
let call;
const ok = (desc) => tap.ok(desc);
const notOk = (desc, why) => tap.notOk(desc, why);
const check = (cond, desc, why) => tap.check(cond, desc, why);

// The service calls the fake Home Assistant has received, as its control API lists them:
// [{domain, service, service_data, target: {entity_id: [...]}, via}].
async function fakeCalls() {
  const res = await fetch(`${fakeUrl}/_fake/calls`);
  if (!res.ok) throw new Error(`GET ${fakeUrl}/_fake/calls: HTTP ${res.status}`);
  return res.json();
}
const targets = (c, entityId) => (c?.target?.entity_id ?? []).includes(entityId);

// A tool call that must fail as a tool result (isError: true) whose text contains `needle`,
// and that must not reach Home Assistant.
async function expectToolError(label, name, args, needle) {
  let before;
  try {
    before = await fakeCalls();
  } catch (e) {
    notOk(`${label}: read the fake's calls`, describeError(e));
    return;
  }
  try {
    const res = await call(name, args);
    if (check(res.isError === true, `${label}: isError is true`, `result = ${j(res)}`)) {
      check(
        textOf(res).includes(needle),
        `${label}: the text says "${needle}"`,
        `content = ${j(res.content)}`,
      );
    }
  } catch (e) {
    notOk(`${label}: a tool result with isError: true`, `got ${describeError(e)}`);
  }
  try {
    const after = await fakeCalls();
    check(
      after.length === before.length,
      `${label}: Home Assistant got no service call`,
      `new calls = ${j(after.slice(before.length))}`,
    );
    return after.slice(before.length);
  } catch (e) {
    notOk(`${label}: read the fake's calls`, describeError(e));
  }
}

async function main() {
  // a. connect + initialize: done by runE2e()

  // b. tools/list: the five device tools, each with an input schema (and an output schema,
  //    which callTool() caches to check the results below against)
  try {
    const res = await client.listTools(undefined, { timeout: REQUEST_TIMEOUT_MS });
    const byName = new Map(res.tools.map((t) => [t.name, t]));
    for (const name of DEVICE_TOOLS) {
      const tool = byName.get(name);
      if (!check(tool !== undefined, `tools/list: includes ${name}`, `tools = ${j([...byName.keys()])}`))
        continue;
      check(
        tool.inputSchema?.type === "object" && typeof tool.inputSchema?.properties === "object",
        `tools/list: ${name}.inputSchema is an object schema with properties`,
        `inputSchema = ${j(tool.inputSchema)}`,
      );
      check(
        tool.outputSchema?.type === "object",
        `tools/list: ${name} has an outputSchema (type object)`,
        `outputSchema = ${j(tool.outputSchema)}`,
      );
    }
  } catch (e) {
    notOk("tools/list", describeError(e));
  }

  // c. list_devices, page by page
  try {
    const first = await call("list_devices", { limit: PAGE });
    const sc = first.structuredContent;
    check(first.isError !== true, "list_devices {limit: 50}: isError is not true", `result = ${j(first)}`);
    check(
      sc?.total === EXPECTED_TOTAL,
      `list_devices {limit: 50}: total === ${EXPECTED_TOTAL} (131 fixture + 3 added entities)`,
      `total = ${j(sc?.total)}, unavailable = ${j(sc?.unavailable)}`,
    );
    check(
      Array.isArray(sc?.devices) && sc.devices.length === PAGE,
      `list_devices {limit: 50}: ${PAGE} devices on the first page`,
      `devices.length = ${j(sc?.devices?.length)}`,
    );
    check(
      typeof sc?.next_cursor === "string" && sc.next_cursor.length > 0,
      "list_devices {limit: 50}: next_cursor is present",
      `structuredContent keys = ${j(sc && Object.keys(sc))}`,
    );
    check(sc?.unavailable === undefined, "list_devices {limit: 50}: no backend unavailable", `unavailable = ${j(sc?.unavailable)}`);

    const ids = (sc?.devices ?? []).map((d) => d.id);
    let cursor = sc?.next_cursor;
    let pages = 1;
    let pageProblem;
    while (cursor && pages < 10) {
      const res = await call("list_devices", { limit: PAGE, cursor });
      pages++;
      const page = res.structuredContent;
      if (res.isError === true || page?.total !== EXPECTED_TOTAL || !Array.isArray(page?.devices)) {
        pageProblem = `page ${pages}: ${j(res)}`;
        break;
      }
      ids.push(...page.devices.map((d) => d.id));
      cursor = page.next_cursor;
    }
    check(pageProblem === undefined, "list_devices: every page following next_cursor is a good page", pageProblem);
    check(
      cursor === undefined,
      "list_devices: the last page has no next_cursor",
      `still a cursor after ${pages} pages: ${j(cursor)}`,
    );
    check(
      pages === Math.ceil(EXPECTED_TOTAL / PAGE),
      `list_devices: ${Math.ceil(EXPECTED_TOTAL / PAGE)} pages of at most ${PAGE}`,
      `pages = ${pages}`,
    );
    const distinct = new Set(ids);
    check(
      ids.length === EXPECTED_TOTAL && distinct.size === EXPECTED_TOTAL,
      `list_devices: the pages hold ${EXPECTED_TOTAL} distinct ids`,
      `ids = ${ids.length}, distinct = ${distinct.size}`,
    );
    for (const id of ["ha:light.kitchen", "ha:lock.front_door", "ha:cover.garage_door", "ha:climate.my_ecobee3"]) {
      check(distinct.has(id), `list_devices: the pages include ${id}`);
    }
  } catch (e) {
    notOk("list_devices with paging", describeError(e));
  }

  // d. list_devices {type: "light"}
  try {
    const res = await call("list_devices", { type: "light" });
    const sc = res.structuredContent;
    check(
      res.isError !== true && sc?.total === EXPECTED_LIGHTS,
      `list_devices {type: "light"}: total === ${EXPECTED_LIGHTS}`,
      `isError = ${j(res.isError)}, total = ${j(sc?.total)}`,
    );
    check(
      Array.isArray(sc?.devices) &&
        sc.devices.length === EXPECTED_LIGHTS &&
        sc.devices.every((d) => d.type === "light" && d.id.startsWith("ha:light.")),
      `list_devices {type: "light"}: ${EXPECTED_LIGHTS} devices, all lights, no next_cursor`,
      `types = ${j(sc?.devices?.map((d) => d.type))}`,
    );
    check(sc?.next_cursor === undefined, `list_devices {type: "light"}: no next_cursor`, `next_cursor = ${j(sc?.next_cursor)}`);
  } catch (e) {
    notOk('list_devices {type: "light"}', describeError(e));
  }

  // e. list_rooms (the fake's synthetic areas: Kitchen, Living Room, Bedroom)
  try {
    const res = await call("list_rooms", {});
    const rooms = res.structuredContent?.rooms;
    check(
      res.isError !== true && Array.isArray(rooms) && rooms.length > 0,
      "list_rooms: includes a room",
      `result = ${j(res)}`,
    );
    const kitchen = rooms?.find((r) => r.name === "Kitchen");
    check(
      kitchen !== undefined && kitchen.backend === "ha" && kitchen.device_count > 0,
      "list_rooms: Kitchen (ha) with devices",
      `rooms = ${j(rooms)}`,
    );
  } catch (e) {
    notOk("list_rooms", describeError(e));
  }

  // f. get_device_state
  try {
    const res = await call("get_device_state", { device_id: "ha:climate.my_ecobee3" });
    const sc = res.structuredContent;
    check(res.isError !== true, "get_device_state ha:climate.my_ecobee3: isError is not true", `result = ${j(res)}`);
    check(
      sc?.id === "ha:climate.my_ecobee3" && sc?.type === "climate",
      "get_device_state ha:climate.my_ecobee3: id and type climate",
      `structuredContent = ${j(sc)}`,
    );
    check(
      sc?.attributes !== null && typeof sc?.attributes === "object" && Object.keys(sc.attributes).length > 0,
      "get_device_state ha:climate.my_ecobee3: attributes present",
      `structuredContent = ${j(sc)}`,
    );
  } catch (e) {
    notOk("get_device_state ha:climate.my_ecobee3", describeError(e));
  }

  // g. control_device: a light, to 60 %
  try {
    const before = await fakeCalls();
    const res = await call("control_device", { device_id: "ha:light.kitchen", action: "brightness", value: 60 });
    check(res.isError !== true, "control_device ha:light.kitchen brightness 60: isError is not true", `result = ${j(res)}`);
    check(
      res.structuredContent?.device_id === "ha:light.kitchen" && res.structuredContent?.action === "brightness",
      "control_device ha:light.kitchen brightness 60: structuredContent names the device and action",
      `structuredContent = ${j(res.structuredContent)}`,
    );
    const fresh = (await fakeCalls()).slice(before.length);
    check(
      fresh.some(
        (c) =>
          c.domain === "light" &&
          c.service === "turn_on" &&
          c.service_data?.brightness_pct === 60 &&
          targets(c, "light.kitchen"),
      ),
      "control_device ha:light.kitchen brightness 60: Home Assistant got light.turn_on {brightness_pct: 60} for light.kitchen",
      `new calls = ${j(fresh)}`,
    );
    check(fresh.length === 1, "control_device ha:light.kitchen brightness 60: exactly one service call", `new calls = ${j(fresh)}`);
  } catch (e) {
    notOk("control_device ha:light.kitchen brightness 60", describeError(e));
  }

  // h. refusals that must not reach Home Assistant
  // An operator key has ha:control but not ha:security.
  const unlockCalls = await expectToolError(
    "control_device ha:lock.front_door unlock (operator key)",
    "control_device",
    { device_id: "ha:lock.front_door", action: "unlock" },
    "security",
  );
  if (unlockCalls !== undefined) {
    try {
      const all = await fakeCalls();
      check(
        !all.some((c) => c.domain === "lock" || c.service === "unlock"),
        "control_device ha:lock.front_door unlock: no lock.unlock call at all",
        `calls = ${j(all)}`,
      );
    } catch (e) {
      notOk("control_device ha:lock.front_door unlock: read the fake's calls", describeError(e));
    }
  }
  await expectToolError(
    "control_device ha:light.kitchen brightness 150",
    "control_device",
    { device_id: "ha:light.kitchen", action: "brightness", value: 150 },
    "between 0 and 100",
  );
  await expectToolError(
    "control_device ha:light.nowhere on",
    "control_device",
    { device_id: "ha:light.nowhere", action: "on" },
    "There is no device",
  );
}

runE2e(
  {
    name: "homewarden-e2e-devices",
    binary,
    serverArgs,
    globalTimeoutMs: GLOBAL_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  },
  async (t, session) => {
    tap = t;
    client = session.client;
    call = session.call;
    await main();
  },
);
