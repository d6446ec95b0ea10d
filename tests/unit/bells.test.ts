import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AudioBufferLike,
  type AudioContextLike,
  type AudioNodeLike,
  type BellLogEntry,
  type BufferSourceLike,
  type GainNodeLike,
  type OutputTimestampLike,
  audioClockAt,
  audioTimeFor,
  BellPlayer,
  bellsToSchedule,
  GRACE_MS,
  gainForVolume,
  SOUND_BLOCKED_MESSAGE,
  SOUND_LOAD_FAILED_MESSAGE,
  SOUND_UNAVAILABLE_MESSAGE,
} from '../../renderer/src/views/Meditate/bells';

const root = join(import.meta.dirname, '../..');
const soundsDir = join(root, 'resources/sounds');

/** The log the players under test write to (the app's player keeps none). */
const bellLog: BellLogEntry[] = [];
const clearBellLog = (): void => {
  bellLog.length = 0;
};

describe('bell time arithmetic', () => {
  it('maps a future bell to the audio clock by its distance from now', () => {
    expect(audioTimeFor(60_000, 10_000, 5)).toBeCloseTo(55, 9);
    expect(audioTimeFor(10_250, 10_000, 100.5)).toBeCloseTo(100.75, 9);
    expect(audioTimeFor(10_000, 10_000, 3)).toBe(3);
  });

  it('maps a bell that is already due to now (play at once, never in the past)', () => {
    expect(audioTimeFor(9_900, 10_000, 42)).toBe(42);
    expect(audioTimeFor(0, 10_000, 42)).toBe(42);
  });

  it('keeps future bells and bells within the grace, skips older ones, and keeps order', () => {
    const bells = [
      { kind: 'start' as const, atSessionMs: 0 },
      { kind: 'interval' as const, atSessionMs: 9_700 },
      { kind: 'interval' as const, atSessionMs: 9_800 },
      { kind: 'interval' as const, atSessionMs: 10_000 },
      { kind: 'end' as const, atSessionMs: 20_000 },
    ];
    expect(bellsToSchedule(bells, 10_000).map((b) => b.atSessionMs)).toEqual([9_800, 10_000, 20_000]);
    expect(bellsToSchedule(bells, 10_000, 0).map((b) => b.atSessionMs)).toEqual([10_000, 20_000]);
    expect(bellsToSchedule(bells, 10_000, 1_000).map((b) => b.atSessionMs)).toEqual([9_700, 9_800, 10_000, 20_000]);
    expect(bellsToSchedule(bells, 0).map((b) => b.kind)).toEqual(['start', 'interval', 'interval', 'interval', 'end']);
    expect(GRACE_MS).toBe(250);
  });

  it('the grace edge: exactly GRACE_MS late still rings, a millisecond more does not', () => {
    expect(bellsToSchedule([{ atSessionMs: 1_000 }], 1_000 + GRACE_MS)).toHaveLength(1);
    expect(bellsToSchedule([{ atSessionMs: 1_000 }], 1_001 + GRACE_MS)).toHaveLength(0);
    expect(bellsToSchedule([{ atSessionMs: Number.NaN }], 0)).toHaveLength(0);
  });

  it('uses the output timestamp to find the audio time being heard now, when it is plausible', () => {
    expect(audioClockAt(5_000, 10)).toBe(10);
    expect(audioClockAt(5_000, 10, { contextTime: 0, performanceTime: 0 })).toBe(10);
    // Heard 9.95 at page time 4,990 → at 5,000 the speaker plays 9.96 (currentTime runs ahead).
    expect(audioClockAt(5_000, 10, { contextTime: 9.95, performanceTime: 4_990 })).toBeCloseTo(9.96, 9);
    // Implausible: ahead of currentTime, or more than a second behind it.
    expect(audioClockAt(5_000, 10, { contextTime: 10.2, performanceTime: 5_000 })).toBe(10);
    expect(audioClockAt(5_000, 10, { contextTime: 8.5, performanceTime: 5_000 })).toBe(10);
  });

  it('turns the volume slider into a gain, squared and clamped', () => {
    expect(gainForVolume(0)).toBe(0);
    expect(gainForVolume(0.5)).toBe(0.25);
    expect(gainForVolume(1)).toBe(1);
    expect(gainForVolume(2)).toBe(1);
    expect(gainForVolume(-1)).toBe(0);
    expect(gainForVolume(Number.NaN)).toBe(1);
  });
});

// ------------------------------------------------------------------------------------------
// A stand-in for the browser's AudioContext: records what the player asks of it.

