#!/usr/bin/env node
/**
 * Writes the Teams app icons without dependencies: appPackage/color.png
 * (192×192, full colour) and appPackage/outline.png (32×32, white on
 * transparent), both a key drawn from a few shapes, anti-aliased by
 * supersampling. Run with `npm run icons`; the PNGs are committed.
 */
const { deflateSync } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG from `pixel(x, y) → [r, g, b, a]`. */
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The key, in a 0..1 square: a ring for the head, a shaft and two teeth. */
function onKey(u, v) {
  const dx = u - 0.34;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const head = r <= 0.19 && r >= 0.075;
  const shaft = u >= 0.5 && u <= 0.86 && v >= 0.455 && v <= 0.545;
  const tooth1 = u >= 0.7 && u <= 0.76 && v >= 0.545 && v <= 0.66;
  const tooth2 = u >= 0.8 && u <= 0.86 && v >= 0.545 && v <= 0.63;
  return head || shaft || tooth1 || tooth2;
}

/** Fraction of a pixel the key covers (4×4 samples). */
function coverage(x, y, size, inset) {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const u = ((x + (i + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      const v = ((y + (j + 0.5) / 4) / size - inset) / (1 - 2 * inset);
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && onKey(u, v)) hits++;
    }
  }
  return hits / 16;
}

const BACKGROUND = [0x4f, 0x52, 0xb2]; // Teams indigo
const mix = (a, b, t) => Math.round(a + (b - a) * t);

const out = join(__dirname, '..', 'appPackage');
writeFileSync(
  join(out, 'color.png'),
  png(192, (x, y) => {
    const t = coverage(x, y, 192, 0.12);
    return [mix(BACKGROUND[0], 255, t), mix(BACKGROUND[1], 255, t), mix(BACKGROUND[2], 255, t), 255];
  }),
);
writeFileSync(
  join(out, 'outline.png'),
  png(32, (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, 32, 0.02))]),
);
process.stdout.write(`wrote ${join(out, 'color.png')} and ${join(out, 'outline.png')}\n`);
