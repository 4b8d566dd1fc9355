#!/usr/bin/env node
// End-to-end test of the HomeWarden MCP server over stdio, driven by the
// official MCP TypeScript SDK client (@modelcontextprotocol/sdk).
//
// Usage:   node sdk_stdio.mjs /path/to/homewarden [server args...]
//          (server args default to "--stdio")
//          node sdk_stdio.mjs --claude-config [/path/to/claude_desktop_config.json]
//          (the path defaults to HOMEWARDEN_E2E_CLAUDE_CONFIG; starts exactly the command, args and env of its mcpServers.homewarden
//          entry, as Claude Desktop does, and checks that the file holds no key)
// Env:     HOMEWARDEN_HOME      passed through to the server (the whole
//                              environment is passed through)
//          HOMEWARDEN_E2E_EXPECT_KEY_ID  the caller's key id to expect when the
//                              server takes its key from elsewhere than
//                              HOMEWARDEN_API_KEY (e.g. --client NAME)
//          HOMEWARDEN_E2E_EXPECT_ROLE  the caller's role to expect
//          HOMEWARDEN_E2E_TRACE=1  print every JSON-RPC message on stderr
//
// Output is TAP-like: one "ok - ..." / "not ok - ..." line per check, then a
// summary line "N passed, N failed". Exit code 1 on any failure or on the
// global timeout (20 s).

import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { E2eRun, j, traceMessages } from "./e2e_client.mjs";
import {
  CallToolResultSchema,
  ErrorCode,
  McpError,
} from "@modelcontextprotocol/sdk/types.js";

const EXPECTED_PROTOCOL_VERSION = "2025-11-25";
const GLOBAL_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 5_000;
const TOOL = "get_system_status";

const argv = process.argv.slice(2);
// With --claude-config the server is what the client configuration names, nothing else.
let claudeConfigText;
let claudeEntry;
if (argv[0] === "--claude-config") {
  const path = argv[1] ?? process.env.HOMEWARDEN_E2E_CLAUDE_CONFIG;
  try {
    claudeConfigText = readFileSync(path, "utf8");
    claudeEntry = JSON.parse(claudeConfigText).mcpServers?.homewarden;
  } catch (e) {
    console.error(`cannot read ${path}: ${e?.message ?? e}`);
    process.exit(1);
  }
  if (typeof claudeEntry?.command !== "string") {
    console.error(`${path} has no mcpServers.homewarden entry with a command`);
    process.exit(1);
  }
}
const [binary, ...extraArgs] = claudeEntry
  ? [claudeEntry.command, ...(claudeEntry.args ?? [])]
  : argv;
if (!binary) {
  console.error("usage: node sdk_stdio.mjs /path/to/homewarden [server args...]");
  console.error("       node sdk_stdio.mjs --claude-config /path/to/claude_desktop_config.json");
  process.exit(2);
}
const serverArgs = extraArgs.length > 0 || claudeEntry ? extraArgs : ["--stdio"];
const trace = process.env.HOMEWARDEN_E2E_TRACE === "1";

// The whole environment goes through (getDefaultEnvironment() alone would drop
// HOMEWARDEN_HOME and anything else the server may need).
const env = {};
for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
// Claude Desktop adds the entry's env to the environment it starts the server with.
for (const [k, v] of Object.entries(claudeEntry?.env ?? {})) env[k] = String(v);

const transport = new StdioClientTransport({
  command: binary,
  args: serverArgs,
  env,
  stderr: "inherit",
});

// SDK 1.32.2's Client does not keep the negotiated protocol version; it hands
// it to transport.setProtocolVersion() if the transport has one (only the HTTP
// transport does). Give the stdio transport one to capture it.
let negotiatedProtocolVersion;
transport.setProtocolVersion = (v) => {
  negotiatedProtocolVersion = v;
};

if (trace) traceMessages(transport);

const client = new Client({ name: "homewarden-e2e-sdk", version: "0.0.0" }, { capabilities: {} });

const run = new E2eRun(client, GLOBAL_TIMEOUT_MS);
const { ok, notOk, check } = run.tap;
const closeClient = run.closeClient;

const reqOpts = { timeout: REQUEST_TIMEOUT_MS };