class FakeParam {
  value = 1;
  targets: [number, number, number][] = [];
  setValueAtTime(value: number): void {
    this.value = value;
  }
  setTargetAtTime(target: number, startTime: number, timeConstant: number): void {
    this.targets.push([target, startTime, timeConstant]);
  }
  cancelScheduledValues(): void {}
}

class FakeNode implements AudioNodeLike {
  connected: AudioNodeLike[] = [];
  connect(destination: AudioNodeLike): void {
    this.connected.push(destination);
  }
  disconnect(): void {
    this.connected = [];
  }
}

class FakeGain extends FakeNode implements GainNodeLike {
  readonly gain = new FakeParam();
}

class FakeSource extends FakeNode implements BufferSourceLike {
  buffer: AudioBufferLike | null = null;
  onended: (() => void) | null = null;
  startedAt: number | null = null;
  stoppedAt: number | null = null;
  start(when = 0): void {
    this.startedAt = when;
  }
  stop(when = 0): void {
    this.stoppedAt = when;
  }
}

class FakeContext implements AudioContextLike {
  currentTime = 50;
  state = 'suspended';
  resumeBlocked = false;
  output: OutputTimestampLike | undefined;
  readonly destination = new FakeNode();
  sources: FakeSource[] = [];
  gains: FakeGain[] = [];
  decoded = 0;
  createGain(): FakeGain {
    const gain = new FakeGain();
    this.gains.push(gain);
    return gain;
  }
  createBufferSource(): FakeSource {
    const source = new FakeSource();
    this.sources.push(source);
    return source;
  }
  async resume(): Promise<void> {
    if (this.resumeBlocked) return new Promise(() => {}); // as Chrome does until a gesture
    this.state = 'running';
  }
  async decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike> {
    this.decoded++;
    return { duration: data.byteLength / 1000 };
  }
  getOutputTimestamp(): OutputTimestampLike {
    return this.output ?? { contextTime: 0, performanceTime: 0 };
  }
}

