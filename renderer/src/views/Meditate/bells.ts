/**
 * Meditation bells on the Web Audio clock.
 *
 * Bells are never timed with setTimeout/setInterval: those are throttled in hidden pages and
 * drift. Instead every bell of a session is handed to the audio engine at once, as an
 * AudioBufferSourceNode started at an exact AudioContext time. The audio clock keeps running
 * while the page is hidden, so bells ring on time even then. Pausing, ending or locking calls
 * `cancelAll()`; resuming schedules the remaining bells again against the session's clock.
 *
 * The sounds are the project's own (scripts/make-sounds.mjs), served at `./sounds/NAME.wav`.
 *
 * The time arithmetic is in small pure functions (exported for the unit tests). The player
 * talks to the audio engine through the narrow `*Like` interfaces below, so it runs with the
 * browser's AudioContext in the app and with a stand-in in Node tests.
 */

export type BellSound = 'bowl' | 'bell' | 'chime' | 'none';
export type BellKind = 'start' | 'interval' | 'end';
export type BreathCue = 'in' | 'out';

export interface BellAt {
  kind: BellKind;
  /** Session time (ms, pauses excluded) at which the bell should be heard. */
  atSessionMs: number;
}

export interface CueAt {
  cue: BreathCue;
  atSessionMs: number;
}

/** Maps "now" on the page's clock to the session's elapsed time (ms, pauses excluded). */
export interface SessionAnchor {
  sessionMsAt(performanceNowMs: number): number;
}

/** What the log keeps of every scheduled bell: timings only, never anything personal. */
export interface BellLogEntry {
  kind: BellKind;
  atSessionMs: number;
  /** AudioContext time the source was started at. */
  audioTime: number;
  /** performance.now() when it was scheduled… */
  scheduledAtPerfMs: number;
  /** …and the audio clock reading taken right with it, so audioTime can be related to page time. */
  audioNowAtSchedule: number;
  cancelled: boolean;
  /**
   * Audio time the source really started, estimated when it ended (ended-event time minus the
   * sound's length; late by at most a render quantum plus the event's delivery). Null until then,
   * and stays null for a bell cancelled before it started or cut short by `cancelAll(true)`.
   */
  playedAtAudioTime: number | null;
}

/** A bell this much past due (ms) still rings, at once; older ones are skipped, never played late. */
export const GRACE_MS = 250;

export const SOUND_BLOCKED_MESSAGE = 'Sound is blocked — press Start again.';
export const SOUND_UNAVAILABLE_MESSAGE = 'This browser cannot play sound, so the session will be silent.';
export const SOUND_LOAD_FAILED_MESSAGE = 'The bell sound could not be loaded, so the session will be silent.';

// ---------------------------------------------------------------------------------------------
// Pure time arithmetic

/**
 * The AudioContext time at which a bell due at `bellSessionMs` should start, given that the
 * session is at `nowSessionMs` while the audio clock reads `audioNow` (seconds). A bell that is
 * already due maps to `audioNow` (play at once); whether it should ring at all is
 * `bellsToSchedule`'s decision.
 */
export function audioTimeFor(bellSessionMs: number, nowSessionMs: number, audioNow: number): number {
  return audioNow + Math.max(0, bellSessionMs - nowSessionMs) / 1000;
}

/**
 * The bells that should still ring: those in the future, and those past due by at most
 * `graceMs` (they ring at once). Order is kept.
 */
export function bellsToSchedule<T extends { atSessionMs: number }>(
  bells: readonly T[],
  nowSessionMs: number,
  graceMs: number = GRACE_MS,
): T[] {
  return bells.filter((bell) => Number.isFinite(bell.atSessionMs) && bell.atSessionMs >= nowSessionMs - graceMs);
}

export interface OutputTimestampLike {
  contextTime?: number;
  performanceTime?: number;
}

/**
 * The audio time that is being heard at page time `perfNowMs`.
 *
 * `ctx.currentTime` runs ahead of the loudspeaker by the output latency. When the context
 * gives a usable output timestamp (an audio time and the page time it was heard at) we
 * extrapolate it to `perfNowMs`, so a bell scheduled `d` seconds after the result is heard
 * `d` seconds after `perfNowMs`. Otherwise (no timestamp yet, or an implausible one) the
 * current time is used. Never later than `currentTime`, never earlier than 1 s before it.
 */
export function audioClockAt(perfNowMs: number, currentTime: number, output?: OutputTimestampLike | null): number {
  const contextTime = output?.contextTime;
  const performanceTime = output?.performanceTime;
  if (
    typeof contextTime !== 'number' ||
    typeof performanceTime !== 'number' ||
    !Number.isFinite(contextTime) ||
    !Number.isFinite(performanceTime) ||
    contextTime <= 0 ||
    performanceTime <= 0
  ) {
    return currentTime;
  }
  const heard = contextTime + (perfNowMs - performanceTime) / 1000;
  if (heard > currentTime || heard < currentTime - 1) return currentTime;
  return heard;
}

