import { asset } from '../static-assets.ts'

// Illustrations stand in for product photos until sellers can upload them. A top-level
// category's slug picks one by keyword, so renamed or new categories still get a fitting picture.
const artByKeyword: [RegExp, string][] = [
  [/pump/, 'pumps'],
  [/valve/, 'valves'],
  [/bearing/, 'bearings'],
  [/motor|drive/, 'motors'],
  [/fasten|bolt|screw|nut/, 'fasteners'],
  [/lubric|oil|grease/, 'lubricants'],
  [/safety|ppe|protect/, 'safety'],
  [/cable|wire/, 'cables'],
  [/electric|switch/, 'electrical'],
  [/pipe|fitting|tube/, 'pipes'],
  [/compress/, 'compressors'],
  [/hydraul|pneumat/, 'pneumatics'],
  [/instrument|gauge|measur|meter|test/, 'instruments'],
  [/weld/, 'welding'],
  [/handling|lift|hoist|crane/, 'handling'],
  [/transmission|gear|belt|chain|coupling/, 'transmission'],
  [/tool|abrasive|cutting/, 'tools'],
  [/pack/, 'packaging'],
]

export function categoryArt(topCategorySlug: string): string {
  const match = artByKeyword.find(([pattern]) => pattern.test(topCategorySlug))
  return asset(`img/categories/${match?.[1] ?? 'general'}.svg`)
}

export const categoryArtNames = [...artByKeyword.map(([, name]) => name), 'general']