describe('BellPlayer on a stand-in audio context', () => {
  let ctx: FakeContext;
  let perf: number;
  let loads: string[];
  let failLoads: boolean;
  const SESSION_STARTED_AT_PERF = 1_000;
  /** A session that started at page time 1,000 and was never paused. */
  const anchor = { sessionMsAt: (perfMs: number) => perfMs - SESSION_STARTED_AT_PERF };

  const makePlayer = (): BellPlayer =>
    new BellPlayer('./sounds/', {
      createContext: () => ctx,
      loadBytes: async (url) => {
        loads.push(url);
        if (failLoads) throw new Error('404');
        return new ArrayBuffer(url.includes('breath') ? 600 : 7_500); // "duration" 0.6 s / 7.5 s
      },
      perfNow: () => perf,
      resumeWaitMs: 5,
      log: bellLog,
    });

  beforeEach(() => {
    ctx = new FakeContext();
    perf = 11_000; // session time 10,000 ms
    loads = [];
    failLoads = false;
    clearBellLog();
  });
  afterEach(() => clearBellLog());

  it('starts the context on ensureRunning and reports a blocked or missing one in words', async () => {
    const player = makePlayer();
    expect(await player.ensureRunning()).toBe(true);
    expect(player.running).toBe(true);
    expect(player.lastError).toBeNull();

    ctx = new FakeContext();
    ctx.resumeBlocked = true;
    const blocked = makePlayer();
    expect(await blocked.ensureRunning()).toBe(false);
    expect(blocked.lastError).toBe(SOUND_BLOCKED_MESSAGE);
    expect(SOUND_BLOCKED_MESSAGE).toMatch(/Sound is blocked — press Start again/);

    const none = new BellPlayer('./sounds/', {
      createContext: () => {
        throw new Error('no Web Audio');
      },
    });
    expect(await none.ensureRunning()).toBe(false);
    expect(none.lastError).toBe(SOUND_UNAVAILABLE_MESSAGE);
  });

  it('loads each sound once, resolves for none, and reports a failed load without throwing', async () => {
    const player = makePlayer();
    expect(await player.load('none')).toBe(true);
    expect(loads).toEqual([]);
    expect(await Promise.all([player.load('bowl'), player.load('bowl')])).toEqual([true, true]);
    expect(await player.load('bowl')).toBe(true);
    expect(loads).toEqual(['./sounds/bowl.wav']);

    failLoads = true;
    expect(await player.load('chime')).toBe(false);
    expect(player.lastError).toBe(SOUND_LOAD_FAILED_MESSAGE);
    failLoads = false;
    expect(await player.load('chime')).toBe(true); // a failure is not cached
    expect(loads).toEqual(['./sounds/bowl.wav', './sounds/chime.wav', './sounds/chime.wav']);
  });

  it('schedules future bells on the audio clock, rings a just-missed one at once, skips older ones, and logs them', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    const count = await player.schedule(
      [
        { kind: 'start', atSessionMs: 0 }, // 10 s ago: skipped
        { kind: 'interval', atSessionMs: 9_900 }, // 100 ms ago: at once
        { kind: 'interval', atSessionMs: 70_000 }, // in 60 s
        { kind: 'end', atSessionMs: 610_000 }, // in 600 s
      ],
      anchor,
      'bowl',
    );
    expect(count).toBe(3);
    expect(ctx.sources.map((s) => s.startedAt)).toEqual([50, 110, 650]);
    expect(ctx.sources.every((s) => s.buffer?.duration === 7.5)).toBe(true);
    expect(
      bellLog.map(
        ({ kind, atSessionMs, audioTime, scheduledAtPerfMs, audioNowAtSchedule, cancelled, playedAtAudioTime }) => ({
          kind,
          atSessionMs,
          audioTime,
          scheduledAtPerfMs,
          audioNowAtSchedule,
          cancelled,
          playedAtAudioTime,
        }),
      ),
    ).toEqual([
      {
        kind: 'interval',
        atSessionMs: 9_900,
        audioTime: 50,
        scheduledAtPerfMs: 11_000,
        audioNowAtSchedule: 50,
        cancelled: false,
        playedAtAudioTime: null,
      },
      {
        kind: 'interval',
        atSessionMs: 70_000,
        audioTime: 110,
        scheduledAtPerfMs: 11_000,
        audioNowAtSchedule: 50,
        cancelled: false,
        playedAtAudioTime: null,
      },
      {
        kind: 'end',
        atSessionMs: 610_000,
        audioTime: 650,
        scheduledAtPerfMs: 11_000,
        audioNowAtSchedule: 50,
        cancelled: false,
        playedAtAudioTime: null,
      },
    ]);
    expect(player.pending).toBe(3);

    // The first one rings and ends 7.5 s later (ended event a little after): its real start is recorded.
    ctx.currentTime = 57.52;
    ctx.sources[0]!.onended?.();
    expect(bellLog[0]!.playedAtAudioTime).toBeCloseTo(50.02, 9);
    expect(player.pending).toBe(2);
  });

  it('uses the output timestamp so a bell is heard, not just rendered, on time', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    ctx.output = { contextTime: 49.95, performanceTime: 10_990 }; // the speaker is 40 ms behind currentTime
    await player.schedule([{ kind: 'interval', atSessionMs: 70_000 }], anchor, 'bell');
    expect(ctx.sources[0]!.startedAt).toBeCloseTo(109.96, 9);
    expect(bellLog[0]!.audioNowAtSchedule).toBeCloseTo(49.96, 9);
  });

  it('follows the anchor: after a 30 s pause the same bell maps 30 s later', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    const pausedMs = 30_000;
    const resumed = { sessionMsAt: (perfMs: number) => perfMs - SESSION_STARTED_AT_PERF - pausedMs };
    perf = 41_000; // session time is still 10,000 ms
    ctx.currentTime = 80;
    await player.schedule([{ kind: 'end', atSessionMs: 70_000 }], resumed, 'chime');
    expect(ctx.sources[0]!.startedAt).toBe(140);
  });

  it('cancelAll stops bells not yet started, lets a ringing one ring out, and silences it when asked', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    await player.schedule(
      [
        { kind: 'start', atSessionMs: 10_000 },
        { kind: 'interval', atSessionMs: 70_000 },
        { kind: 'end', atSessionMs: 130_000 },
      ],
      anchor,
      'bowl',
    );
    ctx.currentTime = 52; // the start bell is ringing
    player.cancelAll();
    expect(ctx.sources.map((s) => s.stoppedAt)).toEqual([null, 0, 0]);
    expect(bellLog.map((e) => e.cancelled)).toEqual([false, true, true]);
    expect(player.pending).toBe(1);

    player.cancelAll(true); // as on lock
    expect(ctx.sources[0]!.stoppedAt).toBeCloseTo(52.3, 9);
    expect(ctx.gains.at(-3)!.gain.targets).toEqual([[0, 52, 0.04]]);
    expect(player.pending).toBe(0);
    ctx.sources[0]!.onended?.();
    expect(bellLog[0]!.playedAtAudioTime).toBeNull(); // cut short: no claim about its start
  });

  it('a cancelAll while the sound is still loading wins over the schedule', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    const pending = player.schedule([{ kind: 'end', atSessionMs: 70_000 }], anchor, 'bell');
    player.cancelAll();
    expect(await pending).toBe(0);
    expect(ctx.sources).toHaveLength(0);
    expect(bellLog).toHaveLength(0);
  });

  it('schedules nothing for the silent sound or while the context is not running', async () => {
    const player = makePlayer();
    expect(await player.schedule([{ kind: 'end', atSessionMs: 70_000 }], anchor, 'none')).toBe(0);
    expect(await player.schedule([{ kind: 'end', atSessionMs: 70_000 }], anchor, 'bowl')).toBe(0); // never started
    expect(player.lastError).toBe(SOUND_BLOCKED_MESSAGE);
    expect(bellLog).toHaveLength(0);
    expect(ctx.sources).toHaveLength(0);
  });

  it('plays bells and breathing cues now, schedules cues on the audio clock, and sets the volume smoothly', async () => {
    const player = makePlayer();
    await player.ensureRunning();
    player.setVolume(0.5);
    expect(ctx.gains[0]!.gain.targets).toEqual([[0.25, 50, 0.03]]);
    expect(await player.playNow('chime')).toBe(true);
    expect(await player.playCue('in')).toBe(true);
    expect(await player.playCue('out')).toBe(true);
    expect(ctx.sources.map((s) => [s.startedAt, s.buffer?.duration])).toEqual([
      [50, 7.5],
      [50, 0.6],
      [50, 0.6],
    ]);
    expect(
      await player.scheduleCues(
        [
          { cue: 'in', atSessionMs: 14_000 },
          { cue: 'out', atSessionMs: 18_000 },
        ],
        anchor,
      ),
    ).toBe(2);
    expect(ctx.sources.slice(3).map((s) => s.startedAt)).toEqual([54, 58]);
    expect(loads).toContain('./sounds/breath-in.wav');
    expect(loads).toContain('./sounds/breath-out.wav');
    expect(bellLog).toHaveLength(0); // cues and manual plays are not bells of the session
  });
});

