// The segment builder's live count: rows are added and removed in the page, and the count is
// asked again (debounced) whenever a condition changes. Without this script the page's own
// "Add", "Remove" and "Count" buttons do the same through the server.
(() => {
  const form = document.getElementById('segment-builder');
  if (!form) {
    return;
  }
  const output = document.getElementById('segment-count');
  const list = document.getElementById('segment-conditions');
  const kind = document.getElementById('add-kind');
  let next = list.children.length;
  let timer = 0;
  let pending = null;

  async function count() {
    pending?.abort();
    pending = new AbortController();
    form.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(form.dataset.countUrl, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: pending.signal,
      });
      const answer = await response.json();
      output.textContent = response.ok
        ? answer.text
        : [answer.text ?? form.dataset.invalidText, ...(answer.errors ?? []).map((e) => e.message)].join(' ');
      output.classList.toggle('error', !response.ok);
    } catch (error) {
      if (error.name !== 'AbortError') {
        output.textContent = form.dataset.invalidText;
      }
    } finally {
      form.removeAttribute('aria-busy');
    }
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(count, 300);
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);

  document.getElementById('add-button').addEventListener('click', (event) => {
    const template = document.getElementById(`segment-row-${kind.value}`);
    if (!template) {
      return;
    }
    event.preventDefault();
    list.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__i__', String(next)));
    next += 1;
    document.getElementById('segment-empty')?.remove();
    const row = list.lastElementChild;
    (row?.querySelector('.field select, .field input') ?? row?.querySelector('input[type=checkbox]'))?.focus();
    schedule();
  });

  list.addEventListener('click', (event) => {
    const button = event.target.closest('button.remove');
    if (!button) {
      return;
    }
    event.preventDefault();
    button.closest('li.condition')?.remove();
    kind.focus();
    schedule();
  });
})();