/** Slider position (0..1) to gain: squared, so the slider feels even to the ear. */
export function gainForVolume(volume: number): number {
  const v = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
  return v * v;
}

export function soundFile(sound: Exclude<BellSound, 'none'> | `breath-${BreathCue}`): string {
  return `${sound}.wav`;
}

// ---------------------------------------------------------------------------------------------
// The narrow view of Web Audio the player uses (the browser's objects satisfy it).

export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, startTime: number): unknown;
  setTargetAtTime(target: number, startTime: number, timeConstant: number): unknown;
  cancelScheduledValues(cancelTime: number): unknown;
}
export interface AudioBufferLike {
  readonly duration: number;
}
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}
export interface GainNodeLike extends AudioNodeLike {
  readonly gain: AudioParamLike;
}
export interface BufferSourceLike extends AudioNodeLike {
  buffer: AudioBufferLike | null;
  onended: ((event: never) => unknown) | null;
  start(when?: number): void;
  stop(when?: number): void;
}
export interface DecoderLike {
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>;
}
export interface AudioContextLike extends DecoderLike {
  readonly currentTime: number;
  readonly state: string;
  readonly destination: AudioNodeLike;
  createGain(): GainNodeLike;
  createBufferSource(): BufferSourceLike;
  resume(): Promise<void>;
  getOutputTimestamp?(): OutputTimestampLike;
}

export interface BellPlayerOptions {
  /** Makes the live context; default `new AudioContext()`. Throwing means "no Web Audio". */
  createContext?: () => AudioContextLike;
  /** Decodes sounds before the live context exists; default a tiny OfflineAudioContext. */
  createDecoder?: () => DecoderLike;
  /** Reads a sound file; default a same-origin fetch for an ArrayBuffer. */
  loadBytes?: (url: string) => Promise<ArrayBuffer>;
  /** The page clock; default performance.now(). */
  perfNow?: () => number;
  /** How long ensureRunning waits for a blocked context to start (ms); default 400. */
  resumeWaitMs?: number;
  /** Where every scheduled bell is recorded, for tests and measurements; nothing is kept by default. */
  log?: BellLogEntry[];
}

interface Scheduled {
  source: BufferSourceLike;
  gain: GainNodeLike;
  startAt: number;
  entry: BellLogEntry | null;
}

type Clip = Exclude<BellSound, 'none'> | `breath-${BreathCue}`;

/**
 * Plays and schedules the bells. One per page is enough. Call `ensureRunning()` from the click
 * that starts a session (browsers allow sound only after a user gesture), then `load`,
 * `schedule`, and `cancelAll()` on pause, end and lock.
 */
export class BellPlayer {
  private ctx: AudioContextLike | null = null;
  private master: GainNodeLike | null = null;
  private decoder: DecoderLike | null = null;
  private readonly buffers = new Map<Clip, Promise<AudioBufferLike | null>>();
  private active: Scheduled[] = [];
  private generation = 0;
  private volume = 1;
  private sound: BellSound = 'bowl';
  private readonly options: Required<Omit<BellPlayerOptions, 'createDecoder' | 'log'>> &
    Pick<BellPlayerOptions, 'createDecoder' | 'log'>;

  /** The last problem, in words, for the page to show (null when all is well). */
  lastError: string | null = null;

  private readonly baseUrl: string;

  constructor(baseUrl = './sounds/', options: BellPlayerOptions = {}) {
    this.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.options = {
      createContext: options.createContext ?? defaultContext,
      createDecoder: options.createDecoder ?? (options.createContext ? undefined : defaultDecoder),
      loadBytes: options.loadBytes ?? loadBytesFetch,
      perfNow: options.perfNow ?? (() => performance.now()),
      resumeWaitMs: options.resumeWaitMs ?? 400,
      log: options.log,
    };
  }

  /** True when the audio clock is running (sound can be heard). */
  get running(): boolean {
    return this.ctx?.state === 'running';
  }

  /**
   * Creates the audio context if needed and starts it. Must be called from a user gesture the
   * first time (call it before any other await in the click handler). Resolves false when the
   * browser keeps sound blocked; `lastError` then says so in words.
   */
  async ensureRunning(): Promise<boolean> {
    let ctx = this.ctx;
    if (!ctx || ctx.state === 'closed') {
      try {
        ctx = this.makeContext();
      } catch {
        this.lastError = SOUND_UNAVAILABLE_MESSAGE;
        return false;
      }
    }
    if (ctx.state !== 'running') {
      // A blocked context's resume() may stay pending until the next gesture: wait a moment only.
      const resumed = ctx.resume().then(
        () => true,
        () => false,
      );
      await Promise.race([resumed, delay(this.options.resumeWaitMs)]);
    }
    const ok = ctx.state === 'running';
    this.lastError = ok ? null : SOUND_BLOCKED_MESSAGE;
    return ok;
  }