// ------------------------------------------------------------------------------------------
// The generated sound files

interface Wav {
  format: number;
  channels: number;
  sampleRate: number;
  bits: number;
  samples: Int16Array;
}

function readWav(path: string): Wav {
  const buf = readFileSync(path);
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 12)).toBe('WAVE');
  expect(buf.toString('ascii', 12, 16)).toBe('fmt ');
  expect(buf.readUInt32LE(16)).toBe(16);
  expect(buf.toString('ascii', 36, 40)).toBe('data');
  const dataBytes = buf.readUInt32LE(40);
  expect(dataBytes).toBe(buf.length - 44);
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(44 + i * 2);
  return {
    format: buf.readUInt16LE(20),
    channels: buf.readUInt16LE(22),
    sampleRate: buf.readUInt32LE(24),
    bits: buf.readUInt16LE(34),
    samples,
  };
}

const SOUND_FILES: Record<string, { min: number; max: number; peakDbfs: [number, number] }> = {
  'bowl.wav': { min: 6, max: 8, peakDbfs: [-4, -2] },
  'bell.wav': { min: 3, max: 4, peakDbfs: [-4, -2] },
  'chime.wav': { min: 1.5, max: 2.5, peakDbfs: [-4, -2] },
  'breath-in.wav': { min: 0.4, max: 0.8, peakDbfs: [-20, -6] },
  'breath-out.wav': { min: 0.4, max: 0.8, peakDbfs: [-20, -6] },
};

describe('generated sound files', () => {
  for (const [name, expected] of Object.entries(SOUND_FILES)) {
    it(`${name} is 16-bit PCM mono, the right length, below full scale and click-free at both ends`, () => {
      const path = join(soundsDir, name);
      expect(statSync(path).size).toBeLessThan(350 * 1024);
      const wav = readWav(path);
      expect(wav).toMatchObject({ format: 1, channels: 1, bits: 16 });
      expect([22_050, 44_100]).toContain(wav.sampleRate);
      const seconds = wav.samples.length / wav.sampleRate;
      expect(seconds).toBeGreaterThanOrEqual(expected.min);
      expect(seconds).toBeLessThanOrEqual(expected.max);
      let peak = 0;
      for (const s of wav.samples) peak = Math.max(peak, Math.abs(s));
      expect(peak).toBeLessThan(32_767);
      const peakDbfs = 20 * Math.log10(peak / 32_768);
      expect(peakDbfs).toBeGreaterThanOrEqual(expected.peakDbfs[0]);
      expect(peakDbfs).toBeLessThanOrEqual(expected.peakDbfs[1]);
      expect(wav.samples[0]).toBe(0);
      expect(wav.samples.at(-1)).toBe(0);
    });
  }

  it('the generator reproduces the committed files byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'axis-sounds-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/make-sounds.mjs'), '--out', out], { stdio: 'pipe' });
      for (const name of Object.keys(SOUND_FILES)) {
        expect(readFileSync(join(out, name)).equals(readFileSync(join(soundsDir, name))), name).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
