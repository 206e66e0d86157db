#!/usr/bin/env node
// Checks the bot's Adaptive Cards with the official JavaScript library (adaptivecards, the renderer
// Web Chat and the Emulator use), because the C# object model is not obtainable here and a card
// that only "looks like JSON" can still fail to render in the channel.
//
// For each card: (a) parse with AdaptiveCard.parse for the card's own version, validateProperties(),
// and a check for properties the library does not know; (b) render in headless Chromium (one
// browser for all cards) and require a visible element with text.
//
// Usage: node check-cards.mjs <cards.json> [--png <folder>]
//   <cards.json>: [{ "name": "...", "card": { ...Adaptive Card... } }, ...]
// Prints one JSON line per card, then one summary line. Exit code: 0 all good, 1 a card failed,
// 2 the checker itself could not run (bad input, no browser).

import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// The package's "main" is ES modules without file extensions, which Node cannot load; the UMD
// bundle in dist/ is the same code the browser gets (unminified, so messages name classes).
const bundlePath = require.resolve('adaptivecards/dist/adaptivecards.js');
const AC = require(bundlePath);
const { chromium } = require('playwright-core');

// The newest schema version Web Chat and the Emulator render; the cards promise to stay at or below.
const maxCardVersion = { major: 1, minor: 5 };
const chromiumPath = process.env.CARDCHECK_CHROMIUM ?? '/usr/bin/chromium';
// Without the networking flags Chromium keeps trying to reach Google and this machine's closed
// network refuses every attempt; no sandbox because the tests run as root.
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// Cards show images from the shop's servers, which this machine's closed network cannot reach (and
// a failed load is a page error). Every http(s) image is answered with this grey 2:1 placeholder,
// so the card's layout with an image is what gets rendered and checked.
const placeholderPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR42mM4cfbSgCCGUYtHLR61eNTiUYtHLR61eNTikWMxANtHgkoTkECiAAAAAElFTkSuQmCC',
  'base64');
// Web Chat's default bubble is about this wide; narrower is where wrapping problems show.
const cardWidthPx = 400;

function usage(message) {
  console.error(message);
  console.error('usage: node check-cards.mjs <cards.json> [--png <folder>]');
  process.exit(2);
}

function parseArgs(argv) {
  let file;
  let pngDir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--png') {
      pngDir = argv[++i];
      if (!pngDir) usage('--png needs a folder');
    } else if (!file) {
      file = argv[i];
    } else {
      usage(`unexpected argument ${argv[i]}`);
    }
  }
  if (!file) usage('no cards file given');
  return { file, pngDir };
}

function describeSource(source) {
  if (!source) return undefined;
  const type = typeof source.getJsonTypeName === 'function' ? source.getJsonTypeName() : source.constructor?.name;
  return source.id ? `${type} #${source.id}` : type;
}

function toEvent(e) {
  return {
    event: AC.ValidationEvent[e.event] ?? String(e.event),
    phase: AC.ValidationPhase[e.phase] ?? String(e.phase),
    source: describeSource(e.source),
    message: e.message,
  };
}

function versionProblem(json) {
  const match = /^(\d+)\.(\d+)$/.exec(String(json?.version ?? ''));
  if (!match) return `"version" must be "major.minor", found ${JSON.stringify(json?.version)}`;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > maxCardVersion.major || (major === maxCardVersion.major && minor > maxCardVersion.minor)) {
    return `version ${json.version} is newer than ${maxCardVersion.major}.${maxCardVersion.minor}`;
  }
  return undefined;
}

// The library silently ignores properties it does not know, so a misspelt "horizontalAligment"
// would pass its validation and just not work. Every object's parse goes through this base method
// with its own JSON; whatever is neither in the object's schema nor one of the collections the
// subclasses read by hand is reported.
const readByHand = new Set(['type', '$schema', 'body', 'items', 'actions', 'columns', 'inlines', 'card', 'fallback', 'pages', 'rows', 'cells']);
let unknownProperties = [];
const baseParse = AC.SerializableObject.prototype.internalParse;
AC.SerializableObject.prototype.internalParse = function internalParse(source, context) {
  baseParse.call(this, source, context);
  if (!source || typeof source !== 'object') return;
  const schema = this.getSchema();
  const known = new Set(readByHand);
  for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
  for (const key of Object.keys(source)) {
    if (!known.has(key)) unknownProperties.push(`${describeSource(this) ?? 'object'} has unknown property "${key}"`);
  }
};

