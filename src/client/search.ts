// The search page: runs the query from ?q= (or the form) through Pagefind and
// shows only pages whose text really contains every word of the query.
//
// Why the extra filter: Pagefind 1.6 segments a Chinese query into words and
// matches any of them, so 不存在的词 "found" every page through 的. A reader
// searching a disclosure site for a phrase wants that phrase; a page that
// merely shares a character with it is noise. So each candidate's text is
// checked for every term, verbatim (case-insensitive for Latin letters).
import { containsAll, excerptSegments, terms } from './search-match.ts';

interface PagefindData {
  url: string;
  content: string;
  /** From data-pagefind-meta on the report page: its title, department and year. */
  meta: { title?: string; department?: string; year?: string };
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] } | null>;
}

/** How many of Pagefind's candidates are checked at most, and how many hits are shown. */
const CANDIDATES = 100;
const SHOWN = 30;
const BATCH = 10;

const form = document.querySelector<HTMLFormElement>('form[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');

let pagefind: Promise<Pagefind> | undefined;
/**
 * A large site is indexed in parts (one Pagefind index per part of the build);
 * pagefind/parts.json lists them. The first is loaded, the others merged in.
 */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const parts = (await (await fetch('/pagefind/parts.json')).json()) as string[];
    const [first, ...rest] = parts;
    if (!first) throw new Error('no search index');
    const p = (await import(/* @vite-ignore */ `${first}pagefind.js`)) as Pagefind;
    await p.options({ excerptLength: 0 });
    for (const part of rest) await p.mergeIndex(part);
    return p;
  })();
  return pagefind;
}

/** The excerpt as DOM nodes: text only, so nothing in a report can become markup. */
function excerpt(content: string, words: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const segment of excerptSegments(content, words)) {
    if (!segment.mark) {
      fragment.append(segment.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = segment.text;
    fragment.append(mark);
  }
  return fragment;
}

function show(message: string): void {
  if (status) status.textContent = message;
}

async function run(query: string): Promise<void> {
  if (!list) return;
  list.replaceChildren();
  list.hidden = true;
  const words = terms(query);
  if (words.length === 0) {
    show('');
    return;
  }
  show('正在搜索……');
  let found: PagefindResult[];
  try {
    // Pagefind gets the bare words: its own phrase syntax finds nothing when its
    // segmentation of the phrase differs from the page's ("科技型中小企业" in quotes).
    found = (await (await loadPagefind()).search(words.join(' ')))?.results ?? [];
  } catch {
    show('搜索索引无法加载。请稍后再试，或按年度、单位浏览。');
    return;
  }
  const hits: PagefindData[] = [];
  const candidates = found.slice(0, CANDIDATES);
  for (let i = 0; i < candidates.length && hits.length < SHOWN; i += BATCH) {
    const batch = await Promise.all(candidates.slice(i, i + BATCH).map((r) => r.data()));
    hits.push(...batch.filter((d) => containsAll(d.content, words)));
  }
  for (const hit of hits.slice(0, SHOWN)) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    // A text fragment takes the reader to the first hit (browsers without support just open the page).
    a.href = `${hit.url}#:~:text=${encodeURIComponent(words[0] ?? '')}`;
    a.textContent = hit.meta.title ?? hit.url;
    li.append(a);
    // Which department and year: report titles alone often name neither.
    const where = [hit.meta.department, hit.meta.year].filter(Boolean).join(' · ');
    if (where) {
      const meta = document.createElement('p');
      meta.className = 'search-results__meta';
      meta.textContent = where;
      li.append(meta);
    }
    const p = document.createElement('p');
    p.append(excerpt(hit.content, words));
    li.append(p);
    list.append(li);
  }
  list.hidden = hits.length === 0;
  const shown = `“${query.trim()}”`;
  show(hits.length === 0 ? `没有找到包含${shown}的报告。` : `找到 ${hits.length} 份包含${shown}的报告。`);
}

if (form && input) {
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  void run(initial);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    void run(input.value);
  });
}