  /** Volume 0..1 for everything the player plays, applied smoothly (also to bells already scheduled). */
  setVolume(volume: number): void {
    this.volume = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
    const ctx = this.ctx;
    const master = this.master;
    if (!ctx || !master) return;
    master.gain.cancelScheduledValues(ctx.currentTime);
    master.gain.setValueAtTime(master.gain.value, ctx.currentTime);
    master.gain.setTargetAtTime(gainForVolume(this.volume), ctx.currentTime, 0.03);
  }

  /** The sound `schedule` uses when none is given. */
  setSound(sound: BellSound): void {
    this.sound = sound;
  }

  /**
   * Fetches and decodes a sound once (cached). Resolves true when it is ready, true at once for
   * 'none', and false (with `lastError` set) when it cannot be loaded; never rejects.
   */
  async load(sound: BellSound): Promise<boolean> {
    if (sound === 'none') return true;
    return (await this.clip(sound)) !== null;
  }

  /** Rings a bell now (for example to try a sound). Resolves false when nothing could play. */
  async playNow(sound: BellSound = this.sound): Promise<boolean> {
    if (sound === 'none') return true;
    const buffer = await this.clip(sound);
    const ctx = this.ctx;
    if (!buffer || !ctx || ctx.state !== 'running') return false;
    this.start(buffer, ctx.currentTime, null);
    return true;
  }

  /** Plays a breathing cue now. */
  async playCue(cue: BreathCue): Promise<boolean> {
    const buffer = await this.clip(`breath-${cue}`);
    const ctx = this.ctx;
    if (!buffer || !ctx || ctx.state !== 'running') return false;
    this.start(buffer, ctx.currentTime, null);
    return true;
  }

  /**
   * Hands the session's remaining bells to the audio engine, each at its own audio time.
   * Bells more than GRACE_MS past due are skipped; those within it ring at once. Every
   * scheduled bell is added to the `log` option, if any. Resolves to how many were scheduled (0 when the
   * sound is 'none', cannot be loaded, the context is not running, or `cancelAll()` was
   * called while the sound was loading).
   */
  async schedule(bells: readonly BellAt[], anchor: SessionAnchor, sound: BellSound = this.sound): Promise<number> {
    const generation = this.generation;
    if (sound === 'none') return 0;
    const buffer = await this.clip(sound);
    if (!buffer || generation !== this.generation) return 0;
    const timing = this.clockReadings(anchor);
    if (!timing) return 0;
    const due = bellsToSchedule(bells, timing.nowSessionMs, GRACE_MS);
    for (const bell of due) {
      const startAt = Math.max(
        audioTimeFor(bell.atSessionMs, timing.nowSessionMs, timing.audioNow),
        timing.currentTime,
      );
      const log = this.options.log;
      const entry: BellLogEntry | null = log
        ? {
            kind: bell.kind,
            atSessionMs: bell.atSessionMs,
            audioTime: startAt,
            scheduledAtPerfMs: timing.perfNowMs,
            audioNowAtSchedule: timing.audioNow,
            cancelled: false,
            playedAtAudioTime: null,
          }
        : null;
      if (entry) log?.push(entry);
      this.start(buffer, startAt, entry);
    }
    return due.length;
  }

  /**
   * Schedules breathing cues on the audio clock the same way as bells (not logged).
   * Resolves to how many were scheduled.
   */
  async scheduleCues(cues: readonly CueAt[], anchor: SessionAnchor): Promise<number> {
    const generation = this.generation;
    const [inBuffer, outBuffer] = await Promise.all([this.clip('breath-in'), this.clip('breath-out')]);
    if (!inBuffer || !outBuffer || generation !== this.generation) return 0;
    const timing = this.clockReadings(anchor);
    if (!timing) return 0;
    const due = bellsToSchedule(cues, timing.nowSessionMs, GRACE_MS);
    for (const cue of due) {
      const startAt = Math.max(audioTimeFor(cue.atSessionMs, timing.nowSessionMs, timing.audioNow), timing.currentTime);
      this.start(cue.cue === 'in' ? inBuffer : outBuffer, startAt, null);
    }
    return due.length;
  }