// (a) The library's own parser and validator, in Node.
function parseAndValidate(json) {
  const errors = [];
  if (json?.type !== 'AdaptiveCard') errors.push('"type" must be "AdaptiveCard"');
  const version = versionProblem(json);
  if (version) errors.push(version);

  const card = new AC.AdaptiveCard();
  // Parse for the version the card declares, so a property newer than that is reported
  // (UnsupportedProperty) instead of being read.
  const [major, minor] = String(json?.version ?? '1.5').split('.').map(Number);
  const target = version || !Number.isInteger(major) || !Number.isInteger(minor) ? AC.Versions.v1_5 : new AC.Version(major, minor);
  const context = new AC.SerializationContext(target);
  unknownProperties = [];
  card.parse(json, context);
  errors.push(...unknownProperties);
  const parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(toEvent(context.getEventAt(i)));
  const validationEvents = card.validateProperties().validationEvents.map(toEvent);
  return { errors, events: [...parseEvents, ...validationEvents] };
}

const pageHtml = `<!doctype html>
<html><head><meta charset="utf-8">
<style>
  body { margin: 0; padding: 8px; background: #f3f2f1; font-family: "Segoe UI", "DejaVu Sans", sans-serif; }
  #host { width: ${cardWidthPx}px; background: #fff; border: 1px solid #e1dfdd; border-radius: 4px; }
</style></head>
<body><div id="host"></div></body></html>`;

// (b) Rendering in the browser, with the same bundle.
async function renderAll(cards, pngDir) {
  // Playwright gives the browser a new, empty --user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: cardWidthPx + 40, height: 800 } });
    // Only images are stubbed: any other request a card causes still fails visibly as a page error.
    await page.route(/^https?:\/\//, (route) => (route.request().resourceType() === 'image'
      ? route.fulfill({ status: 200, contentType: 'image/png', body: placeholderPng })
      : route.continue()));
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.setContent(pageHtml);
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ path: bundlePath });

    const results = [];
    for (const { name, card } of cards) {
      pageErrors.length = 0;
      const rendered = await page.evaluate(async (json) => {
        const host = document.getElementById('host');
        host.replaceChildren();
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.parse(json);
        const element = adaptiveCard.render();
        if (!element) return { ok: false, error: 'render() returned nothing' };
        host.appendChild(element);
        // Wait for images so the size and the PNG include them; a broken one still renders its box.
        await Promise.all([...element.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return {
          ok: true,
          height: Math.round(box.height),
          width: Math.round(box.width),
          visible: style.display !== 'none' && style.visibility !== 'hidden',
          textLength: element.innerText.trim().length,
          actions: element.querySelectorAll('button').length,
        };
      }, card).catch((error) => ({ ok: false, error: String(error) }));

      let png;
      if (rendered.ok && pngDir && rendered.height > 0) {
        png = path.join(pngDir, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
        await page.locator('#host').screenshot({ path: png });
      }
      results.push({ ...rendered, png, pageErrors: [...pageErrors] });
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function main() {
  const started = Date.now();
  const { file, pngDir } = parseArgs(process.argv.slice(2));
  let cards;
  try {
    cards = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    usage(`cannot read ${file}: ${error.message}`);
  }
  if (!Array.isArray(cards) || cards.some((c) => typeof c?.name !== 'string' || typeof c?.card !== 'object')) {
    usage('the file must hold an array of {"name": string, "card": object}');
  }
  if (pngDir) await mkdir(pngDir, { recursive: true });

  const parsed = cards.map(({ card }) => parseAndValidate(card));
  let rendered;
  try {
    rendered = await renderAll(cards, pngDir);
  } catch (error) {
    console.error(`cannot start ${chromiumPath}: ${error.message}`);
    console.error(`run ${path.join(here, 'install.sh')} first`);
    process.exit(2);
  }

  let failed = 0;
  cards.forEach(({ name }, i) => {
    const { errors, events } = parsed[i];
    const render = rendered[i];
    const problems = [...errors, ...events.map((e) => `${e.event}: ${e.message}`)];
    if (!render.ok) problems.push(`render failed: ${render.error}`);
    else {
      if (!(render.height > 0) || !render.visible) problems.push(`rendered element is not visible (height ${render.height})`);
      if (render.textLength === 0) problems.push('rendered element has no text');
    }
    problems.push(...render.pageErrors.map((e) => `page error: ${e}`));
    const ok = problems.length === 0;
    if (!ok) failed++;
    console.log(JSON.stringify({
      name,
      ok,
      validationEvents: events,
      errors: problems,
      rendered: render.ok ? { height: render.height, width: render.width, textLength: render.textLength, actions: render.actions } : null,
      png: render.png,
    }));
  });
  console.log(JSON.stringify({ summary: { cards: cards.length, failed, ms: Date.now() - started } }));
  process.exit(failed === 0 ? 0 : 1);
}

await main();
