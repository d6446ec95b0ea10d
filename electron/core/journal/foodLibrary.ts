/**
 * The built-in food library: common foods and drinks people log in a gut–skin diary, each tagged
 * with the journal's food categories. Plain data, no I/O, so it runs anywhere (core, tests, renderer).
 *
 * How the categories were assigned (kept consistent across the list):
 * - fibre_rich: roughly 3 g of fibre or more in a usual serving (a cup of cooked veg or grains, a
 *   piece of fruit, a handful of nuts). Legumes, whole grains, berries, apples, pears, avocado,
 *   almonds, pistachios, chia and flax qualify; salad veg, walnuts, cashews, peanuts, tofu and
 *   hummus (in a usual 2–4 tablespoon serving) fall short.
 * - prebiotic: notable sources of fermentable fibres that feed gut bacteria (inulin/fructans,
 *   galacto-oligosaccharides, beta-glucan, resistant starch): garlic, onion, leek, asparagus,
 *   artichokes, chicory, banana, oats, barley, legumes and flaxseed.
 * - fermented (shown as "Probiotic / fermented"): foods that usually still carry live cultures when
 *   eaten: yogurt, kefir, aged cheeses (cheddar, parmesan, feta), kimchi, sauerkraut, fermented
 *   pickles, kombucha, miso, tempeh, natto. Not beer, wine, sourdough, soy sauce or vinegar
 *   pickles: they are made by fermentation but carry no live cultures by the time they are eaten.
 * - whole_grain: genuinely whole grains (including popcorn and quinoa).
 * - gluten: contains wheat, barley or rye (including rusk in British sausages and batter or crumb
 *   coatings). Oats are not counted as gluten by themselves; distilled spirits are gluten-free.
 * - ultra_processed: industrial formulations (NOVA group 4), judged by the usual shop-bought version.
 * - added_sugar: sugar added during making, or a sugar eaten as such (sugar, honey, jam).
 * - caffeine: coffee, tea (black, green, matcha, and kombucha, which is brewed from tea), cola,
 *   energy drinks and dark chocolate.
 *
 * `plant` marks foods that count toward "different plants this week". Refined staples (white bread,
 * white rice, pasta, couscous, sourdough as usually made from white flour), junk foods (crisps,
 * chips, sweets), plant milks, oils and condiments do not count; nor do dishes of several
 * ingredients (curry, pizza, ready meals), whose plants are better logged one by one. Foods that are
 * still mostly a whole plant do count even when sweetened or processed: baked beans, granola, dark
 * chocolate, orange juice, tofu, miso, kombucha (a tea) and coffee drinks such as a latte.
 *
 * Common dishes (salad, sandwich, soup, stir-fry, smoothie, porridge, curry…) are in the list so they
 * are never added uncategorised: each carries the categories of its usual version (a green salad is
 * a vegetable; a sandwich has gluten). Dishes that are mostly vegetables or fruit (salad, soup,
 * stir-fry, smoothie, fruit salad) and porridge (oats) count as one plant, as every fruit, vegetable
 * and whole grain here does; mixed dishes such as curry, pizza or a sandwich do not, and their plants
 * are better logged one by one.
 *
 * Keys are stable identifiers: never rename or reuse one once shipped. The list is sorted by name.
 */
import type { FoodCategory } from '../../contract/journalTerms';

export interface LibraryFood {
  /** Stable identifier, lower snake case, never changes once shipped (e.g. 'greek_yogurt'). */
  key: string;
  /** Plain English name shown to people, e.g. 'Greek yogurt'. Unique case-insensitively. */
  name: string;
  categories: readonly FoodCategory[];
  /**
   * A plant food that counts toward "different plants this week": fruit, vegetables, legumes, whole
   * grains, nuts, seeds, herbs and spices. Coffee/tea count as plants too. Processed foods made mostly
   * of refined ingredients do not (white bread, crisps, sweets, soft drinks).
   */
  plant: boolean;
}

