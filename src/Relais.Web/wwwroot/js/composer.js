// The composer's segment size: when another segment is chosen, its size is asked for and shown
// without saving. Without this script the size of the saved segment shows after each save.
(() => {
  const select = document.getElementById('Input_SegmentId');
  const output = document.getElementById('segment-size');
  if (!select || !output) {
    return;
  }
  let pending = null;
  select.addEventListener('change', async () => {
    pending?.abort();
    output.textContent = '';
    if (!select.value) {
      return;
    }
    pending = new AbortController();
    try {
      const url = `${select.dataset.sizeUrl}?segment=${encodeURIComponent(select.value)}`;
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: pending.signal });
      if (response.ok) {
        output.textContent = (await response.json()).text;
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        output.textContent = '';
      }
    }
  });
})();
