// Search suggestions as you type: turns each product search box into an ARIA 1.2 combobox with
// a listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Without this script the
// box is a plain GET form, so nothing depends on it.
;(() => {
  const MIN_CHARS = 2
  const DELAY_MS = 120
  let serial = 0

  for (const input of document.querySelectorAll('form[action="/search"] input[name="q"]')) enhance(input)

  function enhance(input) {
    const id = `suggest-${++serial}`
    const host = input.parentElement
    host.classList.add('suggest-host')
    const list = document.createElement('ul')
    list.id = `${id}-list`
    list.className = 'suggest-list'
    list.setAttribute('role', 'listbox')
    list.setAttribute('aria-label', 'Suggestions')
    list.hidden = true
    host.appendChild(list)
    const status = document.createElement('div')
    status.className = 'visually-hidden'
    status.setAttribute('role', 'status')
    host.appendChild(status)

    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', list.id)

    let items = []
    let active = -1
    let timer = 0
    let controller = null
    const cache = new Map()

    input.addEventListener('input', () => {
      clearTimeout(timer)
      timer = setTimeout(fetchSuggestions, DELAY_MS)
    })
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (list.hidden) {
          if (items.length) open()
          else fetchSuggestions()
          event.preventDefault()
          return
        }
        // Positions 0…n-1 are options; n is the text box itself, between the last and the first.
        const n = items.length
        const at = active === -1 ? n : active
        select((at + (event.key === 'ArrowDown' ? 1 : -1) + n + 1) % (n + 1))
        event.preventDefault()
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault()
        go(items[active])
      } else if (event.key === 'Escape') {
        if (!list.hidden) {
          event.preventDefault()
          close()
        } else if (input.value) {
          input.value = ''
        }
      } else if (event.key === 'Tab') {
        close()
      }
    })
    input.addEventListener('blur', () => setTimeout(close, 150))
    list.addEventListener('mousedown', (event) => event.preventDefault())
    list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]')
      if (option) go(items[Number(option.dataset.index)])
    })

    async function fetchSuggestions() {
      const q = input.value
      if (q.trim().length < MIN_CHARS) {
        render([])
        return
      }
      if (cache.has(q)) {
        render(cache.get(q))
        return
      }
      controller?.abort()
      controller = new AbortController()
      try {
        const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        })
        if (!res.ok) return
        const body = await res.json()
        cache.set(q, body.suggestions)
        if (input.value === q) render(body.suggestions)
      } catch {
        // Aborted or offline: the form still works.
      }
    }

    function render(suggestions) {
      items = suggestions
      active = -1
      input.removeAttribute('aria-activedescendant')
      list.replaceChildren(
        ...suggestions.map((s, i) => {
          const li = document.createElement('li')
          li.id = `${id}-opt-${i}`
          li.setAttribute('role', 'option')
          li.setAttribute('aria-selected', 'false')
          li.dataset.index = String(i)
          li.className = `suggest-option suggest-${s.kind}`
          const text = document.createElement('span')
          text.textContent = s.text
          li.appendChild(text)
          if (s.kind !== 'query') {
            const kind = document.createElement('span')
            kind.className = 'suggest-kind'
            kind.textContent = s.kind === 'category' ? 'Category' : 'Product'
            li.appendChild(kind)
          }
          return li
        }),
      )
      if (suggestions.length) open()
      else close()
      status.textContent = suggestions.length
        ? `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}, use the arrow keys to choose`
        : ''
    }

    // -1 is "back in the text box", as the pattern asks when arrowing past the ends.
    function select(index) {
      active = index >= items.length ? -1 : index
      for (const [i, option] of [...list.children].entries()) {
        option.setAttribute('aria-selected', String(i === active))
      }
      if (active >= 0) {
        const option = list.children[active]
        input.setAttribute('aria-activedescendant', option.id)
        option.scrollIntoView({ block: 'nearest' })
      } else {
        input.removeAttribute('aria-activedescendant')
      }
    }

    function open() {
      list.hidden = false
      input.setAttribute('aria-expanded', 'true')
    }

    function close() {
      list.hidden = true
      active = -1
      input.setAttribute('aria-expanded', 'false')
      input.removeAttribute('aria-activedescendant')
    }

    function go(suggestion) {
      if (!suggestion) return
      if (suggestion.kind === 'query') input.value = suggestion.text
      close()
      window.location.assign(suggestion.url)
    }
  }
})()
