// Test support: validates FA(3) XML against the official schema kept in ./schema, with xmllint
// (libxml2-utils; .ci/run installs it). A missing xmllint is an error, never a silently skipped check.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FA3_SCHEMA_PATH = fileURLToPath(new URL('./schema/schemat_FA(3)_v1-0E.xsd', import.meta.url));

export function validateFa3(xml: string): { valid: boolean; errors: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fa3-'));
  try {
    const file = join(dir, 'invoice.xml');
    writeFileSync(file, xml, 'utf8');
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', FA3_SCHEMA_PATH, file], { encoding: 'utf8' });
    if (run.error) {
      const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new Error(missing ? 'xmllint not found: install libxml2-utils (apt-get install libxml2-utils) to validate FA(3) XML' : `xmllint failed: ${run.error.message}`);
    }
    // xmllint exits 3 for an invalid document, other non-zero codes for an unreadable one or schema.
    return { valid: run.status === 0, errors: run.status === 0 ? '' : run.stderr.replaceAll(file, 'invoice.xml').trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
