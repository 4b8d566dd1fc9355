#!/usr/bin/env node
// End-to-end test of `homewarden serve` (MCP Streamable HTTP), driven by the official MCP
// TypeScript SDK client (@modelcontextprotocol/sdk, StreamableHTTPClientTransport with a Bearer
// key) for the happy path, and by plain fetch()/node:http for what a client must be refused.
//
// Usage:   node sdk_http.mjs [URL]        (URL of /mcp; default $HOMEWARDEN_URL)
//          Usually through with_server.sh, which starts the server and makes the key:
//            with_server.sh operator build/homewarden node tests/e2e/sdk_http.mjs
// Env:     HOMEWARDEN_API_KEY      the key (hwk_{role}_{seq}_{secret}); required
//          HOMEWARDEN_BINARY       when set (with_server.sh sets it) and HOMEWARDEN_HOME too,
//                                  extra keys are made with `keys generate` for the checks
//                                  "another key's session" and "rate limit -> 429"
//          HOMEWARDEN_SECURITY_LEVEL  at "development" a loopback client needs no key, so the
//                                  "no key -> 401" and ban checks are skipped
//          HOMEWARDEN_E2E_TRACE=1  print every JSON-RPC message of the SDK client on stderr
//
// Output is TAP-like: one "ok - ..." / "not ok - ..." line per check ("ok - ... # SKIP why"
// for a check that does not apply), then "N passed, N failed". Exit 1 on any failure or on
// the global timeout (60 s).
//
// The order matters: every refused key counts as a failed login from 127.0.0.1, and 10 within
// 5 minutes ban the address for 15 minutes, so the refusals come last and the very last check
// provokes the ban on purpose (a banned source gets 403 even with a good key).

import { execFileSync } from "node:child_process";
import http from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { E2eRun, j, traceMessages } from "./e2e_client.mjs";

const EXPECTED_PROTOCOL_VERSION = "2025-11-25";
const GLOBAL_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 5_000;
const TOOL = "get_system_status";
const MAX_FAILED_LOGINS = 10; // LoginGuard::MAX_FAILURES
const BODY_LIMIT = 1024 * 1024; // HttpLimits::maxBody

const url = process.argv[2] ?? process.env.HOMEWARDEN_URL;
const key = process.env.HOMEWARDEN_API_KEY;
if (!url || !key) {
  console.error("usage: HOMEWARDEN_API_KEY=hwk_... node sdk_http.mjs http://127.0.0.1:PORT/mcp");
  console.error("       (or through with_server.sh, which sets HOMEWARDEN_URL and the key)");
  process.exit(2);
}
const keyId = key.split("_").slice(0, 3).join("_");
const role = key.split("_")[1];
const development = process.env.HOMEWARDEN_SECURITY_LEVEL?.trim() === "development";
const binary = process.env.HOMEWARDEN_BINARY;
const canMakeKeys = Boolean(binary && process.env.HOMEWARDEN_HOME);
const trace = process.env.HOMEWARDEN_E2E_TRACE === "1";
const base = new URL(url);
const origin = base.origin; // http://127.0.0.1:PORT: one the server allows by default

// --- raw HTTP helpers ---------------------------------------------------------------------

const JSON_TYPES = "application/json, text/event-stream";
const rpc = (method, params, id = 1) =>
  JSON.stringify({ jsonrpc: "2.0", id, method, ...(params ? { params } : {}) });
const INITIALIZE = rpc("initialize", {
  protocolVersion: EXPECTED_PROTOCOL_VERSION,
  capabilities: {},
  clientInfo: { name: "homewarden-e2e-http", version: "0.0.0" },
});

// fetch() with a timeout; resolves to {status, headers, text, json} (json undefined when the
// body is not JSON) or throws.
async function send(method, { headers = {}, body, path = base.pathname, readBody = true } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(new URL(path, base), { method, headers, body, signal: controller.signal });
    let text = "";
    if (readBody) text = await res.text();
    else await res.body?.cancel();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  } finally {
    clearTimeout(timer);
  }
}
const auth = (k = key) => ({ Authorization: `Bearer ${k}` });
const post = (body, headers = {}) =>
  send("POST", {
    headers: { "Content-Type": "application/json", Accept: JSON_TYPES, ...headers },
    body,
  });
