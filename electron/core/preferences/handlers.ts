import type { PreferencesView } from '../../contract/preferencesTerms';
import type { Handlers } from '../api/handlerTypes';
import type { Backend } from '../backend';

type PreferenceMethods =
  'preferences.get' | 'preferences.save' | 'preferences.rememberPassphrase' | 'preferences.forgetPassphrase';

/** This computer's settings. Only someone with the journal open may see or change them. */
export function preferenceHandlers(backend: Backend): Pick<Handlers, PreferenceMethods> {
  const { vault, preferences, rememberedPassphrase } = backend;
  const view = async (): Promise<PreferencesView> => ({
    ...preferences.read(),
    remember: await rememberedPassphrase.state(),
    remindersAvailable: backend.options.remindersAvailable?.() === true,
  });
  return {
    'preferences.get': () => view(),
    'preferences.save': (patch) => {
      preferences.save(patch);
      return view();
    },
    'preferences.rememberPassphrase': async ({ passphrase }) => {
      // Checked against the key file (a wrong one counts as a failed try), so only the passphrase
      // that opens this journal is ever kept.
      const key = await vault.revealDataKey(passphrase);
      key.fill(0);
      await rememberedPassphrase.save(passphrase);
      return view();
    },
    'preferences.forgetPassphrase': () => {
      rememberedPassphrase.forget();
      return view();
    },
  };
}
