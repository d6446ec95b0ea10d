#!/usr/bin/env node
/**
 * Synthesises the meditation timer's sounds and writes them as 16-bit PCM mono WAV files.
 *
 *   node scripts/make-sounds.mjs            writes into resources/sounds/
 *   node scripts/make-sounds.mjs --out DIR  writes into DIR instead (used by the unit test
 *                                           to check that the output is reproducible)
 *
 * Plain Node, no dependencies. The output is deterministic: every phase is fixed and the only
 * noise (the mallet's touch) comes from a seeded generator, so running it again gives the same
 * bytes. The recipes are documented in resources/sounds/README.md; keep the two in step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE_RATE = 22_050;
const TWO_PI = 2 * Math.PI;
const BELL_PEAK_DBFS = -3;
const CUE_PEAK_DBFS = -12;

/** Small seeded PRNG (mulberry32): the same seed always gives the same sequence. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One struck mode: a pair of sines `beatHz` apart (the slightly split mode pair of a real bowl
 * or bell, heard as a slow wavering), decaying exponentially with time constant `decay` (s).
 */
function addPartial(out, { freq, amp, decay, beatHz = 0, beatDepth = 0, phase = 0 }) {
  const k = 1 / (decay * SAMPLE_RATE);
  const w1 = (TWO_PI * freq) / SAMPLE_RATE;
  const w2 = (TWO_PI * (freq + beatHz)) / SAMPLE_RATE;
  for (let i = 0; i < out.length; i++) {
    const env = amp * Math.exp(-i * k);
    if (env < 1e-6) break;
    out[i] += env * (Math.sin(w1 * i + phase) + beatDepth * Math.sin(w2 * i + phase * 1.7));
  }
}

/** The mallet's touch: a few ms of seeded noise through a one-pole low-pass, decaying fast. */
function addStrike(out, { seed, amp, decay, cutoffHz }) {
  const random = seededRandom(seed);
  const alpha = 1 - Math.exp((-TWO_PI * cutoffHz) / SAMPLE_RATE);
  const k = 1 / (decay * SAMPLE_RATE);
  let y = 0;
  for (let i = 0; i < out.length; i++) {
    const env = amp * Math.exp(-i * k);
    if (env < 1e-6) break;
    y += alpha * (random() * 2 - 1 - y);
    out[i] += env * y;
  }
}

/** A gliding sine (exponential in frequency) with an optional soft second harmonic. */
function addGlide(out, { from, to, amp, harmonic = 0 }) {
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const f = from * (to / from) ** (i / (out.length - 1));
    phase += (TWO_PI * f) / SAMPLE_RATE;
    out[i] += amp * (Math.sin(phase) + harmonic * Math.sin(2 * phase));
  }
}

/** Raised-cosine attack from silence, and a raised-cosine fade to silence at the end. */
function shape(out, { attack, fadeOut }) {
  const a = Math.max(1, Math.round(attack * SAMPLE_RATE));
  const f = Math.max(1, Math.round(fadeOut * SAMPLE_RATE));
  for (let i = 0; i < a && i < out.length; i++) out[i] *= 0.5 - 0.5 * Math.cos((Math.PI * i) / a);
  for (let j = 0; j < f && j < out.length; j++) {
    const i = out.length - 1 - j; // j = 0 is the last sample, which ends exactly at zero
    out[i] *= 0.5 - 0.5 * Math.cos((Math.PI * j) / f);
  }
}

/** Smooth swell for the breathing cues: sin² over the whole length, zero at both ends. */
function swell(out) {
  for (let i = 0; i < out.length; i++) out[i] *= Math.sin((Math.PI * i) / (out.length - 1)) ** 2;
}

function normalise(out, peakDbfs) {
  let peak = 0;
  for (const x of out) peak = Math.max(peak, Math.abs(x));
  const gain = 10 ** (peakDbfs / 20) / peak;
  for (let i = 0; i < out.length; i++) out[i] *= gain;
}

function toWav(samples) {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
    buf.writeInt16LE(v, 44 + i * 2);
  }
  return buf;
}

const buffer = (seconds) => new Float64Array(Math.round(seconds * SAMPLE_RATE));

