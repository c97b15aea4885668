// Paste-to-diagnosis timing with User Timing marks: visible in the browser's performance tools and read by the
// end-to-end test. Marks carry no data (never the token).
export const INPUT_MARK = 'claimcheck:input'
export const DIAGNOSIS_MEASURE = 'claimcheck:diagnosis'

let pending = false

export function markInput(): void {
  performance.mark(INPUT_MARK)
  pending = true
}

/** Called once the diagnosis is on screen (after the render that shows it). */
export function measureDiagnosis(): void {
  if (!pending) return
  pending = false
  performance.measure(DIAGNOSIS_MEASURE, INPUT_MARK)
}