export const FOOD_LIBRARY: readonly LibraryFood[] = [
  { key: 'almonds', name: 'Almonds', categories: ['fibre_rich'], plant: true },
  { key: 'apple', name: 'Apple', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'artichoke', name: 'Artichoke', categories: ['fibre_rich', 'prebiotic', 'vegetable'], plant: true },
  { key: 'asparagus', name: 'Asparagus', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'avocado', name: 'Avocado', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'bacon', name: 'Bacon', categories: ['ultra_processed'], plant: false },
  { key: 'baked_beans', name: 'Baked beans', categories: ['fibre_rich', 'prebiotic', 'ultra_processed', 'added_sugar'], plant: true },
  { key: 'banana', name: 'Banana', categories: ['fibre_rich', 'prebiotic', 'fruit'], plant: true },
  { key: 'barley', name: 'Barley', categories: ['fibre_rich', 'prebiotic', 'whole_grain', 'gluten'], plant: true },
  { key: 'beef', name: 'Beef', categories: [], plant: false },
  { key: 'beer', name: 'Beer', categories: ['alcohol', 'gluten'], plant: false },
  { key: 'beetroot', name: 'Beetroot', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'bell_pepper', name: 'Bell pepper', categories: ['vegetable'], plant: true },
  { key: 'biscuits', name: 'Biscuits', categories: ['ultra_processed', 'added_sugar', 'gluten'], plant: false },
  { key: 'black_beans', name: 'Black beans', categories: ['fibre_rich', 'prebiotic'], plant: true },
  { key: 'black_tea', name: 'Black tea', categories: ['caffeine'], plant: true },
  { key: 'blackberries', name: 'Blackberries', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'blueberries', name: 'Blueberries', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'sweetened_cereal', name: 'Breakfast cereal (sweetened)', categories: ['ultra_processed', 'added_sugar', 'gluten'], plant: false },
  { key: 'broccoli', name: 'Broccoli', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'brown_rice', name: 'Brown rice', categories: ['fibre_rich', 'whole_grain'], plant: true },
  { key: 'brussels_sprouts', name: 'Brussels sprouts', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'bulgur_wheat', name: 'Bulgur wheat', categories: ['fibre_rich', 'whole_grain', 'gluten'], plant: true },
  { key: 'burrito', name: 'Burrito', categories: ['gluten'], plant: false },
  { key: 'butter', name: 'Butter', categories: ['dairy'], plant: false },
  { key: 'butternut_squash', name: 'Butternut squash', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'cabbage', name: 'Cabbage', categories: ['vegetable'], plant: true },
  { key: 'cake', name: 'Cake', categories: ['added_sugar', 'gluten'], plant: false },
  { key: 'carrots', name: 'Carrots', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'cashews', name: 'Cashews', categories: [], plant: true },
  { key: 'cauliflower', name: 'Cauliflower', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'cheddar', name: 'Cheddar cheese', categories: ['fermented', 'dairy'], plant: false },
  { key: 'chia_seeds', name: 'Chia seeds', categories: ['fibre_rich'], plant: true },
  { key: 'chicken', name: 'Chicken', categories: [], plant: false },
  { key: 'chicken_nuggets', name: 'Chicken nuggets', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'chickpeas', name: 'Chickpeas', categories: ['fibre_rich', 'prebiotic'], plant: true },
  { key: 'chicory', name: 'Chicory', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'chilli', name: 'Chilli', categories: ['vegetable', 'spicy'], plant: true },
  { key: 'chilli_con_carne', name: 'Chilli con carne', categories: ['fibre_rich', 'spicy'], plant: false },
  { key: 'chips', name: 'Chips (fries)', categories: ['ultra_processed'], plant: false },
  { key: 'chocolate_bar', name: 'Chocolate bar', categories: ['ultra_processed', 'dairy', 'added_sugar'], plant: false },
  { key: 'cider', name: 'Cider', categories: ['alcohol'], plant: false },
  { key: 'cinnamon', name: 'Cinnamon', categories: [], plant: true },
  { key: 'cod', name: 'Cod', categories: [], plant: false },
  { key: 'coffee', name: 'Coffee', categories: ['caffeine'], plant: true },
  { key: 'cola', name: 'Cola', categories: ['ultra_processed', 'added_sugar', 'caffeine'], plant: false },
  { key: 'courgette', name: 'Courgette', categories: ['vegetable'], plant: true },
  { key: 'couscous', name: 'Couscous', categories: ['gluten'], plant: false },
  { key: 'cream', name: 'Cream', categories: ['dairy'], plant: false },
  { key: 'crisps', name: 'Crisps', categories: ['ultra_processed'], plant: false },
  { key: 'croissant', name: 'Croissant', categories: ['dairy', 'gluten'], plant: false },
  { key: 'cucumber', name: 'Cucumber', categories: ['vegetable'], plant: true },
  { key: 'curry', name: 'Curry', categories: ['spicy'], plant: false },
  { key: 'dal', name: 'Dal (lentil curry)', categories: ['fibre_rich', 'prebiotic', 'spicy'], plant: false },
  { key: 'dark_chocolate', name: 'Dark chocolate', categories: ['added_sugar', 'caffeine'], plant: true },
  { key: 'dates', name: 'Dates', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'diet_cola', name: 'Diet cola', categories: ['ultra_processed', 'caffeine'], plant: false },
  { key: 'edamame', name: 'Edamame', categories: ['fibre_rich'], plant: true },
  { key: 'eggs', name: 'Eggs', categories: [], plant: false },
  { key: 'energy_drink', name: 'Energy drink', categories: ['ultra_processed', 'added_sugar', 'caffeine'], plant: false },
  { key: 'espresso', name: 'Espresso', categories: ['caffeine'], plant: true },
  { key: 'fast_food_burger', name: 'Fast-food burger', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'fermented_pickles', name: 'Fermented pickles', categories: ['fermented', 'vegetable'], plant: true },
  { key: 'feta', name: 'Feta', categories: ['fermented', 'dairy'], plant: false },
  { key: 'fish_fingers', name: 'Fish fingers', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'fizzy_drink', name: 'Fizzy drink', categories: ['ultra_processed', 'added_sugar'], plant: false },
  { key: 'flaxseed', name: 'Flaxseed (linseed)', categories: ['fibre_rich', 'prebiotic'], plant: true },
  { key: 'fried_rice', name: 'Fried rice', categories: [], plant: false },
  { key: 'fruit_salad', name: 'Fruit salad', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'fruit_yogurt', name: 'Fruit yogurt (sweetened)', categories: ['fermented', 'ultra_processed', 'dairy', 'added_sugar'], plant: false },
  { key: 'garlic', name: 'Garlic', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'ginger', name: 'Ginger', categories: [], plant: true },
  { key: 'granola', name: 'Granola', categories: ['fibre_rich', 'whole_grain', 'added_sugar'], plant: true },
  { key: 'grapes', name: 'Grapes', categories: ['fruit'], plant: true },
  { key: 'greek_yogurt', name: 'Greek yogurt', categories: ['fermented', 'dairy'], plant: false },
  { key: 'green_beans', name: 'Green beans', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'green_tea', name: 'Green tea', categories: ['caffeine'], plant: true },
  { key: 'ham', name: 'Ham', categories: ['ultra_processed'], plant: false },
  { key: 'herbal_tea', name: 'Herbal tea', categories: [], plant: true },
  { key: 'honey', name: 'Honey', categories: ['added_sugar'], plant: false },
  { key: 'hot_sauce', name: 'Hot sauce', categories: ['spicy'], plant: false },
  { key: 'hummus', name: 'Hummus', categories: ['prebiotic'], plant: true },
  { key: 'ice_cream', name: 'Ice cream', categories: ['ultra_processed', 'dairy', 'added_sugar'], plant: false },
  { key: 'instant_noodles', name: 'Instant noodles', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'jam', name: 'Jam', categories: ['added_sugar'], plant: false },
  { key: 'jerusalem_artichoke', name: 'Jerusalem artichoke', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'kale', name: 'Kale', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'kefir', name: 'Kefir', categories: ['fermented', 'dairy'], plant: false },
  { key: 'ketchup', name: 'Ketchup', categories: ['ultra_processed', 'added_sugar'], plant: false },
  { key: 'kidney_beans', name: 'Kidney beans', categories: ['fibre_rich', 'prebiotic'], plant: true },
  { key: 'kimchi', name: 'Kimchi', categories: ['fermented', 'vegetable', 'spicy'], plant: true },
  { key: 'kiwi', name: 'Kiwi fruit', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'kombucha', name: 'Kombucha', categories: ['fermented', 'caffeine'], plant: true },
  { key: 'lasagne', name: 'Lasagne', categories: ['dairy', 'gluten'], plant: false },
  { key: 'latte', name: 'Latte', categories: ['dairy', 'caffeine'], plant: true },
  { key: 'leek', name: 'Leek', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'lemon', name: 'Lemon', categories: ['fruit'], plant: true },
  { key: 'lentils', name: 'Lentils', categories: ['fibre_rich', 'prebiotic'], plant: true },
  { key: 'lettuce', name: 'Lettuce', categories: ['vegetable'], plant: true },
  { key: 'mackerel', name: 'Mackerel', categories: [], plant: false },
  { key: 'mango', name: 'Mango', categories: ['fruit'], plant: true },
  { key: 'matcha', name: 'Matcha', categories: ['caffeine'], plant: true },
  { key: 'milk', name: 'Milk', categories: ['dairy'], plant: false },
  { key: 'miso', name: 'Miso', categories: ['fermented'], plant: true },
  { key: 'mozzarella', name: 'Mozzarella', categories: ['dairy'], plant: false },
  { key: 'muesli', name: 'Muesli', categories: ['fibre_rich', 'whole_grain'], plant: true },
  { key: 'mushrooms', name: 'Mushrooms', categories: ['vegetable'], plant: true },
  { key: 'natto', name: 'Natto', categories: ['fibre_rich', 'fermented'], plant: true },
  { key: 'oat_milk', name: 'Oat milk', categories: ['ultra_processed'], plant: false },
  { key: 'oats', name: 'Oats', categories: ['fibre_rich', 'prebiotic', 'whole_grain'], plant: true },
  { key: 'olive_oil', name: 'Olive oil', categories: [], plant: false },
  { key: 'omelette', name: 'Omelette', categories: [], plant: false },
  { key: 'onion', name: 'Onion', categories: ['prebiotic', 'vegetable'], plant: true },
  { key: 'orange', name: 'Orange', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'orange_juice', name: 'Orange juice', categories: ['fruit'], plant: true },
  { key: 'pancakes', name: 'Pancakes', categories: ['dairy', 'gluten'], plant: false },
  { key: 'parmesan', name: 'Parmesan', categories: ['fermented', 'dairy'], plant: false },
  { key: 'pasta', name: 'Pasta', categories: ['gluten'], plant: false },
  { key: 'peanut_butter', name: 'Peanut butter', categories: [], plant: true },
  { key: 'peanuts', name: 'Peanuts', categories: [], plant: true },
  { key: 'pear', name: 'Pear', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'peas', name: 'Peas', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'vinegar_pickles', name: 'Pickles (in vinegar)', categories: ['vegetable'], plant: true },
  { key: 'pineapple', name: 'Pineapple', categories: ['fruit'], plant: true },
  { key: 'pistachios', name: 'Pistachios', categories: ['fibre_rich'], plant: true },
  { key: 'pizza', name: 'Pizza', categories: ['ultra_processed', 'dairy', 'gluten'], plant: false },
  { key: 'popcorn', name: 'Popcorn', categories: ['fibre_rich', 'whole_grain'], plant: true },
  { key: 'pork', name: 'Pork', categories: [], plant: false },
  { key: 'porridge', name: 'Porridge', categories: ['fibre_rich', 'prebiotic', 'whole_grain'], plant: true },
  { key: 'potatoes', name: 'Potatoes', categories: ['vegetable'], plant: true },
  { key: 'prawns', name: 'Prawns', categories: [], plant: false },
  { key: 'processed_cheese', name: 'Processed cheese', categories: ['ultra_processed', 'dairy'], plant: false },
  { key: 'prunes', name: 'Prunes', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'pumpkin_seeds', name: 'Pumpkin seeds', categories: [], plant: true },
  { key: 'quinoa', name: 'Quinoa', categories: ['fibre_rich', 'whole_grain'], plant: true },
  { key: 'raspberries', name: 'Raspberries', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'ready_meal', name: 'Ready meal', categories: ['ultra_processed'], plant: false },
  { key: 'red_wine', name: 'Red wine', categories: ['alcohol'], plant: false },
  { key: 'risotto', name: 'Risotto', categories: ['dairy'], plant: false },
  { key: 'rye_bread', name: 'Rye bread', categories: ['fibre_rich', 'whole_grain', 'gluten'], plant: true },
  { key: 'salad', name: 'Salad', categories: ['vegetable'], plant: true },
  { key: 'salmon', name: 'Salmon', categories: [], plant: false },
  { key: 'sandwich', name: 'Sandwich', categories: ['gluten'], plant: false },
  { key: 'sauerkraut', name: 'Sauerkraut', categories: ['fermented', 'vegetable'], plant: true },
  { key: 'sausages', name: 'Sausages', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'smoothie', name: 'Smoothie', categories: ['fruit'], plant: true },
  { key: 'soup', name: 'Soup', categories: ['vegetable'], plant: true },
  { key: 'sourdough_bread', name: 'Sourdough bread', categories: ['gluten'], plant: false },
  { key: 'soy_sauce', name: 'Soy sauce', categories: ['gluten'], plant: false },
  { key: 'soya_milk', name: 'Soya milk', categories: ['ultra_processed'], plant: false },
  { key: 'spinach', name: 'Spinach', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'spirits', name: 'Spirits', categories: ['alcohol'], plant: false },
  { key: 'stir_fry', name: 'Stir-fry', categories: ['vegetable'], plant: true },
  { key: 'strawberries', name: 'Strawberries', categories: ['fibre_rich', 'fruit'], plant: true },
  { key: 'sugar', name: 'Sugar', categories: ['added_sugar'], plant: false },
  { key: 'sushi', name: 'Sushi', categories: [], plant: false },
  { key: 'sweet_potato', name: 'Sweet potato', categories: ['fibre_rich', 'vegetable'], plant: true },
  { key: 'sweetcorn', name: 'Sweetcorn', categories: ['vegetable'], plant: true },
  { key: 'sweets', name: 'Sweets', categories: ['ultra_processed', 'added_sugar'], plant: false },
  { key: 'tempeh', name: 'Tempeh', categories: ['fermented'], plant: true },
  { key: 'toast', name: 'Toast', categories: ['gluten'], plant: false },
  { key: 'tofu', name: 'Tofu', categories: [], plant: true },
  { key: 'tomato', name: 'Tomato', categories: ['vegetable'], plant: true },
  { key: 'tortilla_wrap', name: 'Tortilla wrap', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'tuna', name: 'Tuna', categories: [], plant: false },
  { key: 'turmeric', name: 'Turmeric', categories: [], plant: true },
  { key: 'walnuts', name: 'Walnuts', categories: [], plant: true },
  { key: 'whey_protein_shake', name: 'Whey protein shake', categories: ['ultra_processed', 'dairy'], plant: false },
  { key: 'white_bread', name: 'White bread', categories: ['ultra_processed', 'gluten'], plant: false },
  { key: 'white_rice', name: 'White rice', categories: [], plant: false },
  { key: 'white_wine', name: 'White wine', categories: ['alcohol'], plant: false },
  { key: 'wholemeal_bread', name: 'Wholemeal bread', categories: ['fibre_rich', 'whole_grain', 'gluten'], plant: true },
  { key: 'wholewheat_pasta', name: 'Wholewheat pasta', categories: ['fibre_rich', 'whole_grain', 'gluten'], plant: true },
  { key: 'yogurt', name: 'Yogurt', categories: ['fermented', 'dairy'], plant: false },
];

