// Progress of an import, refreshed without reloading the page; the page works without it (reload link).
(function () {
  var section = document.querySelector('[data-import-progress]');
  if (!section) { return; }
  var url = section.getAttribute('data-import-progress');
  var bar = section.querySelector('progress');
  var format = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var wasActive = null;

  function set(name, text) {
    var field = section.querySelector('[data-field="' + name + '"]');
    if (field) { field.textContent = text; }
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (p) {
        bar.max = Math.max(1, p.total);
        bar.value = p.processed;
        bar.textContent = format.format(p.processed);
        set('statusText', p.statusText);
        ['processed', 'total', 'inserted', 'updated', 'unchanged', 'rejected'].forEach(function (name) { set(name, format.format(p[name])); });
        if (wasActive && !p.active) {
          // Finished: reload once for the report link and the next buttons.
          window.location.reload();
          return;
        }
        wasActive = p.active;
        if (p.active) { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  poll();
})();
