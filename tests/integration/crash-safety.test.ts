import { existsSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import type { DayEntry } from '../../electron/contract/journal';
import { BODY_AREA_KEYS, MEAL_KINDS } from '../../electron/contract/journalTerms';
import { createApp } from '../../electron/core/app';
import { checkVault } from '../../electron/core/data/check';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { localDate } from '../../electron/core/journal/dates';
import { AppError } from '../../electron/core/errors';
import { applyConnectionSettings, openCipherDatabase, type Db } from '../../electron/core/db/database';
import { latestVersion, migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { SeededRandom } from '../../electron/core/demo/random';
import { readDay } from '../../electron/core/day/days';
import { VAULT_FILES } from '../../electron/core/paths';
import { derivePassphraseKey, unwrapKey } from '../../electron/core/vault/crypto';
import { WRAP_PURPOSE, parseKeyFile, readKeyFile } from '../../electron/core/vault/keyFile';
import { apiClient, startWebHostProcess, type RunningWebHost } from '../helpers/webHostProcess';
import { FAST_SCRYPT, PASSPHRASE, fastVault, removeTempDirs, tempDir } from '../helpers/tempVault';

/*
 * Crash safety (issue 7): the real web host (out/main/web.js, the same core as the desktop app)
 * writes days over HTTP with several requests in flight, and is killed with SIGKILL at a random
 * moment. After every kill the journal must open, SQLite's integrity check must pass, every save
 * the host acknowledged must be there exactly as sent, and a save that was cut off must be either
 * there completely or not at all — never half a day. The key file must never be damaged.
 *
 * Rerun a failure with the seed it prints: AXIS_CRASH_SEED=… npx vitest run tests/integration/crash-safety.test.ts
 */

const SEED = Number(process.env.AXIS_CRASH_SEED ?? 20261125);
const ROUNDS = 30;
/** The first rounds are killed within milliseconds of "unlock", while the schema is migrated. */
const EARLY_ROUNDS = 4;
const WRITERS = 4;
/**
 * Past dates (the web host runs on the real clock and refuses future days), oldest first. Writer w
 * owns the dates with index % WRITERS === w, so a date never has two saves in flight.
 */
const DATES = Array.from({ length: 96 }, (_, i) => isoDay(Date.now() - (96 - i) * 3 * 86_400_000));
const OTHER_PASSPHRASE = 'heron quartz lantern 17';

/** The demo journal's seeded generator, so a failing schedule repeats. */
function seeded(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A temporary key file the host with this pid writes before renaming it over vault.json. */
function isKeyFileTemp(name: string | null, pid: number): boolean {
  return !!name && name.startsWith(`${VAULT_FILES.keyFile}.${pid}.`) && name.endsWith('.tmp');
}

interface Ids {
  conditions: number[];
  foods: number[];
  treatments: number[];
  factors: { id: number; kind: string }[];
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const maybe = <T>(rng: Rng, value: T): T | null => (rng() < 0.2 ? null : value);
/** Distinct items in a random order. */
function some<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  const n = Math.min(pool.length, int(rng, min, max));
  while (out.length < n) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return out;
}
const clock = (rng: Rng) => `${String(int(rng, 0, 23)).padStart(2, '0')}:${String(int(rng, 0, 59)).padStart(2, '0')}`;

const WORDS = [
  'oats',
  'itchy',
  'kefir',
  'calm',
  'flare',
  'elbows',
  'sleep',
  'walk',
  'stress',
  'water',
  'kimchi',
  'sunny',
  'dry',
  'better',
];

/**
 * A full day with every kind of field, in the form the journal reads it back (skin, treatments
 * and factors by id, areas distinct), so a day that was only half written cannot compare equal.
 */
function randomDay(rng: Rng, date: string, ids: Ids, label: string): DayEntry {
  const words = Array.from({ length: int(rng, 10, 600) }, () => pick(rng, WORDS)).join(' ');
  return {
    date,
    skin: some(rng, ids.conditions, 1, 3)
      .sort((a, b) => a - b)
      .map((conditionId) => ({
        conditionId,
        severity: maybe(rng, int(rng, 0, 10)),
        itch: maybe(rng, int(rng, 0, 10)),
        sleepLost: maybe(rng, int(rng, 0, 10)),
        newLesions: maybe(rng, int(rng, 0, 40)),
        flare: rng() < 0.3,
        areas: some(rng, BODY_AREA_KEYS, 0, 4),
      })),
    mealsComplete: pick(rng, [true, false, null]),
    meals: Array.from({ length: int(rng, 1, 4) }, () => ({
      kind: pick(rng, MEAL_KINDS),
      time: maybe(rng, clock(rng)),
      foods: some(rng, ids.foods, 1, 5).map((foodId) => ({ foodId, servings: pick(rng, [0.5, 1, 1.5, 2, 3]) })),
    })),
    bowelMovements: Array.from({ length: int(rng, 0, 3) }, () => ({
      time: maybe(rng, clock(rng)),
      bristol: int(rng, 1, 7),
    })),
    gut: {
      bloating: maybe(rng, int(rng, 0, 10)),
      discomfort: maybe(rng, int(rng, 0, 10)),
      waterGlasses: maybe(rng, int(rng, 0, 12)),
    },
    lifestyle: {
      stress: maybe(rng, int(rng, 0, 10)),
      sleepHours: maybe(rng, int(rng, 8, 20) / 2),
      sleepQuality: maybe(rng, int(rng, 0, 10)),
      exerciseMinutes: maybe(rng, int(rng, 0, 120)),
      relaxationMinutes: maybe(rng, int(rng, 0, 60)),
      mood: maybe(rng, int(rng, 0, 10)),
      meditationMinutes: maybe(rng, int(rng, 0, 45)),
      cycleDay: maybe(rng, int(rng, 1, 35)),
    },
    treatments: some(rng, ids.treatments, 0, ids.treatments.length)
      .sort((a, b) => a - b)
      .map((treatmentId) => ({ treatmentId, taken: rng() < 0.7 })),
    custom: some(rng, ids.factors, 0, ids.factors.length)
      .sort((a, b) => a.id - b.id)
      .map(({ id, kind }) => ({
        factorId: id,
        value: kind === 'yesno' ? int(rng, 0, 1) : kind === 'scale' ? int(rng, 0, 10) : int(rng, 0, 400) / 4,
      })),
    notes: `${label}: ${words}`,
    notesForDermatologist: rng() < 0.3,
  };
}

type Api = Awaited<ReturnType<typeof apiClient>>;

/** Conditions and foods come with the journal; a treatment and three factors are added once. */
async function ensureIds(api: Api): Promise<Ids> {
  const value = async (method: string, input?: unknown) => {
    const result = await api(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error?.code} ${result.error?.message}`);
    return result.value;
  };
  let treatments = (await value('treatments.list')) as { id: number; name: string }[];
  for (const [name, kind] of [
    ['Probiotic capsule', 'probiotic'],
    ['Zinc cream', 'topical'],
  ] as const) {
    if (!treatments.some((t) => t.name === name)) {
      treatments = await value('treatments.save', {
        name,
        kind,
        dose: '1 a day',
        startedOn: '2025-12-01',
        stoppedOn: null,
      });
    }
  }
  let factors = (await value('factors.list')) as { id: number; name: string; kind: string }[];
  for (const [name, kind, unit] of [
    ['Sunscreen', 'yesno', ''],
    ['Screen time', 'number', 'h'],
    ['Humidity feel', 'scale', ''],
  ] as const) {
    if (!factors.some((f) => f.name === name))
      factors = await value('factors.save', { name, kind, unit, archived: false });
  }
  const conditions = (await value('conditions.list')) as { id: number }[];
  const foods = (await value('foods.list')) as { id: number; archived: boolean }[];
  return {
    conditions: conditions.map((c) => c.id),
    foods: foods
      .filter((f) => !f.archived)
      .slice(0, 40)
      .map((f) => f.id),
    treatments: treatments.map((t) => t.id),
    factors: factors.map((f) => ({ id: f.id, kind: f.kind })),
  };
}

function lockOwnerPid(dir: string): number | null {
  const path = join(dir, VAULT_FILES.lock);
  if (!existsSync(path)) return null;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid;
  } catch {
    return -1; // present but unreadable (only a kill between creating and writing it could do that)
  }
}

const hosts: RunningWebHost[] = [];
afterAll(async () => {
  for (const host of hosts.splice(0)) await host.stop('SIGKILL');
  removeTempDirs();
});

describe('crash safety', () => {
  it(`a web host killed with SIGKILL at random moments ${ROUNDS} times never loses an acknowledged save or damages the vault`, async () => {
    const rng = seeded(SEED);
    const log: string[] = [];
    onTestFailed(() => {
      console.error(
        `crash-safety failed with seed ${SEED} (rerun: AXIS_CRASH_SEED=${SEED} npx vitest run tests/integration/crash-safety.test.ts)\n${log.join('\n')}`,
      );
    });

    // A vault whose journal is still at schema version 1, so the first unlocks migrate it while
    // being killed. The key file is the one Vault.create wrote (cheap scrypt; the web host
    // raises it to full strength on its first unlock, which rewrites vault.json).
    const dir = tempDir('axis-crash-');
    const setup = fastVault(dir);
    await setup.create(PASSPHRASE);
    const dataKey = Buffer.from(await setup.revealDataKey(PASSPHRASE));
    setup.lock();
    const journalPath = join(dir, VAULT_FILES.journal);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${journalPath}${suffix}`, { force: true });
    const fresh = openCipherDatabase(journalPath, dataKey, { create: true });
    applyConnectionSettings(fresh);
    migrate(fresh, MIGRATIONS, 1);
    fresh.close();
    // …and a key file as that version wrote it, with no record of its journal (a binding would
    // rightly refuse this new journal.db as another journal; see core/vault/binding.ts).
    const { binding: _binding, ...unboundKeyFile } = readKeyFile(dir);
    writeFileSync(join(dir, VAULT_FILES.keyFile), JSON.stringify(unboundKeyFile, null, 2));

    /** What each date holds as far as acknowledged saves say (null: nothing saved or deleted). */
    const days = new Map<string, DayEntry | null>(DATES.map((date) => [date, null]));
    let passphrase = PASSPHRASE;
    let verifiedKeyFile = readFileSync(join(dir, VAULT_FILES.keyFile), 'utf8');
    const counts = {
      acknowledged: 0,
      cutOffLanded: 0,
      cutOffLost: 0,
      staleLocksTakenOver: 0,
      keyFileRewrites: 0,
      passphraseChanges: 0,
    };
    const schemaAfterEarlyRounds: string[] = [];
    const killedPids = new Set<number>();
    /** Half-written key files a kill leaves behind: harmless (never read), but worth knowing about. */
    const leftoverTempFiles = new Set<string>();

    for (let round = 1; round <= ROUNDS; round++) {
      const early = round <= EARLY_ROUNDS;
      // Every 8th round also changes the passphrase (aiming the kill at the key-file write); the
      // last round always writes, so the final open below takes over a lock left mid-burst.
      const changePassphrase = round % 8 === 0;
      const kind = early ? 'unlock' : changePassphrase || round === ROUNDS || rng() < 0.75 ? 'burst' : 'unlock';
      const where = `round ${round} (${kind}${changePassphrase ? ' + passphrase change' : ''}), seed ${SEED}`;
      const staleBefore = lockOwnerPid(dir);

      const host = await startWebHostProcess(['--vault', dir, '--port', '0']);
      hosts.push(host);
      const pid = host.child.pid!;
      const api = await apiClient(host.origin, host.token);

      /** Saves (or deletes) sent but not answered when the host died: date → what was sent. */
      const cutOff = new Map<string, DayEntry | null>();
      let newPassphrase: string | null = null;
      let sent = 0;
      let acked = 0;

      let answered = false;
      const unlocking = api('vault.unlock', { passphrase })
        .catch(() => null)
        .finally(() => (answered = true));
      if (kind === 'unlock') {
        if (early) {
          // Aim at the open itself: the host takes the lock just before it opens and migrates the
          // journal, so wait for the lock to name it, then kill within a few milliseconds.
          for (let waited = 0; lockOwnerPid(dir) !== pid && !answered && waited < 10_000; waited++) await sleep(1);
          await sleep(rng() * 25);
        } else {
          await sleep(rng() * 700);
        }
        await host.stop('SIGKILL');
        const answer = await unlocking;
        if (answer) expect(answer.ok, `${where}: ${JSON.stringify(answer.error)}`).toBe(true);
      } else {
        const answer = await unlocking;
        // The journal opens after the previous kill, and the new host owns the lock now.
        expect(answer?.ok, `${where}: unlock failed: ${JSON.stringify(answer?.error)}\n${host.output()}`).toBe(true);
        expect(lockOwnerPid(dir), where).toBe(pid);
        if (staleBefore !== null) counts.staleLocksTakenOver++;
        const ids = await ensureIds(api);

        let killed = false;
        const failures: string[] = [];
        const writer = async (w: number) => {
          // Each writer has its own generator, so what it sends does not depend on timing.
          const rng = seeded(SEED + round * 7919 + w * 104_729);
          const mine = DATES.filter((_, i) => i % WRITERS === w);
          for (let n = 0; !killed; n++) {
            const date = pick(rng, mine);
            const entry = rng() < 0.06 ? null : randomDay(rng, date, ids, `round ${round} writer ${w} save ${n}`);
            cutOff.set(date, entry);
            sent++;
            const answer = await (entry ? api('day.save', entry) : api('day.delete', { date })).catch(() => null);
            if (!answer) return; // the host died with this request in flight: it stays in cutOff
            if (!answer.ok) {
              failures.push(`${date}: ${answer.error?.code} ${answer.error?.message}`);
              return;
            }
            cutOff.delete(date);
            days.set(date, entry);
            acked++;
          }
        };
        const running = Array.from({ length: WRITERS }, (_, w) => writer(w));
        let changing: Promise<Awaited<ReturnType<Api>> | null> = Promise.resolve(null);
        if (changePassphrase) {
          newPassphrase = passphrase === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE;
          changing = api('vault.changePassphrase', { currentPassphrase: passphrase, newPassphrase }).catch(() => null);
          // Aim at the key-file write: the host writes vault.json.<pid>.tmp, keeps a .bak and
          // renames the new file into place; kill within a few milliseconds of it starting.
          const offsetMs = rng() * 8;
          await new Promise<void>((done) => {
            const watcher = watch(dir, (_, name) => {
              if (!isKeyFileTemp(name, pid)) return;
              watcher.close();
              setTimeout(done, offsetMs);
            });
            void changing.then(() => {
              watcher.close();
              done();
            });
          });
        } else {
          await sleep(20 + rng() * 400);
        }
        killed = true;
        await host.stop('SIGKILL');
        await Promise.all(running);
        expect(failures, where).toEqual([]);
        const changed = await changing;
        if (changed) {
          expect(changed.ok, `${where}: ${JSON.stringify(changed.error)}`).toBe(true);
          passphrase = newPassphrase!;
          newPassphrase = null;
          counts.passphraseChanges++;
        }
      }
      killedPids.add(pid);

      // The key file: readable, and still opening the same data key with the passphrase in force
      // (a cut-off passphrase change may have landed or not, but never half).
      const keyFileText = readFileSync(join(dir, VAULT_FILES.keyFile), 'utf8');
      const keyFile = readKeyFile(dir);
      if (existsSync(join(dir, VAULT_FILES.keyFileBackup))) {
        parseKeyFile(
          JSON.parse(readFileSync(join(dir, VAULT_FILES.keyFileBackup), 'utf8')),
          () => new AppError('KEY_FILE_DAMAGED', `${where}: vault.json.bak is damaged`),
        );
      }
      if (keyFileText !== verifiedKeyFile) {
        counts.keyFileRewrites++;
        const candidates = newPassphrase ? [newPassphrase, passphrase] : [passphrase];
        let opened: string | null = null;
        for (const candidate of candidates) {
          const { kdf } = keyFile.passphrase;
          const key = unwrapKey(
            keyFile.passphrase.wrapped,
            await derivePassphraseKey(candidate, kdf.salt, kdf),
            WRAP_PURPOSE.passphrase,
          );
          if (key?.equals(dataKey)) {
            opened = candidate;
            break;
          }
        }
        expect(
          opened,
          `${where}: vault.json no longer opens the journal's key with ${candidates.join(' or ')}`,
        ).not.toBeNull();
        if (opened !== passphrase) counts.passphraseChanges++;
        passphrase = opened!;
        verifiedKeyFile = keyFileText;
      }

      // A lock left by the killed host names a process that is gone, so the next opener takes it over.
      const stale = lockOwnerPid(dir);
      if (stale !== null) {
        expect(
          killedPids.has(stale),
          `${where}: journal.lock ${stale === -1 ? 'is unreadable' : `names pid ${stale}, not a killed host`}`,
        ).toBe(true);
      }

      // The journal as it is on disk (read-only, before anyone recovers it): intact, and every
      // date holds its last acknowledged save, or the save that was cut off — complete.
      const db: Db = openCipherDatabase(journalPath, dataKey, { create: false, readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        expect(db.pragma('foreign_key_check'), where).toEqual([]);
        const version = schemaVersion(db);
        if (early) {
          const foods = version >= 2 ? (db.prepare('SELECT count(*) AS n FROM foods').get() as { n: number }).n : 0;
          schemaAfterEarlyRounds.push(`v${version}/${foods} foods`);
        }
        if (version < latestVersion()) {
          expect(
            [...days.values()].every((day) => day === null),
            where,
          ).toBe(true);
        } else {
          for (const date of DATES) {
            const view = readDay(db, date);
            const found = view.saved ? view.entry : null;
            const acknowledged = days.get(date) ?? null;
            if (cutOff.has(date)) {
              expect(
                [acknowledged, cutOff.get(date)],
                `${where}: ${date} is neither its last acknowledged save nor the cut-off one`,
              ).toContainEqual(found);
              if (JSON.stringify(found) === JSON.stringify(acknowledged)) counts.cutOffLost++;
              else counts.cutOffLanded++;
              days.set(date, found);
            } else {
              expect(found, `${where}: ${date} differs from its last acknowledged save`).toEqual(acknowledged);
            }
          }
          const stored = (db.prepare('SELECT date FROM days ORDER BY date').all() as { date: string }[]).map(
            (row) => row.date,
          );
          expect(stored, where).toEqual(DATES.filter((date) => days.get(date) !== null));
        }
      } finally {
        db.close();
      }
      for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) leftoverTempFiles.add(name);
      counts.acknowledged += acked;
      log.push(
        `${where}: ${sent} sent, ${acked} acknowledged, ${cutOff.size} cut off; lock before ${staleBefore ?? 'none'}, after ${stale ?? 'none'}`,
      );
    }

    // Finally the product's own open path in this process: takes over the last stale lock, the
    // passphrase in force opens it, `axis check` finds nothing wrong, and every day is there.
    expect(lockOwnerPid(dir), 'the last burst left its lock behind').not.toBeNull();
    const vault = fastVault(dir);
    expect((await vault.unlock(passphrase)).state).toBe('unlocked');
    counts.staleLocksTakenOver++;
    try {
      expect(lockOwnerPid(dir)).toBe(process.pid);
      for (const date of DATES) {
        const view = readDay(vault.db, date);
        expect(view.saved ? view.entry : null, date).toEqual(days.get(date) ?? null);
      }
    } finally {
      vault.lock();
    }
    expect(lockOwnerPid(dir)).toBeNull();
    const report = await checkVault(fastVault(dir), passphrase);
    expect(report.lines.join('\n')).toContain('Integrity check: ok.');
    expect(report.ok, report.lines.join('\n')).toBe(true);

    // The schedule must really have covered what it claims: writes cut off, locks taken over.
    expect(counts.acknowledged).toBeGreaterThan(ROUNDS * 10);
    expect(counts.cutOffLanded + counts.cutOffLost).toBeGreaterThan(0);
    expect(counts.staleLocksTakenOver).toBeGreaterThan(5);
    console.log(
      `crash-safety: seed ${SEED}, ${ROUNDS} kills, ${counts.acknowledged} acknowledged writes checked, ` +
        `${counts.cutOffLanded} cut-off writes landed whole and ${counts.cutOffLost} not at all, ` +
        `${counts.staleLocksTakenOver} stale locks taken over, ${counts.keyFileRewrites} key-file rewrites verified ` +
        `(${counts.passphraseChanges} passphrase changes), schema after the early kills: ${schemaAfterEarlyRounds.join(', ')}; ` +
        `temp files left in the vault folder: ${[...leftoverTempFiles].join(', ') || 'none'}`,
    );
  }, 120_000);

  it('a web host killed while it makes a new journal leaves a folder where a journal can be made or opened', async () => {
    const rng = seeded(SEED + 1);
    const outcomes = { absent: 0, locked: 0, cutOffMidway: 0 };
    for (let round = 1; round <= 8; round++) {
      const where = `creation round ${round}, seed ${SEED}`;
      const dir = tempDir('axis-crash-create-');
      const host = await startWebHostProcess(['--vault', dir, '--port', '0']);
      hosts.push(host);
      const api = await apiClient(host.origin, host.token);
      let answered = false;
      const creating = api('vault.create', { passphrase: PASSPHRASE })
        .catch(() => null)
        .finally(() => (answered = true));
      // Aim at the moment the empty journal exists but its key file does not yet (half the
      // rounds), or anywhere in the slow key derivation before it.
      if (round % 2 === 0) {
        for (let waited = 0; !existsSync(join(dir, VAULT_FILES.journal)) && !answered && waited < 10_000; waited++)
          await sleep(1);
        await sleep(rng() * 2);
      } else {
        await sleep(round === 7 ? 3_000 : rng() * 600);
      }
      await host.stop('SIGKILL');
      await creating;

      if (existsSync(join(dir, VAULT_FILES.creating)) && existsSync(join(dir, VAULT_FILES.journal)))
        outcomes.cutOffMidway++;
      const vault = fastVault(dir);
      const status = vault.status();
      expect(['absent', 'locked'], `${where}: ${JSON.stringify(status)}`).toContain(status.state);
      if (status.state === 'absent') {
        outcomes.absent++;
        await vault.create(PASSPHRASE);
      } else {
        outcomes.locked++;
        await vault.unlock(PASSPHRASE);
      }
      expect(vault.status().state, where).toBe('unlocked');
      vault.lock();
    }
    expect(outcomes.absent, JSON.stringify(outcomes)).toBeGreaterThan(0);
    console.log(`crash-safety (creation): ${JSON.stringify(outcomes)}`);
  }, 120_000);

  it('a web host killed at random moments while it re-keys a 10-year journal leaves it opening with the old or the new passphrase, whole', async () => {
    const REKEY_ROUNDS = 8;
    const REKEY_WRITERS = 2;
    const rng = seeded(SEED + 2);
    const log: string[] = [];
    onTestFailed(() => console.error(`crash-safety (re-key) failed with seed ${SEED}\n${log.join('\n')}`));

    // A 10-year demo journal (3,650 days), made in this process at test-strength scrypt.
    const dir = tempDir('axis-crash-rekey-');
    const journalPath = join(dir, VAULT_FILES.journal);
    const setup = createApp({ vaultDir: dir, host: 'web', version: 'test', scryptCost: FAST_SCRYPT });
    try {
      const created = await setup.dispatch('vault.create', { passphrase: PASSPHRASE });
      if (!created.ok) throw new Error(created.error.message);
      await generateDemoJournal(setup.dispatch, { days: 3650, seed: 3, effects: true, endDate: localDate(Date.now()) });
    } finally {
      setup.backend.dispose();
    }

    /** Every day of the journal as the app reads it back; the writers' dates are tracked separately. */
    const readAll = (vault: ReturnType<typeof fastVault>) => {
      const dates = vault.db.prepare('SELECT date FROM days ORDER BY date').pluck().all() as string[];
      // The day as saved (not what is derived from its neighbours, which the writers change).
      return new Map(
        dates.map((date) => [
          date,
          JSON.stringify((({ entry, saved, updatedAt }) => ({ entry, saved, updatedAt }))(readDay(vault.db, date))),
        ]),
      );
    };
    const first = fastVault(dir);
    await first.unlock(PASSPHRASE);
    const untouched = readAll(first);
    const days = new Map<string, DayEntry | null>();
    for (const date of DATES) {
      const view = readDay(first.db, date);
      days.set(date, view.saved ? view.entry : null);
      untouched.delete(date);
    }
    first.lock();
    expect(untouched.size).toBeGreaterThan(3000);

    let passphrase = PASSPHRASE;
    const outcomes = { oldKeyKept: 0, newKeyTaken: 0, answered: 0, pendingSeen: 0, openedWithOld: 0, openedWithNew: 0 };
    for (let round = 1; round <= REKEY_ROUNDS; round++) {
      const where = `re-key round ${round}, seed ${SEED}`;
      const roundStarted = Date.now();
      const host = await startWebHostProcess(['--vault', dir, '--port', '0']);
      hosts.push(host);
      const pid = host.child.pid!;
      const api = await apiClient(host.origin, host.token);
      const unlocked = await api('vault.unlock', { passphrase });
      expect(unlocked.ok, `${where}: ${JSON.stringify(unlocked.error)}`).toBe(true);
      const ids = await ensureIds(api);
      const saltBefore = readFileSync(journalPath).subarray(0, 16);

      // Writers keep saving while the re-key runs: each save is either answered before or after it.
      const cutOff = new Map<string, DayEntry | null>();
      let killed = false;
      const writer = async (w: number) => {
        const wrng = seeded(SEED + round * 7919 + w * 104_729 + 1);
        const mine = DATES.filter((_, i) => i % REKEY_WRITERS === w);
        for (let n = 0; !killed; n++) {
          const date = pick(wrng, mine);
          const entry = randomDay(wrng, date, ids, `re-key round ${round} writer ${w} save ${n}`);
          cutOff.set(date, entry);
          const answer = await api('day.save', entry).catch(() => null);
          if (!answer) return;
          expect(answer.ok, `${where}: ${JSON.stringify(answer.error)}`).toBe(true);
          cutOff.delete(date);
          days.set(date, entry);
        }
      };
      const running = Array.from({ length: REKEY_WRITERS }, (_, w) => writer(w));
      const newPassphrase = round % 2 === 0 ? null : passphrase === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE;
      const rekeying = api(
        'vault.rekey',
        newPassphrase ? { currentPassphrase: passphrase, newPassphrase } : { currentPassphrase: passphrase },
      ).catch(() => null);
      // Aim at each step: vault.json records the pending key (then the copy is made and rekeyed),
      // the copy is complete and renamed over journal.db, vault.json is settled on the new key.
      const target = pick(rng, ['anywhere', 'pending', 'pending', 'copy', 'settled'] as const);
      if (target === 'anywhere') {
        await sleep(rng() * 1500); // including the key derivations before anything is written
      } else if (target === 'pending') {
        const offsetMs = rng() * 400;
        await new Promise<void>((done) => {
          const watcher = watch(dir, (_, name) => {
            if (!isKeyFileTemp(name, pid)) return;
            watcher.close();
            setTimeout(done, offsetMs);
          });
          void rekeying.then(() => {
            watcher.close();
            done();
          });
        });
      } else {
        // 'copy': while the re-keyed copy is being made; 'settled': just after it replaced journal.db.
        const copy = join(dir, `${VAULT_FILES.journal}.rekeying`);
        let seen = false;
        let settled = false;
        void rekeying.then(() => (settled = true));
        for (let waited = 0; !settled && waited < 20_000; waited++) {
          const exists = existsSync(copy);
          if (exists) seen = true;
          if (target === 'copy' ? exists : seen && !exists) break;
          await sleep(1);
        }
        await sleep(target === 'copy' ? rng() * 300 : rng() * 3);
      }
      killed = true;
      await host.stop('SIGKILL');
      await Promise.all(running);
      const answer = await rekeying;
      if (answer) {
        expect(answer.ok, `${where}: ${JSON.stringify(answer.error)}`).toBe(true);
        outcomes.answered++;
      }
      const keyAfter = readKeyFile(dir);
      if (keyAfter.rekey) outcomes.pendingSeen++;

      // Opens with the old or the new passphrase (after an answered re-key: only the new one).
      const candidates = newPassphrase
        ? rng() < 0.5
          ? [passphrase, newPassphrase]
          : [newPassphrase, passphrase]
        : [passphrase];
      const vault = fastVault(dir);
      let opened: string | null = null;
      for (const candidate of candidates) {
        try {
          await vault.unlock(candidate);
          opened = candidate;
          break;
        } catch (error) {
          expect(
            (error as AppError).code,
            `${where}: ${(error as Error).message} (files: ${readdirSync(dir).join(', ')})`,
          ).toBe('WRONG_PASSPHRASE');
        }
      }
      expect(opened, `${where}: opens with neither ${candidates.join(' nor ')}`).not.toBeNull();
      if (answer && newPassphrase)
        expect(opened, `${where}: an answered re-key keeps the new passphrase`).toBe(newPassphrase);
      if (opened === passphrase) outcomes.openedWithOld++;
      else outcomes.openedWithNew++;
      try {
        expect(vault.db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        expect(readKeyFile(dir).rekey, `${where}: the key file is settled on one key`).toBeUndefined();
        // A re-keyed journal.db is a new file with a new SQLCipher salt (its first 16 bytes).
        if (readFileSync(journalPath).subarray(0, 16).equals(saltBefore)) outcomes.oldKeyKept++;
        else outcomes.newKeyTaken++;
        if (round % 4 === 0 || round === REKEY_ROUNDS) {
          const all = readAll(vault);
          for (const [date, text] of untouched) expect(all.get(date), `${where}: ${date} changed`).toBe(text);
        }
        for (const date of DATES) {
          const view = readDay(vault.db, date);
          const found = view.saved ? view.entry : null;
          if (cutOff.has(date)) {
            expect([days.get(date) ?? null, cutOff.get(date)], `${where}: ${date}`).toContainEqual(found);
            days.set(date, found);
          } else {
            expect(found, `${where}: ${date} differs from its last acknowledged save`).toEqual(days.get(date) ?? null);
          }
        }
      } finally {
        vault.lock();
      }
      expect(
        readdirSync(dir).filter((name) => name.includes('-journal') || name.includes('.rekeying')),
        `${where}: leftovers`,
      ).toEqual([]);
      log.push(
        `${where}: aimed at ${target}, ${answer ? 'answered' : 'cut off'}, pending ${keyAfter.rekey ? 'seen' : 'not seen'}, opened with the ${opened === passphrase ? 'old' : 'new'} passphrase, ${Date.now() - roundStarted} ms`,
      );
      passphrase = opened!;
    }
    const report = await checkVault(fastVault(dir), passphrase);
    expect(report.ok, report.lines.join('\n')).toBe(true);
    // The schedule must have hit both sides of the commit.
    expect(outcomes.pendingSeen, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(outcomes.oldKeyKept, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(outcomes.newKeyTaken, JSON.stringify(outcomes)).toBeGreaterThan(0);
    console.log(`crash-safety (re-key, 10-year journal): ${JSON.stringify(outcomes)}\n${log.join('\n')}`);
  }, 300_000);
});
