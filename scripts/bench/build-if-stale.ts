// `next build` when .next/BUILD_ID is missing or older than the newest file under app/, lib/, components/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === "generated" && entry === "lib") continue; // Prisma's generated client is rewritten by installs
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const BUILD_ID = ".next/BUILD_ID";

function isStale(): boolean {
  const newestSource = Math.max(...["app", "lib", "components"].map(newestMtime));
  return !existsSync(BUILD_ID) || statSync(BUILD_ID).mtimeMs < newestSource;
}

/** Builds when stale; when someone else's `next build` holds the lock, waits for it (up to 5 minutes) and checks again. */
export async function buildIfStale(log: (line: string) => void): Promise<{ built: boolean; seconds: number }> {
  const started = performance.now();
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    if (!isStale()) return { built: false, seconds: 0 };
    log(existsSync(BUILD_ID) ? "building: sources changed since the last production build (next build)…" : "building: no production build yet (next build)…");
    const outcome = runBuild();
    if (outcome === "built") return { built: true, seconds: (performance.now() - started) / 1000 };
    if (Date.now() > deadline) throw new Error("another `next build` kept the build lock for 5 minutes");
    log("another next build is running in this tree; waiting for it, then checking again");
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

function runBuild(): "built" | "locked" {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status === 0) return "built";
  const output = `${build.stdout}\n${build.stderr}`;
  if (/Another next build process is already running/i.test(output)) return "locked";
  throw new Error(`next build failed (exit ${build.status}):\n${output.trim().split("\n").slice(-25).join("\n")}`);
}
