// The print page is also its own print preview: with ?paged in its address,
// Paged.js lays the document out in pages (the preview staff open, and the
// page the default PDF engine prints). Without it, nothing runs and the page
// is printed as it is (the Chromium engine).
if (new URLSearchParams(location.search).has('paged')) {
  document.documentElement.dataset.paged = 'running';
  void import('./paged.ts');
}