/**
 * Other words people type for library foods (US and UK names, plurals, everyday terms). A query
 * that starts one of these also suggests the food it stands for.
 */
export const FOOD_SYNONYMS: Readonly<Record<string, string>> = {
  oatmeal: 'porridge',
  'overnight oats': 'oats',
  fries: 'chips',
  'french fries': 'chips',
  'potato chips': 'crisps',
  chips: 'crisps',
  yoghurt: 'yogurt',
  zucchini: 'courgette',
  capsicum: 'bell_pepper',
  pepper: 'bell_pepper',
  garbanzo: 'chickpeas',
  shrimp: 'prawns',
  cookies: 'biscuits',
  candy: 'sweets',
  soda: 'fizzy_drink',
  pop: 'fizzy_drink',
  coke: 'cola',
  'green salad': 'salad',
  sarnie: 'sandwich',
  sub: 'sandwich',
  wrap: 'tortilla_wrap',
  stirfry: 'stir_fry',
  'stir fry': 'stir_fry',
  shake: 'smoothie',
  dhal: 'dal',
  daal: 'dal',
  lentil: 'lentils',
  egg: 'eggs',
  omelet: 'omelette',
  beets: 'beetroot',
  broth: 'soup',
  stew: 'soup',
  takeaway: 'ready_meal',
  'frozen meal': 'ready_meal',
};

