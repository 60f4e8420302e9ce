#!/usr/bin/env node
/**
 * Makes sure the browser tests have a Chromium: CHROMIUM_PATH if set, else /usr/bin/chromium.
 * When neither exists and we are root on Debian, installs Debian's chromium, chromium-l10n (UI
 * languages for the ja/fr runs) and fonts-ipafont-gothic (Japanese glyphs). Otherwise stops with a
 * message saying what to install. Never skips silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH;
const path = wanted || '/usr/bin/chromium';
const PACKAGES = ['chromium', 'chromium-l10n', 'fonts-ipafont-gothic'];
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

const installed = (pkg) => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
};

if (wanted && !existsSync(wanted)) {
  console.error(`CHROMIUM_PATH is set to ${wanted}, but there is no file there. Unset it or point it at a Chromium binary.`);
  process.exit(1);
}

const missing = isDebian && !wanted ? PACKAGES.filter((p) => !installed(p)) : existsSync(path) ? [] : PACKAGES;
if (missing.length === 0) {
  console.log(`Chromium: ${path}`);
  process.exit(0);
}
if (!isRoot || !isDebian) {
  console.error(
    `The browser tests need Chromium${existsSync(path) ? ' language packs and a Japanese font' : ''} (missing: ${missing.join(', ')}).\n` +
      `On Debian or Ubuntu: sudo apt-get install ${PACKAGES.join(' ')}\n` +
      'Elsewhere: install Chromium and set CHROMIUM_PATH to its binary.',
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} from Debian…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
console.log(`Chromium: ${path}`);