const show = (r) => `HTTP ${r.status} ${j(Object.fromEntries(r.headers ?? []))} ${r.text?.slice(0, 400)}`;

// node:http for what fetch() will not send (a foreign Host header).
function rawRequest(method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: base.pathname, method, headers, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode, headers: new Headers(res.headers), text }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

// A new session of our own (raw): its id.
async function openSession(k = key) {
  const r = await post(INITIALIZE, auth(k));
  const id = r.headers.get("mcp-session-id");
  if (r.status !== 200 || !id) throw new Error(`initialize: ${show(r)}`);
  await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), {
    ...auth(k),
    "Mcp-Session-Id": id,
    "MCP-Protocol-Version": EXPECTED_PROTOCOL_VERSION,
  });
  return id;
}

function makeKey(...args) {
  return execFileSync(binary, ["keys", "generate", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
}

// --- the SDK client -----------------------------------------------------------------------

const transport = new StreamableHTTPClientTransport(base, {
  requestInit: { headers: { Authorization: `Bearer ${key}` } },
});
if (trace) traceMessages(transport);
const client = new Client({ name: "homewarden-e2e-sdk-http", version: "0.0.0" }, { capabilities: {} });
// The SDK reports a standalone GET stream that ends (our DELETE ends it) as an error; not ours.
client.onerror = (e) => {
  if (trace) console.error(`# client error: ${e?.message ?? e}`);
};

const run = new E2eRun(client, GLOBAL_TIMEOUT_MS);
const { ok, notOk, check, skip } = run.tap;
const closeClient = run.closeClient;

const reqOpts = { timeout: REQUEST_TIMEOUT_MS };

async function sdkChecks() {
  try {
    await client.connect(transport, reqOpts);
    ok(`SDK connect: initialize handshake with ${url} (Authorization: Bearer ${keyId}_...)`);
  } catch (e) {
    notOk("SDK connect: initialize handshake", e?.stack ?? e);
    return false;
  }
  const serverInfo = client.getServerVersion();
  check(serverInfo?.name === "homewarden", 'initialize: serverInfo.name === "homewarden"', `serverInfo = ${j(serverInfo)}`);
  check(
    transport.protocolVersion === EXPECTED_PROTOCOL_VERSION,
    `initialize: negotiated protocolVersion === "${EXPECTED_PROTOCOL_VERSION}"`,
    `got ${j(transport.protocolVersion)}`,
  );
  const sessionId = transport.sessionId;
  check(
    typeof sessionId === "string" && /^[\x21-\x7e]+$/.test(sessionId),
    "initialize: Mcp-Session-Id issued (visible ASCII)",
    `sessionId = ${j(sessionId)}`,
  );

  try {
    const res = await client.listTools(undefined, reqOpts);
    check(
      res.tools.some((t) => t.name === TOOL),
      `tools/list: includes ${TOOL}`,
      `tools = ${j(res.tools.map((t) => t.name))}`,
    );
  } catch (e) {
    notOk("tools/list", e?.stack ?? e);
  }

  try {
    const res = await client.callTool({ name: TOOL, arguments: {} }, CallToolResultSchema, reqOpts);
    const sc = res.structuredContent;
    check(res.isError !== true, `tools/call ${TOOL}: isError is not true`, `result = ${j(res)}`);
    check(
      sc?.transport === "streamable-http",
      `tools/call ${TOOL}: structuredContent.transport === "streamable-http"`,
      `structuredContent = ${j(sc)}`,
    );
    check(
      sc?.caller?.key_id === keyId,
      `tools/call ${TOOL}: structuredContent.caller.key_id === "${keyId}"`,
      `structuredContent = ${j(sc)}`,
    );
  } catch (e) {
    notOk(`tools/call ${TOOL}`, e?.stack ?? e);
  }

  try {
    await client.ping(reqOpts);
    ok("ping");
  } catch (e) {
    notOk("ping", e?.stack ?? e);
  }
  return true;
}

async function sessionEndChecks() {
  const sessionId = transport.sessionId;
  try {
    await transport.terminateSession();
    ok("terminateSession(): DELETE /mcp with the session id accepted");
  } catch (e) {
    notOk("terminateSession(): DELETE /mcp with the session id accepted", e?.stack ?? e);
    return;
  }
  const headers = {
    ...auth(),
    "Mcp-Session-Id": sessionId,
    "MCP-Protocol-Version": EXPECTED_PROTOCOL_VERSION,
  };
  let r = await post(rpc("tools/list", undefined, 7), headers);
  check(r.status === 404, "after DELETE: POST with the ended session id -> 404", () => show(r));
  r = await send("GET", { headers: { ...headers, Accept: "text/event-stream" } });
  check(r.status === 404, "after DELETE: GET with the ended session id -> 404", () => show(r));
  r = await send("DELETE", { headers });
  check(r.status === 404, "after DELETE: DELETE again -> 404", () => show(r));
}

// Checks with our own raw session and a good key: nothing here is a failed login.
async function httpChecks() {
  let sessionId;
  try {
    sessionId = await openSession();
    ok("raw initialize + notifications/initialized on a session of our own");
  } catch (e) {
    notOk("raw initialize + notifications/initialized on a session of our own", e?.stack ?? e);
    return;
  }
  const inSession = {
    ...auth(),
    "Mcp-Session-Id": sessionId,
    "MCP-Protocol-Version": EXPECTED_PROTOCOL_VERSION,
  };

  let r = await post(rpc("tools/list", undefined, 2), inSession);
  check(
    r.status === 200 && r.json?.id === 2 && Array.isArray(r.json?.result?.tools),
    "POST tools/list in the session -> 200 with the JSON-RPC result",
    () => show(r),
  );
  check(
    (r.headers.get("content-type") ?? "").startsWith("application/json"),
    "POST answer: Content-Type application/json",
    () => show(r),
  );
  if (development) {
    skip("authenticated answer: X-RateLimit-Limit/Remaining/Reset", "no rate limit at the development level");
  } else {
    const limit = Number(r.headers.get("x-ratelimit-limit"));
    const remaining = Number(r.headers.get("x-ratelimit-remaining"));
    const reset = r.headers.get("x-ratelimit-reset");
    check(
      limit > 0 && remaining >= 0 && remaining < limit && reset !== null && /^\d+$/.test(reset),
      `authenticated answer: X-RateLimit-Limit/Remaining/Reset (${limit}/${remaining}/${reset})`,
      () => show(r),
    );
  }
  const csp = r.headers.get("content-security-policy") ?? "";
  check(
    r.headers.get("x-content-type-options") === "nosniff" &&
      csp.includes("frame-ancestors 'none'") &&
      (r.headers.get("cache-control") ?? "").includes("no-store"),
    "security headers: nosniff, frame-ancestors 'none', Cache-Control no-store",
    () => show(r),
  );
  check(!r.headers.has("strict-transport-security"), "no HSTS over plain HTTP", () => show(r));
  check(!r.headers.has("access-control-allow-origin"), "no CORS header without an Origin", () => show(r));

  r = await post(rpc("tools/list", undefined, 3), {
    "X-API-Key": key,
    "Mcp-Session-Id": sessionId,
    "MCP-Protocol-Version": EXPECTED_PROTOCOL_VERSION,
  });
  check(r.status === 200 && r.json?.id === 3, "X-API-Key instead of Authorization -> 200", () => show(r));

  r = await post(rpc("ping", undefined, 4), { ...inSession, Origin: origin });
  check(
    r.status === 200 && r.headers.get("access-control-allow-origin") === origin,
    `Origin ${origin} (allowed by default) -> 200 with Access-Control-Allow-Origin`,
    () => show(r),
  );

  r = await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/roots/list_changed" }), inSession);
  check(r.status === 202 && r.text === "", "POST of a notification -> 202 without a body", () => show(r));

  // GET opens the session's event stream: the head is enough.
  r = await send("GET", { headers: { ...inSession, Accept: "text/event-stream" }, readBody: false });
  check(
    r.status === 200 && (r.headers.get("content-type") ?? "").startsWith("text/event-stream"),
    "GET /mcp with the session -> 200 text/event-stream",
    () => show(r),
  );

  r = await post(rpc("ping", undefined, 5), { ...inSession, "MCP-Protocol-Version": "1999-01-01" });
  check(r.status === 400, "MCP-Protocol-Version 1999-01-01 -> 400", () => show(r));

  r = await post(rpc("tools/list", undefined, 6), auth());
  check(r.status === 400, "POST tools/list without Mcp-Session-Id -> 400", () => show(r));

  r = await post(rpc("tools/list", undefined, 8), { ...inSession, "Mcp-Session-Id": "no-such-session-0000" });
  check(r.status === 404, "unknown Mcp-Session-Id -> 404", () => show(r));

  r = await post("{not json", inSession);
  check(r.status === 400 && r.json?.error?.code === -32700, "malformed JSON -> 400 with JSON-RPC -32700", () => show(r));

  r = await send("POST", {
    headers: { ...inSession, "Content-Type": "text/plain", Accept: JSON_TYPES },
    body: rpc("ping"),
  });
  check(r.status === 415, "POST with Content-Type text/plain -> 415", () => show(r));

  r = await send("PUT", { headers: inSession, body: "x" });
  check(r.status === 405 && (r.headers.get("allow") ?? "").includes("POST"), "PUT /mcp -> 405 with Allow", () => show(r));

  r = await post(rpc("ping"), { ...inSession, Origin: "http://evil.example" });
  check(r.status === 403, "foreign Origin http://evil.example (with a good key) -> 403", () => show(r));
  check(
    !r.headers.has("access-control-allow-origin"),
    "foreign Origin: no Access-Control-Allow-Origin",
    () => show(r),
  );

  r = await send("OPTIONS", {
    headers: {
      Origin: "http://evil.example",
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization, content-type",
    },
  });
  check(
    r.status === 403 && !r.headers.has("access-control-allow-origin"),
    "CORS preflight from a foreign origin -> 403 without Access-Control-Allow-Origin",
    () => show(r),
  );
  r = await send("OPTIONS", {
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization, content-type, mcp-session-id",
    },
  });
  check(
    r.status === 204 &&
      r.headers.get("access-control-allow-origin") === origin &&
      /authorization/i.test(r.headers.get("access-control-allow-headers") ?? ""),
    `CORS preflight from ${origin} -> 204 allowing Authorization`,
    () => show(r),
  );

  try {
    r = await rawRequest("POST", {
      Host: `rebind.example:${base.port}`,
      "Content-Type": "application/json",
      Accept: JSON_TYPES,
      ...inSession,
    }, rpc("ping"));
    check(r.status === 403, `foreign Host rebind.example:${base.port} (DNS rebinding) -> 403`, () => show(r));
  } catch (e) {
    notOk(`foreign Host rebind.example:${base.port} (DNS rebinding) -> 403`, e?.stack ?? e);
  }

  // A body over the limit, sent the way fetch() sends it (no Expect: 100-continue): the client
  // must be able to read the 413 though the server never reads the body.
  const big = rpc("ping", { padding: "x".repeat(2 * BODY_LIMIT) }, 9);
  try {
    r = await post(big, inSession);
    check(r.status === 413, `2 MiB body (limit ${BODY_LIMIT} bytes) -> 413`, () => show(r));
  } catch (e) {
    notOk(
      `2 MiB body (limit ${BODY_LIMIT} bytes) -> 413`,
      `fetch failed before an answer could be read: ${e?.message} (${e?.cause?.code ?? e?.cause ?? ""})`,
    );
  }
  // The server still answers after that.
  r = await post(rpc("ping", undefined, 10), inSession);
  check(r.status === 200 && r.json?.id === 10, "after the 413: the server still answers", () => show(r));

  r = await send("GET", { path: "/health" });
  check(
    r.status === 200 && r.json?.status === "ok" && !/hwk_|key/i.test(r.text),
    "GET /health without a key -> 200 {status: ok}, nothing secret",
    () => show(r),
  );
  r = await send("GET", { path: "/metrics", headers: auth() });
  if (role === "admin" || role === "monitor") {
    check(
      r.status === 200 && /^# (HELP|TYPE) /m.test(r.text) &&
        /^homewarden_kill_switch_engaged\{scope="all"\} 0$/m.test(r.text),
      `GET /metrics with the ${role} key -> 200 Prometheus text, kill switch released`,
      () => show(r),
    );
  } else {
    check(r.status === 403, `GET /metrics with the ${role} key -> 403 (admin or monitor only)`, () => show(r));
  }

  if (!canMakeKeys) {
    skip("another key's session -> 404", "HOMEWARDEN_BINARY/HOMEWARDEN_HOME not set");
    skip("rate limit exceeded -> 429 with Retry-After", "HOMEWARDEN_BINARY/HOMEWARDEN_HOME not set");
  } else {
    const other = makeKey("--role", "monitor", "--name", "e2e other");
    r = await post(rpc("tools/list", undefined, 11), { ...inSession, Authorization: `Bearer ${other}` });
    check(r.status === 404, "a session used with another (valid) key -> 404", () => show(r));

    r = await send("GET", { path: "/metrics", headers: auth(other) });
    check(
      r.status === 200 && /^homewarden_http_requests_total\{status="200"\} [1-9]/m.test(r.text) &&
        /^homewarden_kill_switch_engaged\{scope="all"\} 0$/m.test(r.text),
      "GET /metrics with a monitor key -> 200: requests counted, kill switch released",
      () => show(r),
    );

    if (development) {
      skip("rate limit exceeded -> 429 with Retry-After", "no rate limit at the development level");
    } else {
      const limited = makeKey("--role", "monitor", "--name", "e2e limited", "--rate-limit", "3");
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        r = await send("GET", { path: "/metrics", headers: auth(limited) });
        statuses.push(r.status);
      }
      check(
        statuses.slice(0, 3).every((s) => s === 200) && r.status === 429 &&
          Number(r.headers.get("retry-after")) >= 1 && r.headers.get("x-ratelimit-remaining") === "0",
        `key limited to 3/min: 4th request -> 429 with Retry-After (statuses ${statuses.join(",")})`,
        () => show(r),
      );
    }
  }

  r = await send("DELETE", { headers: inSession });
  check(r.status >= 200 && r.status < 300, "DELETE of our raw session -> 2xx", () => show(r));
}