  /**
   * Cancels every bell and cue that has not started yet (marked `cancelled` in the log), and
   * any `schedule` still loading its sound. A bell already ringing rings out, unless
   * `silenceRinging` is true (as on lock): then it fades out within a few tenths of a second.
   */
  cancelAll(silenceRinging = false): void {
    this.generation++;
    const ctx = this.ctx;
    if (!ctx) return;
    const now = ctx.currentTime;
    const keep: Scheduled[] = [];
    for (const item of this.active) {
      const started = item.startAt <= now;
      if (started && !silenceRinging) {
        keep.push(item);
        continue;
      }
      if (item.entry && !started) item.entry.cancelled = true;
      try {
        if (started) {
          // Cut short: it did ring, but its end says nothing about when it started.
          item.source.onended = () => {
            item.source.disconnect();
            item.gain.disconnect();
          };
          item.gain.gain.setTargetAtTime(0, now, 0.04);
          item.source.stop(now + 0.3);
        } else {
          item.source.onended = null;
          item.source.stop();
          item.source.disconnect();
          item.gain.disconnect();
        }
      } catch {
        // Already stopped: nothing to do.
      }
    }
    this.active = keep;
  }

  /** How many sources are waiting or sounding (for tests). */
  get pending(): number {
    return this.active.length;
  }

  /** Both clocks read back to back: page time, session time, and the audio time heard now. */
  private clockReadings(anchor: SessionAnchor): {
    perfNowMs: number;
    nowSessionMs: number;
    audioNow: number;
    currentTime: number;
  } | null {
    const ctx = this.ctx;
    if (!ctx || !this.master || ctx.state !== 'running') {
      this.lastError = this.lastError ?? SOUND_BLOCKED_MESSAGE;
      return null;
    }
    const perfNowMs = this.options.perfNow();
    const currentTime = ctx.currentTime;
    const output = ctx.getOutputTimestamp?.();
    const nowSessionMs = anchor.sessionMsAt(perfNowMs);
    return { perfNowMs, nowSessionMs, audioNow: audioClockAt(perfNowMs, currentTime, output), currentTime };
  }

  private start(buffer: AudioBufferLike, startAt: number, entry: BellLogEntry | null): void {
    const ctx = this.ctx;
    const master = this.master;
    if (!ctx || !master) return;
    const source = ctx.createBufferSource();
    const gain = ctx.createGain(); // per source, so a ringing bell can be faded rather than cut
    source.buffer = buffer;
    source.connect(gain);
    gain.connect(master);
    const item: Scheduled = { source, gain, startAt, entry };
    source.onended = () => {
      if (entry && !entry.cancelled) entry.playedAtAudioTime = ctx.currentTime - buffer.duration;
      this.active = this.active.filter((other) => other !== item);
      source.disconnect();
      gain.disconnect();
    };
    source.start(startAt);
    this.active.push(item);
  }

  private clip(name: Clip): Promise<AudioBufferLike | null> {
    let pending = this.buffers.get(name);
    if (!pending) {
      pending = this.decode(name);
      this.buffers.set(name, pending);
    }
    return pending;
  }

  private async decode(name: Clip): Promise<AudioBufferLike | null> {
    try {
      const bytes = await this.options.loadBytes(`${this.baseUrl}${soundFile(name)}`);
      return await (this.ctx ?? this.offlineDecoder()).decodeAudioData(bytes);
    } catch {
      this.buffers.delete(name); // let a later call try again
      this.lastError = SOUND_LOAD_FAILED_MESSAGE;
      return null;
    }
  }

  /**
   * Decoding needs a context. Before the live one exists (no gesture yet) the browser default
   * decodes with a small OfflineAudioContext, which never asks to play; a stand-in given as
   * `createContext` without `createDecoder` decodes itself.
   */
  private offlineDecoder(): DecoderLike {
    const make = this.options.createDecoder;
    if (!make) return this.makeContext();
    this.decoder ??= make();
    return this.decoder;
  }

  /** Creates the live context and its master gain (suspended until `ensureRunning`). */
  private makeContext(): AudioContextLike {
    const ctx = this.options.createContext();
    const master = ctx.createGain();
    master.gain.value = gainForVolume(this.volume);
    master.connect(ctx.destination);
    this.ctx = ctx;
    this.master = master;
    return ctx;
  }
}

// ---------------------------------------------------------------------------------------------
// Browser defaults

type Ctor<T, A extends unknown[] = []> = new (...args: A) => T;

function browserGlobal<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<string, T | undefined>)[name];
}

function defaultContext(): AudioContextLike {
  const AudioContextCtor = browserGlobal<Ctor<AudioContextLike>>('AudioContext');
  if (!AudioContextCtor) throw new Error('Web Audio is not available');
  return new AudioContextCtor();
}

function defaultDecoder(): DecoderLike {
  const Offline = browserGlobal<Ctor<DecoderLike, [number, number, number]>>('OfflineAudioContext');
  if (!Offline) throw new Error('Web Audio is not available');
  return new Offline(1, 1, 44_100);
}

/** Reads a static sound file from the page's own origin (allowed by connect-src 'self'). */
async function loadBytesFetch(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.arrayBuffer();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
