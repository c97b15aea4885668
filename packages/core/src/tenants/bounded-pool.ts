/**
 * Runs `work` over a source with at most `limit` items in flight and yields each result as soon as it is done (in
 * completion order). It pulls from the source only when a slot is free and the consumer asks for more, so a slow
 * consumer holds the run back instead of results piling up; `stop()` returning true ends pulling (in-flight work
 * still finishes and is yielded). `work` must not reject. Ending the iteration early aborts `signal`.
 */
export async function* boundedPool<I, O>(
  source: AsyncIterator<I>,
  limit: number,
  work: (item: I, signal: AbortSignal) => Promise<O>,
  stop: () => boolean,
): AsyncGenerator<O, void, undefined> {
  const controller = new AbortController()
  const inFlight = new Map<number, Promise<{ id: number; value: O }>>()
  let nextId = 0
  let exhausted = false
  try {
    for (;;) {
      while (!exhausted && !stop() && inFlight.size < limit) {
        const step = await source.next()
        if (step.done === true) {
          exhausted = true
          break
        }
        const id = nextId++
        inFlight.set(id, work(step.value, controller.signal).then((value) => ({ id, value })))
      }
      if (inFlight.size === 0) return
      const { id, value } = await Promise.race(inFlight.values())
      inFlight.delete(id)
      yield value
    }
  } finally {
    controller.abort()
  }
}
