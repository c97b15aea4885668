/**
 * Runs `work` over a source with at most `limit` items in flight and yields each result as soon as it is done (in
 * completion order). It pulls from the source only when a slot is free and the consumer asks for more, so a slow
 * consumer holds the run back instead of results piling up; `stop()` returning true ends pulling (in-flight work
 * still finishes and is yielded). `work` must not reject. Ending the iteration early aborts each item's `signal`
 * (one controller per item: listeners on one shared signal would pile up with the concurrency).
 */
export async function* boundedPool<I, O>(
  source: AsyncIterator<I>,
  limit: number,
  work: (item: I, signal: AbortSignal) => Promise<O>,
  stop: () => boolean,
): AsyncGenerator<O, void, undefined> {
  const controllers = new Set<AbortController>()
  // Finished results wait here; `wake` resolves the consumer's wait when one arrives (no Promise.race over the
  // in-flight set, which would attach a handler to every pending item per result).
  const finished: O[] = []
  let wake: (() => void) | null = null
  let running = 0
  let exhausted = false
  try {
    for (;;) {
      // A finished result is handed over before more work is pulled: with a source and work that settle within
      // microtasks, pulling first would run the whole source before the consumer (or `stop`) saw one result.
      while (!exhausted && finished.length === 0 && !stop() && running < limit) {
        const step = await source.next()
        if (step.done === true) {
          exhausted = true
          break
        }
        const controller = new AbortController()
        controllers.add(controller)
        running++
        void work(step.value, controller.signal).then((value) => {
          controllers.delete(controller)
          running--
          finished.push(value)
          wake?.()
        })
      }
      if (finished.length === 0) {
        if (running === 0) return
        await new Promise<void>((resolve) => {
          wake = resolve
        })
        wake = null
      }
      yield finished.shift() as O
    }
  } finally {
    for (const controller of controllers) controller.abort()
  }
}