/** Foods a first week's suggestions can lean on before the journal knows the person's own habits. */
export const TYPICAL_FOR_MEAL: Readonly<Record<'breakfast' | 'lunch' | 'dinner' | 'snack' | 'drink', readonly string[]>> = {
  breakfast: ['oats', 'porridge', 'yogurt', 'greek_yogurt', 'banana', 'eggs', 'toast', 'granola', 'muesli', 'coffee', 'black_tea', 'blueberries', 'wholemeal_bread', 'milk', 'orange_juice'],
  lunch: ['sandwich', 'salad', 'soup', 'wholemeal_bread', 'eggs', 'tuna', 'chicken', 'hummus', 'tomato', 'cucumber', 'apple', 'cheddar', 'tortilla_wrap', 'lentils'],
  dinner: ['chicken', 'salmon', 'brown_rice', 'white_rice', 'pasta', 'potatoes', 'broccoli', 'stir_fry', 'curry', 'carrots', 'spinach', 'beef', 'onion', 'garlic', 'peas'],
  snack: ['apple', 'banana', 'almonds', 'walnuts', 'dark_chocolate', 'biscuits', 'crisps', 'yogurt', 'grapes', 'peanut_butter', 'popcorn', 'hummus'],
  drink: ['coffee', 'black_tea', 'green_tea', 'herbal_tea', 'kombucha', 'kefir', 'milk', 'oat_milk', 'smoothie', 'red_wine', 'beer', 'cola', 'orange_juice'],
};