async function main() {
  if (claudeEntry) {
    check(
      !/hwk_/.test(claudeConfigText),
      "claude config: holds no API key (the server reads it from the keychain)",
      `entry = ${j(claudeEntry)}`,
    );
    check(
      Object.keys(claudeEntry.env ?? {}).every((k) => k === "HOMEWARDEN_HOME"),
      "claude config: the entry's env sets nothing but HOMEWARDEN_HOME",
      `env = ${j(claudeEntry.env)}`,
    );
  }

  // a. connect + initialize
  try {
    await client.connect(transport, reqOpts);
    ok(`connect: initialize handshake with ${binary} ${serverArgs.join(" ")}`);
  } catch (e) {
    notOk("connect: initialize handshake", e?.stack ?? e);
    return; // nothing else can run
  }

  const serverInfo = client.getServerVersion();
  check(
    serverInfo?.name === "homewarden",
    'initialize: serverInfo.name === "homewarden"',
    `serverInfo = ${j(serverInfo)}`,
  );
  check(
    negotiatedProtocolVersion === EXPECTED_PROTOCOL_VERSION,
    `initialize: negotiated protocolVersion === "${EXPECTED_PROTOCOL_VERSION}"`,
    `got ${j(negotiatedProtocolVersion)}`,
  );
  const caps = client.getServerCapabilities();
  check(
    caps !== undefined && typeof caps.tools === "object" && caps.tools !== null,
    "initialize: server capabilities include tools",
    `capabilities = ${j(caps)}`,
  );

  // b. tools/list
  let tool;
  try {
    const res = await client.listTools(undefined, reqOpts);
    tool = res.tools.find((t) => t.name === TOOL);
    if (
      check(
        tool !== undefined,
        `tools/list: includes ${TOOL}`,
        `tools = ${j(res.tools.map((t) => t.name))}`,
      )
    ) {
      check(
        tool.inputSchema?.type === "object",
        `tools/list: ${TOOL}.inputSchema.type === "object"`,
        `inputSchema = ${j(tool.inputSchema)}`,
      );
      check(
        tool.outputSchema !== undefined && tool.outputSchema?.type === "object",
        `tools/list: ${TOOL} has an outputSchema (type object)`,
        `outputSchema = ${j(tool.outputSchema)}`,
      );
      check(
        tool.annotations?.readOnlyHint === true,
        `tools/list: ${TOOL}.annotations.readOnlyHint === true`,
        `annotations = ${j(tool.annotations)}`,
      );
      check(
        typeof tool.title === "string" && tool.title.length > 0,
        `tools/list: ${TOOL} has a title`,
        `title = ${j(tool.title)}, annotations.title = ${j(tool.annotations?.title)}`,
      );
    }
  } catch (e) {
    notOk("tools/list", e?.stack ?? e);
  }

  // c. tools/call get_system_status {} (callTool validates structuredContent
  //    against the outputSchema cached by listTools and throws on mismatch)
  try {
    const res = await client.callTool({ name: TOOL, arguments: {} }, CallToolResultSchema, reqOpts);
    ok(`tools/call ${TOOL} {}: SDK callTool succeeded (it checks structuredContent against the listed outputSchema)`);
    check(res.isError !== true, `tools/call ${TOOL}: isError is not true`, `result = ${j(res)}`);
    const sc = res.structuredContent;
    check(typeof sc?.version === "string", `tools/call ${TOOL}: structuredContent.version is a string`, `structuredContent = ${j(sc)}`);
    check(typeof sc?.uptime_seconds === "number", `tools/call ${TOOL}: structuredContent.uptime_seconds is a number`, `structuredContent = ${j(sc)}`);
    check(sc?.transport === "stdio", `tools/call ${TOOL}: structuredContent.transport === "stdio"`, `structuredContent = ${j(sc)}`);
    check(Array.isArray(sc?.backends), `tools/call ${TOOL}: structuredContent.backends is an array`, `structuredContent = ${j(sc)}`);
    // The caller is the key the test handed over (hwk_{role}_{seq}_{secret}).
    const keyId =
      process.env.HOMEWARDEN_E2E_EXPECT_KEY_ID ||
      process.env.HOMEWARDEN_API_KEY?.split("_").slice(0, 3).join("_");
    if (keyId) {
      check(sc?.caller?.key_id === keyId, `tools/call ${TOOL}: structuredContent.caller.key_id is the key's id`, `structuredContent = ${j(sc)}`);
    }
    const role = process.env.HOMEWARDEN_E2E_EXPECT_ROLE;
    if (role) {
      check(sc?.caller?.role === role, `tools/call ${TOOL}: structuredContent.caller.role === "${role}"`, `structuredContent = ${j(sc)}`);
    }
    check(
      Array.isArray(res.content) && res.content[0]?.type === "text",
      `tools/call ${TOOL}: content[0].type === "text"`,
      `content = ${j(res.content)}`,
    );
  } catch (e) {
    notOk(`tools/call ${TOOL} {}`, e?.stack ?? e);
  }

  // d. unknown tool -> JSON-RPC error -32602 (MCP 2025-11-25, tools "Error Handling")
  try {
    const res = await client.callTool({ name: "no_such_tool", arguments: {} }, CallToolResultSchema, reqOpts);
    notOk(
      "tools/call no_such_tool: JSON-RPC error -32602 (Invalid params)",
      `expected a JSON-RPC error, got a result: ${j(res)}`,
    );
  } catch (e) {
    check(
      e instanceof McpError && e.code === ErrorCode.InvalidParams,
      "tools/call no_such_tool: JSON-RPC error -32602 (Invalid params)",
      `got ${e instanceof McpError ? `McpError code ${e.code}: ${e.message}` : e?.stack ?? e}`,
    );
  }

  // e. schema violation -> tool execution error (isError: true) naming the
  //    field (SEP-1303). client.request() returns the raw result: no output
  //    schema check, no client-side input validation.
  try {
    const res = await client.request(
      { method: "tools/call", params: { name: TOOL, arguments: { unexpected: 1 } } },
      CallToolResultSchema,
      reqOpts,
    );
    check(
      res.isError === true,
      `tools/call ${TOOL} {"unexpected":1}: result with isError: true (SEP-1303)`,
      `result = ${j(res)}`,
    );
    const texts = (res.content ?? []).filter((c) => c.type === "text").map((c) => c.text);
    check(
      texts.some((t) => t.includes("unexpected")),
      `tools/call ${TOOL} {"unexpected":1}: error text names the field "unexpected"`,
      `content = ${j(res.content)}`,
    );
  } catch (e) {
    notOk(
      `tools/call ${TOOL} {"unexpected":1}: result with isError: true (SEP-1303)`,
      `expected a tool result, got ${e instanceof McpError ? `JSON-RPC error ${e.code}: ${e.message}` : e?.stack ?? e}`,
    );
  }

  // f. ping
  try {
    await client.ping(reqOpts);
    ok("ping");
  } catch (e) {
    notOk("ping", e?.stack ?? e);
  }
}

await run.finish(main);
