// Shared by the end-to-end scripts that drive HomeWarden over stdio with the official MCP
// TypeScript SDK client: TAP-like reporting ("ok - ..." / "not ok - ..." lines, then
// "N passed, N failed"), a global timeout, and the client over a StdioClientTransport that
// passes the whole environment on (HOMEWARDEN_HOME, the backends' URLs, the keychain's D-Bus
// address) and traces every JSON-RPC message on stderr with HOMEWARDEN_E2E_TRACE=1.

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { CallToolResultSchema, McpError } from "@modelcontextprotocol/sdk/types.js";

export const j = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 600 ? s.slice(0, 600) + "..." : s;
};
export const describeError = (e) =>
  e instanceof McpError ? `JSON-RPC error ${e.code}: ${e.message}` : e?.stack ?? String(e);
export const textOf = (res) =>
  (res?.content ?? [])
    .filter((c) => c.type === "text")
    .map((c) => c.text)
    .join("\n");

// Every JSON-RPC message a transport sends (">>") and receives ("<<"), on stderr.
export function traceMessages(transport) {
  const origSend = transport.send.bind(transport);
  transport.send = (msg, opts) => {
    console.error(`>> ${JSON.stringify(msg)}`);
    return origSend(msg, opts);
  };
  // Protocol.connect() assigns transport.onmessage; wrap whatever it assigns.
  let handler;
  Object.defineProperty(transport, "onmessage", {
    configurable: true,
    get: () => handler,
    set: (fn) => {
      handler =
        typeof fn === "function"
          ? (msg, extra) => {
              console.error(`<< ${JSON.stringify(msg)}`);
              return fn(msg, extra);
            }
          : fn;
    },
  });
}

export class Tap {
  passed = 0;
  failed = 0;
  timedOut = false; // after the global timeout, late results are not reported
  ok(desc) {
    if (this.timedOut) return;
    this.passed++;
    console.log(`ok - ${desc}`);
  }
  notOk(desc, why) {
    if (this.timedOut) return;
    this.failed++;
    console.log(`not ok - ${desc}`);
    if (why !== undefined) for (const line of String(why).split("\n")) console.log(`  # ${line}`);
  }
  check(cond, desc, why) {
    if (cond) this.ok(desc);
    else this.notOk(desc, why);
    return cond;
  }
}

// Runs main(tap, session) against `binary serverArgs...` and exits: 0 when every check passed,
// 1 on a failure, an exception or the global timeout. session: {client, call(name, args)};
// call() goes through client.callTool(), which checks structuredContent against the tool's
// outputSchema.
// afterClose(tap), when given, runs once the client has closed (the server has its stdin
// closed and exits): for checks on what the server did on its way out.
export async function runE2e(
  { name, binary, serverArgs, globalTimeoutMs = 30_000, requestTimeoutMs = 10_000, afterClose },
  main,
) {
  const tap = new Tap();
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const transport = new StdioClientTransport({ command: binary, args: serverArgs, env, stderr: "inherit" });
  if (process.env.HOMEWARDEN_E2E_TRACE === "1") traceMessages(transport);
  const client = new Client({ name, version: "0.0.0" }, { capabilities: {} });
  const reqOpts = { timeout: requestTimeoutMs };
  let closing = false;
  const closeClient = async () => {
    if (closing) return;
    closing = true;
    try {
      await client.close();
    } catch (e) {
      console.error(`# close failed: ${e?.message ?? e}`);
    }
  };
  const globalTimer = setTimeout(async () => {
    tap.notOk(`global timeout: test did not finish within ${globalTimeoutMs / 1000} s`);
    tap.timedOut = true;
    console.log(`${tap.passed} passed, ${tap.failed} failed`);
    await closeClient();
    process.exit(1);
  }, globalTimeoutMs);

  let crashed = false;
  try {
    let connected = false;
    try {
      await client.connect(transport, reqOpts);
      connected = true;
      tap.ok(`connect: initialize handshake with ${binary} ${serverArgs.join(" ")}`);
    } catch (e) {
      tap.notOk("connect: initialize handshake", describeError(e)); // nothing else can run
    }
    const call = (tool, args) => client.callTool({ name: tool, arguments: args }, CallToolResultSchema, reqOpts);
    if (connected) await main(tap, { client, call });
  } catch (e) {
    crashed = true;
    tap.notOk("unexpected exception", describeError(e));
  } finally {
    await closeClient();
  }
  if (afterClose && !crashed) {
    try {
      await afterClose(tap);
    } catch (e) {
      crashed = true;
      tap.notOk("unexpected exception after closing", describeError(e));
    }
  }
  clearTimeout(globalTimer);
  console.log(`${tap.passed} passed, ${tap.failed} failed`);
  process.exit(tap.failed > 0 || crashed ? 1 : 0);
}
