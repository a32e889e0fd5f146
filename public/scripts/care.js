// 关怀版 (large text, high contrast), remembered across pages. Loaded in <head>
// as a small classic script so the remembered mode applies before the first
// paint. Without JavaScript the header switch still works on each page
// through CSS (html:has(#care-mode:checked)); this only remembers it.
(function () {
  var KEY = 'gongkai-care';
  var root = document.documentElement;
  var stored = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch {
    // storage blocked (private mode, policy): the switch still works per page
  }
  if (stored === 'on') root.setAttribute('data-care', '');

  function save(on) {
    try {
      if (on) window.localStorage.setItem(KEY, 'on');
      else window.localStorage.removeItem(KEY);
    } catch {
      // not remembered, but applied
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('care-mode');
    if (!box) return;
    box.checked = root.hasAttribute('data-care');
    box.addEventListener('change', function () {
      if (box.checked) root.setAttribute('data-care', '');
      else root.removeAttribute('data-care');
      save(box.checked);
    });
  });
})();
