#!/usr/bin/env node
// Prints the gzipped size of the JavaScript that index.html loads up front (its module
// scripts and their modulepreloads) and fails when it exceeds the budget.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 250 * 1024
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1])
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
  (m) => m[1],
)
const files = [...new Set([...scripts, ...preloads])]
if (files.length === 0) {
  console.error('bundle-size: index.html loads no module script; was the app built?')
  process.exit(1)
}

let total = 0
for (const file of files) {
  const bytes = gzipSync(readFileSync(join(dist, file.replace(/^\.?\//, '')))).length
  total += bytes
  console.log(`  ${file}: ${(bytes / 1024).toFixed(1)} KB gzipped`)
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER'
console.log(
  `initial JavaScript: ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the ` +
    `${BUDGET_BYTES / 1024} KB budget`,
)
process.exit(total <= BUDGET_BYTES ? 0 : 1)
