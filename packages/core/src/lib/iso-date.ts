const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

/**
 * `new Date(seconds * 1000).toISOString()` without a Date: whole seconds from 1970 to the year 9999, as three
 * dates per token are formatted on the verifier's hot path. Days to a civil date by H. Hinnant's algorithm
 * (proleptic Gregorian, as Date uses).
 */
export function isoFromEpochSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400)
  const rest = seconds - days * 86_400
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const h = Math.floor(rest / 3_600)
  const m = Math.floor((rest - h * 3_600) / 60)
  const s = rest - h * 3_600 - m * 60
  return `${year}-${two(month)}-${two(day)}T${two(h)}:${two(m)}:${two(s)}.000Z`
}