// Refused keys: each is a failed login from 127.0.0.1. Last, the ban.
async function refusalChecks() {
  const body = rpc("initialize", JSON.parse(INITIALIZE).params);
  let failures = 0;
  if (development) {
    skip("no key -> 401 with WWW-Authenticate", "a loopback client needs no key at the development level");
  } else {
    const r = await post(body);
    failures++;
    check(
      r.status === 401 && /^Bearer/i.test(r.headers.get("www-authenticate") ?? ""),
      "no key -> 401 with WWW-Authenticate: Bearer",
      () => show(r),
    );
  }
  const wrongSecret = `${keyId}_${"A".repeat(32)}`;
  let r = await post(body, auth(wrongSecret));
  failures++;
  check(
    r.status === 401 && /^Bearer/i.test(r.headers.get("www-authenticate") ?? ""),
    "the key's id with a wrong secret -> 401 with WWW-Authenticate",
    () => show(r),
  );
  r = await post(body, { "X-API-Key": "not-a-key" });
  failures++;
  check(r.status === 401, "X-API-Key: not-a-key -> 401", () => show(r));

  if (development) {
    skip("banned source: a good key from it -> 403", "not checked at the development level");
    return;
  }
  // Up to the ban: MAX_FAILED_LOGINS failures within 5 minutes.
  const statuses = [];
  while (failures < MAX_FAILED_LOGINS) {
    r = await post(body, auth(wrongSecret));
    statuses.push(r.status);
    failures++;
  }
  r = await post(body, auth());
  check(
    r.status === 403 && /failed logins/i.test(r.text),
    `after ${MAX_FAILED_LOGINS} failed logins: the source is banned, a good key -> 403`,
    () => `${show(r)}\n(statuses of the failing logins: ${statuses.join(",")})`,
  );
}

await run.finish(async () => {
  if (await sdkChecks()) {
    await httpChecks();
    await sessionEndChecks();
  }
  // No more requests of the SDK client (it would reconnect its event stream): a good key
  // between the refused ones would reset the count of failed logins.
  await closeClient();
  await refusalChecks();
});
