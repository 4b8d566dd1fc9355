// Shared by the end-to-end scripts that drive HomeWarden with the official MCP TypeScript SDK
// client: TAP-like reporting ("ok - ..." / "not ok - ..." lines, then "N passed, N failed"),
// a global timeout and the exit code (Tap, E2eRun, for stdio and HTTP alike), and for stdio
// the client over a StdioClientTransport that passes the whole environment on (HOMEWARDEN_HOME,
// the backends' URLs, the keychain's D-Bus address) (runE2e). HOMEWARDEN_E2E_TRACE=1 traces
// every JSON-RPC message on stderr.

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

// TAP-like lines: "ok - ..." / "not ok - ..." per check. The methods are bound, so that a
// script can take them apart: const { ok, notOk, check, skip } = tap.
export class Tap {
  passed = 0;
  failed = 0;
  timedOut = false; // after the global timeout, late results are not reported
  ok = (desc) => {
    if (this.timedOut) return;
    this.passed++;
    console.log(`ok - ${desc}`);
  };
  skip = (desc, why) => {
    if (this.timedOut) return;
    this.passed++;
    console.log(`ok - ${desc} # SKIP ${why}`);
  };
  notOk = (desc, why) => {
    if (this.timedOut) return;
    this.failed++;
    console.log(`not ok - ${desc}`);
    if (why !== undefined) for (const line of String(why).split("\n")) console.log(`  # ${line}`);
  };
  // why: a text, or a function that makes it (only called when the check fails).
  check = (cond, desc, why) => {
    if (cond) this.ok(desc);
    else this.notOk(desc, typeof why === "function" ? why() : why);
    return cond;
  };
  summary() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}

// One e2e script's run around an SDK client: its Tap, a global timeout that reports, closes
// the client and exits 1, and finish(), which runs the checks, closes the client, prints the
// summary and exits 0 only when every check passed.
export class E2eRun {
  tap = new Tap();
  #client;
  #closing = false;
  #timer;

  constructor(client, globalTimeoutMs) {
    this.#client = client;
    this.#timer = setTimeout(async () => {
      this.tap.notOk(`global timeout: test did not finish within ${globalTimeoutMs / 1000} s`);
      this.tap.timedOut = true;
      this.tap.summary();
      await this.closeClient();
      process.exit(1);
    }, globalTimeoutMs);
  }

  closeClient = async () => {
    if (this.#closing) return;
    this.#closing = true;
    try {
      await this.#client.close();
    } catch (e) {
      console.error(`# close failed: ${e?.message ?? e}`);
    }
  };

  // checks(): the script's body; afterClose(), when given, runs once the client has closed.
  async finish(checks, afterClose) {
    let crashed = false;
    try {
      await checks();
    } catch (e) {
      crashed = true;
      this.tap.notOk("unexpected exception", describeError(e));
    } finally {
      await this.closeClient();
    }
    if (afterClose && !crashed) {
      try {
        await afterClose();
      } catch (e) {
        crashed = true;
        this.tap.notOk("unexpected exception after closing", describeError(e));
      }
    }
    clearTimeout(this.#timer);
    this.tap.summary();
    process.exit(this.tap.failed > 0 || crashed ? 1 : 0);
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
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const transport = new StdioClientTransport({ command: binary, args: serverArgs, env, stderr: "inherit" });
  if (process.env.HOMEWARDEN_E2E_TRACE === "1") traceMessages(transport);
  const client = new Client({ name, version: "0.0.0" }, { capabilities: {} });
  const reqOpts = { timeout: requestTimeoutMs };
  const run = new E2eRun(client, globalTimeoutMs);
  const tap = run.tap;
  await run.finish(
    async () => {
      try {
        await client.connect(transport, reqOpts);
      } catch (e) {
        tap.notOk("connect: initialize handshake", describeError(e)); // nothing else can run
        return;
      }
      tap.ok(`connect: initialize handshake with ${binary} ${serverArgs.join(" ")}`);
      const call = (tool, args) => client.callTool({ name: tool, arguments: args }, CallToolResultSchema, reqOpts);
      await main(tap, { client, call });
    },
    afterClose && (() => afterClose(tap)),
  );
}
