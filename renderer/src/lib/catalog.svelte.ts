import type { Condition, CustomFactor, Food, JournalSettings, Treatment, UsualMeal } from '$contract';
import { call } from './api';
import { registerForgetOnLock } from './session.svelte';

/**
 * The person's lists that every journal view needs: conditions, treatments, custom factors,
 * foods (for names) and journal settings. Loaded after unlocking; forgotten on lock.
 */
class Catalog {
  conditions = $state<Condition[]>([]);
  treatments = $state<Treatment[]>([]);
  factors = $state<CustomFactor[]>([]);
  foods = $state<Food[]>([]);
  usualMeals = $state<UsualMeal[]>([]);
  settings = $state<JournalSettings>({ trackCycle: false });
  loaded = $state(false);
  error = $state('');

  readonly foodsById = $derived(new Map(this.foods.map((food) => [food.id, food])));
  readonly trackedConditions = $derived(this.conditions.filter((c) => c.tracked));
  readonly activeFactors = $derived(this.factors.filter((f) => !f.archived));
  /** As the core decides (poem/status.ts): the weekly eczema check is offered only then. */
  readonly eczemaTracked = $derived(this.trackedConditions.some((c) => c.name.toLowerCase().includes('eczema')));

  /** Treatments in use on a given day (started on or before it, not stopped before it). */
  treatmentsOn(date: string): Treatment[] {
    return this.treatments.filter(
      (t) => (!t.startedOn || t.startedOn <= date) && (!t.stoppedOn || t.stoppedOn >= date),
    );
  }

  async load(): Promise<void> {
    const [conditions, treatments, factors, foods, settings, usualMeals] = await Promise.all([
      call('conditions.list'),
      call('treatments.list'),
      call('factors.list'),
      call('foods.list'),
      call('journal.settings'),
      call('usualMeals.list'),
    ]);
    for (const result of [conditions, treatments, factors, foods, settings, usualMeals]) {
      if (!result.ok) {
        this.error = result.error.message;
        return;
      }
    }
    if (conditions.ok) this.conditions = conditions.value;
    if (treatments.ok) this.treatments = treatments.value;
    if (factors.ok) this.factors = factors.value;
    if (foods.ok) this.foods = foods.value;
    if (settings.ok) this.settings = settings.value;
    if (usualMeals.ok) this.usualMeals = usualMeals.value;
    this.error = '';
    this.loaded = true;
  }

  /** Puts a food saved elsewhere into the list without reloading everything. */
  upsertFood(food: Food): void {
    const index = this.foods.findIndex((f) => f.id === food.id);
    if (index >= 0) this.foods[index] = food;
    else this.foods = [...this.foods, food].sort((a, b) => a.name.localeCompare(b.name));
  }

  forget(): void {
    this.conditions = [];
    this.treatments = [];
    this.factors = [];
    this.foods = [];
    this.usualMeals = [];
    this.settings = { trackCycle: false };
    this.loaded = false;
    this.error = '';
  }
}

export const catalog = new Catalog();
registerForgetOnLock(() => catalog.forget());
