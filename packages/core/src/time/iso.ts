const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/**
 * `new Date(seconds * 1000).toISOString()` for whole seconds from 1970 to the year 9999, without a Date: the civil
 * date from the day number (H. Hinnant's days-from-civil inverse), exact for every day. A token carries three
 * NumericDates; Date's formatting cost more than every other claim together.
 */
export function isoFromEpochSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86400)
  const inDay = seconds - days * 86400
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(inDay / 3600)
  const minutes = Math.floor((inDay - hours * 3600) / 60)
  const secs = inDay - hours * 3600 - minutes * 60
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(secs)}.000Z`
}
