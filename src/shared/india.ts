/** States and union territories with their GST state codes (first two digits of a GSTIN). */
export const gstStateCodes = {
  '01': 'Jammu and Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman and Nicobar Islands',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
} as const

export type GstStateCode = keyof typeof gstStateCodes
export type IndianState = (typeof gstStateCodes)[GstStateCode]

/**
 * The states and union territories in alphabetical order, as every drop-down lists them. (The
 * object's own order is not the codes' order either: JavaScript puts the keys that look like
 * integers, '10' to '38', before '01' to '09'.)
 */
export const indianStates: readonly IndianState[] = (Object.values(gstStateCodes) as IndianState[]).sort(
  (a, b) => a.localeCompare(b, 'en-IN'),
)

export function stateCodeOf(state: string): GstStateCode | undefined {
  const entry = Object.entries(gstStateCodes).find(
    ([, name]) => name.toLowerCase() === state.trim().toLowerCase(),
  )
  return entry?.[0] as GstStateCode | undefined
}
