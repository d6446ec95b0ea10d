// Watches what a page hands to the Web Audio engine, from the outside: every buffer source's
// start(when) and stop(when), and when it ended. The e2e meditation test and the bench read bell
// scheduling this way, so the app itself carries no test hook (docs/testing.md).

/** Call before the page loads (it installs itself with addInitScript on every navigation). */
export function installAudioProbe(page) {
  return page.addInitScript(() => {
    const sounds = [];
    const bySource = new WeakMap();
    Object.defineProperty(globalThis, '__audioProbe', { value: sounds });
    const proto = globalThis.AudioBufferSourceNode?.prototype;
    if (!proto) return;
    const { start, stop } = proto;
    proto.start = function (when = 0, ...rest) {
      const sound = {
        when,
        currentTimeAtStart: this.context.currentTime,
        duration: this.buffer?.duration ?? 0,
        stopAt: null,
        endedAt: null,
      };
      sounds.push(sound);
      bySource.set(this, sound);
      this.addEventListener('ended', () => {
        sound.endedAt = this.context.currentTime;
      });
      return start.call(this, when, ...rest);
    };
    proto.stop = function (when = 0) {
      const sound = bySource.get(this);
      if (sound && sound.stopAt === null) sound.stopAt = Math.max(when, this.context.currentTime);
      return stop.call(this, when);
    };
  });
}

/**
 * Every sound started since the page loaded: `when` (audio time it was scheduled for), `ahead`
 * (seconds between scheduling and then), `cancelled` (stopped before it began), and `playedAt`
 * (its real start, estimated when it ended: end time minus its length; null until then or if cut).
 */
export async function readAudioProbe(page) {
  const sounds = await page.evaluate(() => JSON.parse(JSON.stringify(globalThis.__audioProbe ?? [])));
  return sounds.map((sound) => {
    const cancelled = sound.stopAt !== null && sound.stopAt <= sound.when;
    const cut = sound.stopAt !== null && !cancelled;
    return {
      when: sound.when,
      ahead: sound.when - sound.currentTimeAtStart,
      cancelled,
      playedAt: sound.endedAt !== null && !cancelled && !cut ? sound.endedAt - sound.duration : null,
    };
  });
}
