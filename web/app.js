// 文风 page: sends the draft to this service (POST /v1/page), shows it as paragraphs with
// every finding marked in place, the counts against the kind's limits, and the findings by
// rule. Everything comes from this service; nothing is loaded from elsewhere. Document text
// is only ever inserted as text (never as HTML).
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const SEV = { error: '错误', warning: '警告', info: '提示' };
  const SEV_RANK = { error: 2, warning: 1, info: 0 };
  const STORY = { footnote: '脚注', endnote: '尾注', header: '页眉', footer: '页脚', comment: '批注', textbox: '文本框' };
  const UNIT = { zishu: '字', hanzi: '个汉字', chars_no_spaces: '字符', minutes: '分钟', pages: '页', items: '条' };
  const KIND_SOURCE = { option: '按所选类型', config: '按配置文件', document: '按文稿属性', classifier: '推测', none: '未能判断' };

  const state = {
    profiles: [],
    rules: new Map(),
    input: null,         // {file: File} or {text: string}
    page: null,          // the /v1/page answer
    file: null,          // report.files[0]
    findings: [],
    marks: new Map(),    // finding index -> [mark elements]
    order: [],           // finding indices in reading order (for prev/next)
    current: -1,
    token: sessionStorage.getItem('wenfeng-token') || '',
    seq: 0,              // the latest check; older answers are dropped
  };

  // An element with text children only (strings become text nodes).
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function setStatus(text, s) {
    const st = $('status');
    st.textContent = text;
    st.dataset.state = s;
    // Completed checks, for whoever waits on the page (the browser test).
    if (s === 'done' || s === 'error') st.dataset.checks = String(Number(st.dataset.checks || 0) + 1);
  }

  function showAlert(text) {
    const a = $('alert');
    a.textContent = text;
    a.hidden = !text;
  }

  async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    if (state.token) headers.set('Authorization', 'Bearer ' + state.token);
    const res = await fetch(path, { ...options, headers });
    if (res.status === 401) {
      $('token-box').hidden = false;
      $('token').focus();
      throw new Error('此服务需要访问令牌：请在上方输入令牌后重试。');
    }
    return res;
  }

  const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('zh-CN') : String(n));
  const sourceText = (s) => (s ? [s.issuer, s.document, s.part].filter(Boolean).join(' · ') : '');
  const profileById = (id) => state.profiles.find((p) => p.id === id);
  const kindOf = (profile, id) => (profile ? profile.kinds.find((k) => k.id === id) : undefined);
  const baseName = (name) => name.replace(/\.[^.]*$/, '') || 'wenfeng';
  const inputName = () => (state.input && state.input.file ? state.input.file.name : 'text.txt');
  const isDocx = () => /\.docx$/i.test(inputName());

  // ---- profiles, kinds, rules ----------------------------------------------------------

  function fillKinds() {
    const p = profileById($('profile').value);
    const kind = $('kind');
    const keep = kind.value;
    kind.replaceChildren(el('option', { value: '' }, '自动判断'));
    for (const k of p ? p.kinds : []) kind.append(el('option', { value: k.id, title: k.id }, k.name));
    kind.value = [...kind.options].some((o) => o.value === keep) ? keep : '';
  }

  async function loadCatalog() {
    try {
      const [pr, ru] = await Promise.all([api('/v1/profiles'), api('/v1/rules')]);
      if (!pr.ok || !ru.ok) throw new Error('无法读取规范列表（' + pr.status + '）');
      state.profiles = (await pr.json()).profiles;
      for (const r of (await ru.json()).rules) state.rules.set(r.id, r);
      const sel = $('profile');
      sel.replaceChildren(...state.profiles.map((p) => el('option', { value: p.id, title: p.id }, p.name)));
      sel.value = profileById('national') ? 'national' : state.profiles[0].id;
      fillKinds();
      showAlert('');
    } catch (e) {
      showAlert(e.message);
    }
  }

  // ---- sending the draft ---------------------------------------------------------------

  function form() {
    const f = new FormData();
    if (state.input.file) f.append('file', state.input.file, state.input.file.name);
    else f.append('text', state.input.text);
    for (const id of ['profile', 'kind', 'medium']) if ($(id).value) f.append(id, $(id).value);
    return f;
  }

  async function check() {
    if (!state.input) return;
    const seq = ++state.seq;
    setStatus(`正在检查 ${inputName()}……`, 'busy');
    showAlert('');
    $('run').disabled = true;
    try {
      const res = await api('/v1/page', { method: 'POST', body: form() });
      const body = await res.json().catch(() => null);
      if (seq !== state.seq) return;
      if (!res.ok || !body) {
        const err = body && (body.error || (body.files && body.files[0] && body.files[0].error));
        const msg = err ? `${err.message}（错误代码 ${err.code}${err.where ? '，位置 ' + err.where : ''}）` : `服务返回 ${res.status}`;
        throw new Error(`无法检查 ${inputName()}：${msg}`);
      }
      state.page = body;
      state.file = JSON.parse(body.report).files[0];
      render();
    } catch (e) {
      if (seq !== state.seq) return;
      setStatus('检查未完成。', 'error');
      showAlert(e.message);
    } finally {
      if (seq === state.seq) $('run').disabled = !state.input;
    }
  }

  function setInput(input) {
    state.input = input;
    $('drop-text').textContent = input.file ? `已选择：${input.file.name}` : '已粘贴文本（可另选文件）';
    $('drop').title = input.file ? `${input.file.name}（可拖入或选择另一份替换）` : '';
    $('run').disabled = false;
    check();
  }

  // ---- the document with its marks -----------------------------------------------------

  // Where each finding is shown: [{paragraph, start, end}] in code points (0-based), or []
  // when it is outside the main text. Grouped findings list every occurrence.
  function placesOf(f, i) {
    if (state.page.stories[i] && state.page.stories[i] !== 'main') return [];
    const occ = Array.isArray(f.occurrences) && f.occurrences.length ? f.occurrences : [f];
    return occ
      .filter((o) => o.paragraph >= 1 && o.paragraph <= state.page.paragraphs.length)
      .map((o) => ({ paragraph: o.paragraph, start: Math.max(0, o.column - 1), end: Math.max(0, o.column - 1) + (o.length || 0) }));
  }

  function markFor(indices, point) {
    const sev = indices.reduce((s, i) => (SEV_RANK[state.findings[i].severity] > SEV_RANK[s] ? state.findings[i].severity : s), 'info');
    const first = state.findings[indices[0]];
    const m = el('mark', {
      class: sev + (point ? ' point' : ''),
      tabindex: 0,
      role: 'button',
      dataset: { findings: indices.join(' ') },
      'aria-label': `${SEV[first.severity]}：${first.message}` + (indices.length > 1 ? `（此处共 ${indices.length} 个问题）` : ''),
    });
    for (const i of indices) {
      if (!state.marks.has(i)) state.marks.set(i, []);
      state.marks.get(i).push(m);
    }
    return m;
  }

  function renderParagraph(p, n, ranges) {
    const cps = Array.from(p.text);
    const node = el('p', { class: p.table ? `${p.role} table` : p.role, dataset: { n } });
    if (!cps.length && !p.label) node.classList.add('empty');
    if (p.label) node.append(el('span', { class: 'label' }, p.label + ' '));
    const cuts = new Set([0, cps.length]);
    for (const r of ranges) {
      r.start = Math.min(r.start, cps.length);
      r.end = Math.min(Math.max(r.end, r.start), cps.length);
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    for (let b = 0; b < bounds.length; b++) {
      const at = bounds[b];
      const points = ranges.filter((r) => r.start === at && r.end === at).map((r) => r.finding);
      if (points.length) node.append(markFor(points, true));
      if (b + 1 === bounds.length) break;
      const next = bounds[b + 1];
      const text = cps.slice(at, next).join('');
      const over = ranges.filter((r) => r.start <= at && r.end >= next && r.end > r.start).map((r) => r.finding);
      if (over.length) {
        const m = markFor(over, false);
        m.textContent = text;
        node.append(m);
      } else {
        node.append(text);
      }
    }
    return node;
  }

  function renderDoc() {
    state.marks = new Map();
    const byParagraph = new Map();
    state.findings.forEach((f, i) => {
      for (const pl of placesOf(f, i)) {
        if (!byParagraph.has(pl.paragraph)) byParagraph.set(pl.paragraph, []);
        byParagraph.get(pl.paragraph).push({ start: pl.start, end: pl.end, finding: i });
      }
    });
    const doc = $('doc');
    doc.replaceChildren(...state.page.paragraphs.map((p, k) => renderParagraph(p, k + 1, byParagraph.get(k + 1) || [])));
    state.order = state.findings.map((_, i) => i).filter((i) => state.marks.has(i));
  }

  // ---- counts and limits ---------------------------------------------------------------

  function meter(label, figure, limit, unit) {
    const over = figure > limit.max;
    const scale = Math.max(figure, limit.max) * 1.15 || 1;
    const diff = Math.abs(figure - limit.max);
    const pct = limit.max ? ` ${((diff / limit.max) * 100).toFixed(1)}%` : '';
    const shown = (v) => (unit === '分钟' || unit === '页' ? (Math.round(v * 10) / 10).toString() : fmt(Math.round(v)));
    const verdict = over ? `超出 ${shown(diff)} ${unit}（${pct.trim()}）` : `未超出，还差 ${shown(diff)} ${unit}到上限`;
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${(figure / scale) * 100}%`;
    const mark = el('span', { class: 'limit', title: `上限 ${shown(limit.max)} ${unit}` });
    mark.style.left = `${(limit.max / scale) * 100}%`;
    return el('div', { class: 'meter' + (over ? ' over' : ''), dataset: { rule: limit.rule, figure, limit: limit.max } },
      el('div', null, `${label} ${shown(figure)} ${unit} / 上限 ${shown(limit.max)} ${unit}`, limit.soft ? '（默认软上限）' : ''),
      el('div', { class: 'track', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': Math.round(scale * 10) / 10,
                  'aria-valuenow': Math.round(figure * 10) / 10, 'aria-label': `${label}与上限` }, fill, mark),
      el('div', { class: 'verdict' }, verdict),
      el('div', { class: 'muted' }, '依据：' + sourceText(limit.source)));
  }

  function renderSummary() {
    const f = state.file;
    const profile = profileById(f.profile.id);
    const kind = kindOf(profile, f.kind.id);
    const source = KIND_SOURCE[f.kind.source] || f.kind.source;
    $('kind-line').replaceChildren(
      el('span', null, `规范：${f.profile.name}　类型：`),
      el('strong', null, kind ? `${kind.name}（${f.kind.id}）` : f.kind.id),
      el('span', { class: f.kind.guessed ? 'guess' : '' }, `　${source}${f.kind.reason ? '：' + f.kind.reason : ''}`),
      f.kind.guessed ? el('span', { class: 'muted' }, '　如不对，请在上方“类型”中指定。') : null);
    $('count-zishu').textContent = fmt(f.counts.zishu);
    $('count-hanzi').textContent = fmt(f.counts.hanzi);
    $('count-body').textContent = fmt(f.body.figure);
    const pages = f.pages.estimate.toFixed(1) + (f.pages.saved && !f.pages.saved_stale ? `（Word 保存 ${f.pages.saved} 页）` : '');
    $('count-pages').textContent = pages;
    const d = f.durations;
    const dur = [];
    if (d.tv_seconds !== undefined) dur.push(`电视 ${Math.floor(d.tv_seconds / 60)}分${d.tv_seconds % 60}秒`);
    if (d.speech_minutes !== undefined) dur.push(`讲话 ${d.speech_minutes} 分钟`);
    if (!dur.length && f.body.figure) {
      const rate = profile ? profile.rates.speech : 200;
      dur.push(`朗读约 ${(f.body.figure / rate).toFixed(1)} 分钟`);
      $('count-duration').title = `按讲话语速 ${rate} 字/分钟估算`;
    }
    $('count-duration').textContent = dur.join('，') || '—';
    const bars = [];
    const limits = kind ? kind.limits : [];
    const find = (rule) => limits.find((l) => l.rule === rule);
    const unit = UNIT[profile ? profile.unit : 'zishu'];
    if (find('length.body')) bars.push(meter('正文', f.body.figure, find('length.body'), unit));
    if (find('length.pages')) bars.push(meter('页数', f.pages.estimate, find('length.pages'), '页'));
    if (find('duration.tv') && d.tv_seconds !== undefined) bars.push(meter('电视时长', d.tv_seconds / 60, find('duration.tv'), '分钟'));
    if (find('duration.speech') && d.speech_minutes !== undefined) bars.push(meter('讲话时长', d.speech_minutes, find('duration.speech'), '分钟'));
    if (!bars.length)
      bars.push(el('p', { class: 'muted' }, kind ? '此类型没有篇幅上限。' : '类型未定，不检查篇幅上限；可在上方“类型”中指定。'));
    $('bars').replaceChildren(...bars);
    $('excluded').textContent = f.body.excluded.length ? '正文不计：' + f.body.excluded.join('；') : '';
    $('summary').hidden = false;
  }

  // ---- findings by rule ----------------------------------------------------------------

  function where(f, i) {
    const story = state.page.stories[i];
    if (story && story !== 'main') return `${STORY[story] || story}（第 ${f.paragraph} 段后）`;
    return `段 ${f.paragraph} 列 ${f.column}`;
  }

  function renderGroups() {
    const groups = new Map();
    state.findings.forEach((f, i) => {
      if (!groups.has(f.rule)) groups.set(f.rule, []);
      groups.get(f.rule).push(i);
    });
    const sorted = [...groups.entries()].sort((a, b) => {
      const sa = Math.max(...a[1].map((i) => SEV_RANK[state.findings[i].severity]));
      const sb = Math.max(...b[1].map((i) => SEV_RANK[state.findings[i].severity]));
      return sb - sa || b[1].length - a[1].length || a[0].localeCompare(b[0]);
    });
    const list = $('groups');
    list.replaceChildren();
    sorted.forEach(([rule, idx], g) => {
      const info = state.rules.get(rule);
      const sev = state.findings[idx[0]].severity;
      const occurrences = idx.reduce((n, i) => n + (Array.isArray(state.findings[i].occurrences) ? state.findings[i].occurrences.length : 1), 0);
      const items = el('ul', { class: 'items', id: `group-${g}` }, idx.map((i) => {
        const f = state.findings[i];
        const n = Array.isArray(f.occurrences) ? `（${f.occurrences.length} 处）` : '';
        return el('li', null, el('button', { type: 'button', dataset: { finding: i }, onclick: () => select(i, true) },
          el('span', { class: `sev ${f.severity}` }, SEV[f.severity]), ' ',
          el('span', { class: 'where' }, where(f, i)), f.excerpt, n));
      }));
      items.hidden = g > 0;
      const head = el('button', {
        type: 'button', class: 'group-head', 'aria-expanded': g === 0 ? 'true' : 'false', 'aria-controls': `group-${g}`,
        onclick: () => { items.hidden = !items.hidden; head.setAttribute('aria-expanded', String(!items.hidden)); },
      }, el('span', { class: `sev ${sev}` }, SEV[sev]), el('code', null, rule), info ? info.title : '',
      el('span', { class: 'count' }, occurrences === idx.length ? `${idx.length}` : `${idx.length} 条 / ${occurrences} 处`));
      list.append(el('li', { dataset: { rule, count: idx.length } }, head, items));
    });
    const s = state.file.summary;
    $('findings-total').textContent = `（错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}）`;
    if (!state.findings.length) list.append(el('li', { class: 'muted' }, '没有发现问题。'));
    $('findings').hidden = false;
  }

  // ---- details, tooltip and navigation -------------------------------------------------

  function details(f, i) {
    const info = state.rules.get(f.rule);
    const data = f.data || {};
    const unit = UNIT[data.unit] || (f.rule.startsWith('duration.') ? '分钟' : f.rule === 'length.pages' ? '页' : '');
    const rows = [['规则', `${f.rule}${info ? ' ' + info.title : ''}`], ['位置', where(f, i)]];
    if (data.figure !== undefined) rows.push(['测得', `${data.figure} ${unit}`]);
    if (data.limit !== undefined) rows.push(['上限', `${data.limit} ${unit}${data.soft === 'true' ? '（默认软上限）' : ''}`]);
    if (data.excess !== undefined) rows.push(['超出', `${data.excess} ${unit}`]);
    if (data.fix !== undefined) rows.push(['建议', `改为“${data.fix}”`]);
    rows.push(['依据', sourceText(f.source) || '—']);
    if (f.excerpt) rows.push(['摘录', f.excerpt]);
    return [el('p', { class: 'message' }, el('span', { class: `sev ${f.severity}` }, SEV[f.severity]), ' ', f.message),
            el('dl', null, rows.map(([k, v]) => [el('dt', null, k), el('dd', null, v)]))];
  }

  function select(i, scroll) {
    for (const m of document.querySelectorAll('mark.current')) m.classList.remove('current');
    state.current = i;
    const f = state.findings[i];
    $('detail-body').replaceChildren(...details(f, i));
    $('detail').hidden = false;
    const marks = state.marks.get(i) || [];
    for (const m of marks) m.classList.add('current');
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
      marks[0].focus({ preventScroll: true });
    }
  }

  function step(delta) {
    if (!state.order.length) return;
    const at = state.order.indexOf(state.current);
    const next = at < 0 ? (delta > 0 ? 0 : state.order.length - 1) : (at + delta + state.order.length) % state.order.length;
    select(state.order[next], true);
  }

  function showTip(mark, x, y) {
    const tip = $('tip');
    const indices = mark.dataset.findings.split(' ').map(Number);
    tip.replaceChildren(...indices.map((i) => {
      const f = state.findings[i];
      const data = f.data || {};
      return el('div', null, `${SEV[f.severity]}［${f.rule}］${f.message}`,
        data.limit !== undefined ? el('div', null, `上限 ${data.limit}`) : null,
        el('div', { class: 'src' }, '依据：' + (sourceText(f.source) || '—')));
    }));
    tip.hidden = false;
    const r = tip.getBoundingClientRect();
    tip.style.left = `${Math.max(4, Math.min(x + 12, window.innerWidth - r.width - 8))}px`;
    tip.style.top = `${y + 18 + r.height > window.innerHeight ? y - r.height - 12 : y + 18}px`;
  }

  function wireDoc() {
    const doc = $('doc');
    doc.addEventListener('mouseover', (e) => {
      const m = e.target.closest('mark');
      if (m) showTip(m, e.clientX, e.clientY);
    });
    doc.addEventListener('mouseout', (e) => {
      if (e.target.closest('mark')) $('tip').hidden = true;
    });
    doc.addEventListener('focusin', (e) => {
      const m = e.target.closest('mark');
      if (!m) return;
      const r = m.getBoundingClientRect();
      showTip(m, r.left, r.bottom - 12);
    });
    doc.addEventListener('focusout', () => { $('tip').hidden = true; });
    const activate = (m) => {
      const indices = m.dataset.findings.split(' ').map(Number);
      // Repeated activation on one mark walks through the findings it carries.
      const at = indices.indexOf(state.current);
      select(indices[(at + 1) % indices.length], false);
    };
    doc.addEventListener('click', (e) => {
      const m = e.target.closest('mark');
      if (m) activate(m);
    });
    doc.addEventListener('keydown', (e) => {
      const m = e.target.closest('mark');
      if (m && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        activate(m);
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') $('tip').hidden = true;
    });
  }

  // ---- downloads -----------------------------------------------------------------------

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function downloadDocx() {
    setStatus('正在生成带批注的 DOCX……', 'busy');
    try {
      const res = await api('/v1/annotate', { method: 'POST', body: form() });
      if (!res.ok) {
        const body = await res.json().catch(() => null);
        throw new Error((body && body.error && body.error.message) || `服务返回 ${res.status}`);
      }
      download(await res.blob(), `${baseName(inputName())}.批注.docx`);
      setStatus('已下载带批注的 DOCX。', 'done');
    } catch (e) {
      setStatus('未能生成带批注的 DOCX。', 'error');
      showAlert(e.message);
    }
  }

  function renderDownloads() {
    $('downloads').hidden = false;
    $('dl-json').disabled = false;
    const can = state.page.annotate && isDocx();
    $('dl-docx').disabled = !can;
    $('docx-note').textContent = can ? '' : !state.page.annotate
      ? '带批注的 DOCX 暂不可用：此服务尚未提供批注功能。可先下载 JSON 报告。'
      : '带批注的副本只对 DOCX 文稿提供（批注写在 Word 文档里）；其他格式请下载 JSON 报告。';
  }

  function render() {
    state.findings = state.file.findings;
    state.current = -1;
    renderDoc();
    renderSummary();
    renderGroups();
    renderDownloads();
    $('detail').hidden = true;
    const s = state.file.summary;
    const hidden = state.findings.length - state.order.length;
    setStatus(`检查完成：${inputName()}，错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}` +
      (hidden ? `（其中 ${hidden} 个在正文以外，只列在右侧）` : '') + '。', 'done');
  }

  // ---- wiring --------------------------------------------------------------------------

  function init() {
    const drop = $('drop');
    $('file').addEventListener('change', (e) => { if (e.target.files[0]) setInput({ file: e.target.files[0] }); });
    for (const ev of ['dragenter', 'dragover']) drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add('over'); });
    for (const ev of ['dragleave', 'drop']) drop.addEventListener(ev, () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      if (e.dataTransfer.files[0]) setInput({ file: e.dataTransfer.files[0] });
    });
    $('paste-toggle').addEventListener('click', () => {
      const p = $('paste');
      p.hidden = !p.hidden;
      $('paste-toggle').setAttribute('aria-expanded', String(!p.hidden));
      if (!p.hidden) $('paste-text').focus();
    });
    $('paste-text').addEventListener('input', () => { $('run').disabled = !$('paste-text').value.trim() && !state.input; });
    $('controls').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = $('paste-text').value;
      if (!$('paste').hidden && text.trim()) setInput({ text });
      else check();
    });
    $('profile').addEventListener('change', () => { fillKinds(); check(); });
    $('kind').addEventListener('change', check);
    $('medium').addEventListener('change', check);
    $('prev').addEventListener('click', () => step(-1));
    $('next').addEventListener('click', () => step(1));
    $('dl-json').addEventListener('click', () =>
      download(new Blob([state.page.report], { type: 'application/json' }), `${baseName(inputName())}.wenfeng.json`));
    $('dl-docx').addEventListener('click', downloadDocx);
    $('token-save').addEventListener('click', () => {
      state.token = $('token').value.trim();
      sessionStorage.setItem('wenfeng-token', state.token);
      $('token-box').hidden = true;
      loadCatalog().then(check);
    });
    wireDoc();
    loadCatalog();
  }

  init();
})();
