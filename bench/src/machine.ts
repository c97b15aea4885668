import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os'
import { join } from 'node:path'
import { BENCH_ROOT, REPO_ROOT } from './paths.js'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGiB: number
  os: string
  node: string
  loadAverage: number[]
  commit: string
}

export function machineInfo(): MachineInfo {
  const list = cpus()
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' })
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    commit: git.status === 0 ? git.stdout.trim() : 'unknown',
  }
}

export const MEASURED_PACKAGES = [
  'jose',
  'fast-jwt',
  'get-jwks',
  'jsonwebtoken',
  'jwks-rsa',
  'azure-ad-verify-token',
  'jwt-decode',
  '@claimcheck/core',
] as const

/** Installed versions, read from each package's own package.json (not every package exports it). */
export function packageVersions(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of MEASURED_PACKAGES) {
    try {
      const pkg = JSON.parse(
        readFileSync(join(BENCH_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as { version?: string }
      out[name] = pkg.version ?? 'unknown'
    } catch {
      out[name] = 'not installed'
    }
  }
  return out
}