/** Singing bowl: the free-plate ratios 1 : 2.76 : 5.4 : 8.93 on 220 Hz, each mode a beating pair. */
function bowl() {
  const out = buffer(7.5);
  const f0 = 220;
  const partials = [
    { ratio: 1, amp: 1, decay: 2.4, beatHz: 0.9, beatDepth: 0.35 },
    { ratio: 2.76, amp: 0.6, decay: 1.6, beatHz: 1.7, beatDepth: 0.4 },
    { ratio: 5.4, amp: 0.3, decay: 0.9, beatHz: 2.6, beatDepth: 0.3 },
    { ratio: 8.93, amp: 0.15, decay: 0.5, beatHz: 3.3, beatDepth: 0.3 },
  ];
  partials.forEach((p, n) => addPartial(out, { ...p, freq: f0 * p.ratio, phase: 0.4 * n }));
  addStrike(out, { seed: 0xb0e1, amp: 0.25, decay: 0.006, cutoffHz: 1200 });
  shape(out, { attack: 0.006, fadeOut: 1.2 });
  normalise(out, BELL_PEAK_DBFS);
  return out;
}

/** Small temple bell: brighter, E5 (659.26 Hz), more and stronger upper modes, shorter ring. */
function bell() {
  const out = buffer(3.5);
  const f0 = 659.26;
  const partials = [
    { ratio: 1, amp: 1, decay: 1.2, beatHz: 1.1, beatDepth: 0.3 },
    { ratio: 2.02, amp: 0.45, decay: 0.9, beatHz: 1.9, beatDepth: 0.3 },
    { ratio: 2.76, amp: 0.55, decay: 0.7, beatHz: 2.4, beatDepth: 0.25 },
    { ratio: 4.07, amp: 0.35, decay: 0.45, beatHz: 3.1, beatDepth: 0.2 },
    { ratio: 5.93, amp: 0.25, decay: 0.3, beatHz: 0, beatDepth: 0 },
    { ratio: 8.14, amp: 0.12, decay: 0.18, beatHz: 0, beatDepth: 0 },
  ];
  partials.forEach((p, n) => addPartial(out, { ...p, freq: f0 * p.ratio, phase: 0.3 * n }));
  addStrike(out, { seed: 0xbe11, amp: 0.3, decay: 0.003, cutoffHz: 4000 });
  shape(out, { attack: 0.002, fadeOut: 0.8 });
  normalise(out, BELL_PEAK_DBFS);
  return out;
}

/** Chime: a free bar (1 : 2.756 : 5.404) on G5 (783.99 Hz), quick upper decay, a soft wooden knock. */
function chime() {
  const out = buffer(2);
  const f0 = 783.99;
  const partials = [
    { ratio: 1, amp: 1, decay: 0.6, beatHz: 0.7, beatDepth: 0.15 },
    { ratio: 2.756, amp: 0.25, decay: 0.16, beatHz: 0, beatDepth: 0 },
    { ratio: 5.404, amp: 0.08, decay: 0.06, beatHz: 0, beatDepth: 0 },
  ];
  partials.forEach((p, n) => addPartial(out, { ...p, freq: f0 * p.ratio, phase: 0.5 * n }));
  addStrike(out, { seed: 0xc41e, amp: 0.35, decay: 0.008, cutoffHz: 800 });
  shape(out, { attack: 0.003, fadeOut: 0.5 });
  normalise(out, BELL_PEAK_DBFS);
  return out;
}

/** Breathing cue: a soft 0.6 s sine glide with a sin² swell (rising for in, falling for out). */
function cue(from, to) {
  const out = buffer(0.6);
  addGlide(out, { from, to, amp: 1, harmonic: 0.12 });
  swell(out);
  normalise(out, CUE_PEAK_DBFS);
  return out;
}

export const SOUNDS = {
  'bowl.wav': bowl,
  'bell.wav': bell,
  'chime.wav': chime,
  'breath-in.wav': () => cue(330, 440),
  'breath-out.wav': () => cue(440, 330),
};

function stats(samples) {
  let peak = 0;
  let sumSq = 0;
  for (const x of samples) {
    peak = Math.max(peak, Math.abs(x));
    sumSq += x * x;
  }
  const db = (v) => (20 * Math.log10(v)).toFixed(1);
  return {
    seconds: (samples.length / SAMPLE_RATE).toFixed(2),
    peak: db(peak),
    rms: db(Math.sqrt(sumSq / samples.length)),
  };
}

function main(argv) {
  const outFlag = argv.indexOf('--out');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = outFlag >= 0 && argv[outFlag + 1] ? resolve(argv[outFlag + 1]) : join(root, 'resources', 'sounds');
  mkdirSync(outDir, { recursive: true });
  for (const [name, make] of Object.entries(SOUNDS)) {
    const samples = make();
    const wav = toWav(samples);
    writeFileSync(join(outDir, name), wav);
    const s = stats(samples);
    console.log(`${name.padEnd(15)} ${s.seconds} s  peak ${s.peak} dBFS  rms ${s.rms} dBFS  ${wav.length} bytes`);
  }
}

main(process.argv.slice(2));
