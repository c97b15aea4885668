import type { LitElement } from 'lit'

/** Mounts a component in the (happy-dom) document and waits for its first render. */
export async function mount<T extends LitElement>(tag: string, props: Partial<T> = {}): Promise<T> {
  const el = document.createElement(tag) as T
  Object.assign(el, props)
  document.body.append(el)
  await el.updateComplete
  return el
}

/** Waits for the element and every custom element inside its shadow root to finish rendering. */
export async function settled(el: LitElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete
    const inner = [...(el.shadowRoot?.querySelectorAll('*') ?? [])].filter(
      (n): n is LitElement => 'updateComplete' in n,
    )
    await Promise.all(inner.map((n) => settled(n)))
  }
}

export function $(el: Element, selector: string): Element | null {
  return el.shadowRoot?.querySelector(selector) ?? null
}

export function $$(el: Element, selector: string): Element[] {
  return [...(el.shadowRoot?.querySelectorAll(selector) ?? [])]
}

/** Follows a path of selectors through nested shadow roots. */
export function deep(el: Element, ...path: string[]): Element | null {
  let current: Element | null = el
  for (const selector of path) {
    if (current === null) return null
    current = $(current, selector)
  }
  return current
}
