/* citegraph explorer: the page's program (inlined by citegraph graph --format html).
 *
 * Plain ES2020, no modules, no build step, no network. It reads DATA from
 * <script id="cg-data" type="application/json"> (see data/explorer/README.md), builds a
 * graphology graph in one pass and draws it with sigma.js (WebGL). The layout comes from
 * DATA (x, y computed by citegraph): the browser does no layout work. Filters, the
 * neighbourhood and the highlighting of the selection work through sigma's node and edge
 * reducers over typed arrays, so nothing is added to or removed from the graph after it is
 * built, and no element of the page is made per node.
 *
 * Every string that comes from DATA goes into the page as textContent, never as HTML.
 */
(function () {
  'use strict';

  const doc = document;
  const $ = (id) => doc.getElementById(id);
  const el = (tag, cls, text) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };

  const api = {
    ready: false,
    nodeCount: () => 0,
    edgeCount: () => 0,
    visibleNodeCount: () => 0,
    visibleEdgeCount: () => 0,
    isVisible: () => false,
    selected: () => [],
    pathIds: () => [],
  };
  window.cgExplorer = api;
  doc.body.dataset.ready = '0';

  function fatal(err) {
    const msg = (err && err.message) ? err.message : String(err);
    const box = $('cg-error');
    if (box) {
      box.textContent = 'citegraph explorer: ' + msg;
      box.hidden = false;
    }
    doc.body.dataset.ready = 'error';
    api.ready = false;
    throw err instanceof Error ? err : new Error(msg);
  }

  /* ---------------------------------------------------------------- vocabulary */

  const KIND_INFO = {
    // kind name: [label in the legend and the filters, colour]
    bt_drucksache: ['Bundestag Drucksache', '#2b6cb0'],
    bt_plenarprotokoll: ['Bundestag Plenarprotokoll', '#805ad5'],
    bt_ausschussdrucksache: ['Ausschussdrucksache', '#0f8b8d'],
    br_drucksache: ['Bundesrat Drucksache', '#2f855a'],
    lt_drucksache: ['Landtag Drucksache', '#b7791f'],
    landtag_drucksache: ['Landtag Drucksache', '#b7791f'],
    eu_legal_act: ['EU legal act (CELEX)', '#dd6b20'],
    eu_com_doc: ['EU Commission document (COM)', '#d69e2e'],
    eu_council_doc: ['EU Council document (ST)', '#9c4221'],
    url: ['URL (web page)', '#718096'],
    question: ['Question (Frage)', '#d53f8c'],
    document: ['Document without number (file)', '#2d3748'],
    internal: ['Internal reference', '#a0aec0'],
    grammar: ['Other kind (grammar)', '#4fd1c5'],
  };
  const FALLBACK_COLOURS = ['#38a169', '#e53e3e', '#3182ce', '#975a16', '#6b46c1', '#319795'];
  const REL_INFO = {
    // relation: [label, colour, emphasised colour, dimmed colour]
    cites: ['cites', '#b4bcc6', '#3e4c59', '#e3e7eb'],
    answers: ['answers (an Antwort answers its Anfrage)', '#d6604d', '#b2182b', '#f3d3cf'],
    part_of: ['part of (a question of its document)', '#9f8fd6', '#5b4ba0', '#e4def5'],
  };
  const ROLE_LABEL = { urheber: 'Urheber', ressort: 'Ressort', fragesteller: 'Fragesteller' };
  const PATH_COLOUR = '#f08c00';

  function hexToRgb(h) {
    const n = parseInt(h.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  function mix(h, w) { // mix colour h with white, w = share of white
    const c = hexToRgb(h).map((v) => Math.round(v + (255 - v) * w));
    return '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
  }

  /* folding for searching: case, umlauts (ae = ä), accents */
  function fold(s) {
    return String(s).toLowerCase()
      .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  /* an id or number as a key: folded, without spaces and punctuation that spellings vary in */
  function idKey(s) {
    return fold(s).replace(/[\s.\-:_,;\u2013]+/g, '');
  }

  try {
    main();
  } catch (err) {
    fatal(err);
  }

  function main() {
    const t0 = performance.now();
    const dataEl = $('cg-data');
    if (!dataEl) throw new Error('the page holds no data (no #cg-data)');
    const D = JSON.parse(dataEl.textContent);
    if (!D || typeof D.schema !== 'string' || !/^citegraph-explorer\/1/.test(D.schema))
      throw new Error('unknown data schema: ' + (D && D.schema));
    if (typeof graphology === 'undefined' || typeof Sigma === 'undefined')
      throw new Error('the graph libraries are missing from the page');
    const tParsed = performance.now();

    const F = {};
    D.node_fields.forEach((f, i) => { F[f] = i; });
    const FE = {};
    D.edge_fields.forEach((f, i) => { FE[f] = i; });
    for (const f of ['id', 'label', 'x', 'y', 'kind', 'issuer', 'wahlperiode', 'type', 'date', 'title',
      'url', 'in_corpus', 'authors', 'indegree', 'pagerank', 'number', 'parent', 'file', 'record'])
      if (!(f in F)) throw new Error('DATA lacks the node field ' + f);
    for (const f of ['source', 'target', 'relation', 'count', 'locators', 'positions'])
      if (!(f in FE)) throw new Error('DATA lacks the edge field ' + f);

    const T = D.tables || {};
    for (const t of ['kind', 'issuer', 'type', 'author', 'role', 'relation', 'file'])
      if (!Array.isArray(T[t])) T[t] = [];
    const rows = D.nodes;
    const erows = D.edges;
    const N = rows.length;
    const M = erows.length;
    const BIG = N > 20000 || M > 40000;
    const HUGE = N > 60000 || M > 150000;

    if (D.title) {
      doc.title = D.title;
      $('cg-title').textContent = D.title;
      $('cg-title').title = D.title + (D.generator ? ' (' + D.generator + ')' : '');
    }

    /* ------------------------------------------------------------ columns */
    const fx = F.x, fy = F.y, fk = F.kind, fi = F.issuer, fw = F.wahlperiode, ft = F.type,
      fd = F.date, fc = F.in_corpus, fdeg = F.indegree, fpr = F.pagerank;
    const kindA = new Int16Array(N), issA = new Int16Array(N), typeA = new Int16Array(N),
      wpA = new Int32Array(N), inC = new Uint8Array(N), dateA = new Int32Array(N),
      degA = new Float64Array(N), prA = new Float64Array(N);
    let maxWp = 0;
    for (let i = 0; i < N; i++) {
      const r = rows[i];
      kindA[i] = r[fk];
      issA[i] = r[fi];
      typeA[i] = r[ft];
      const w = r[fw] | 0;
      wpA[i] = w;
      if (w > maxWp) maxWp = w;
      inC[i] = r[fc] ? 1 : 0;
      const d = r[fd];
      dateA[i] = d ? (+d.slice(0, 4)) * 10000 + (+d.slice(5, 7)) * 100 + (+d.slice(8, 10)) : 0;
      degA[i] = +r[fdeg] || 0;
      prA[i] = +r[fpr] || 0;
    }
    const nodeId = (i) => rows[i][F.id];
    const nodeLabel = (i) => rows[i][F.label] || rows[i][F.id];

    const eS = new Int32Array(M), eT = new Int32Array(M), eR = new Int8Array(M);
    {
      const fs = FE.source, ftg = FE.target, fr = FE.relation;
      for (let j = 0; j < M; j++) {
        const e = erows[j];
        eS[j] = e[fs];
        eT[j] = e[ftg];
        eR[j] = e[fr];
      }
    }
    /* adjacency in both directions (CSR), each list in ascending index of the other node */
    function csr(from, to) {
      const start = new Int32Array(N + 1);
      for (let j = 0; j < M; j++) start[from[j] + 1]++;
      for (let i = 0; i < N; i++) start[i + 1] += start[i];
      const fill = start.slice(0, N);
      const list = new Int32Array(M);
      for (let j = 0; j < M; j++) list[fill[from[j]]++] = j;
      for (let i = 0; i < N; i++) { // DATA is sorted; sort only where it is not
        const a = start[i], b = start[i + 1];
        for (let k = a + 1; k < b; k++) {
          if (to[list[k - 1]] > to[list[k]] || (to[list[k - 1]] === to[list[k]] && list[k - 1] > list[k])) {
            const part = Array.from(list.subarray(a, b)).sort((x, y) => (to[x] - to[y]) || (x - y));
            list.set(part, a);
            break;
          }
        }
      }
      return { start, list };
    }
    const OUT = csr(eS, eT);
    const IN = csr(eT, eS);
    let multi = false;
    for (let i = 0; i < N && !multi; i++)
      for (let k = OUT.start[i] + 1; k < OUT.start[i + 1]; k++)
        if (eT[OUT.list[k]] === eT[OUT.list[k - 1]]) { multi = true; break; }

    /* ------------------------------------------------------------ colours and sizes */
    const kindNames = T.kind;
    const kindCol = kindNames.map((k, idx) => (KIND_INFO[k] ? KIND_INFO[k][1] : FALLBACK_COLOURS[idx % FALLBACK_COLOURS.length]));
    const kindLabel = (k) => (k >= 0 && k < kindNames.length ? (KIND_INFO[kindNames[k]] ? KIND_INFO[kindNames[k]][0] : kindNames[k]) : 'unknown');
    const OTHER = '#a0aec0';
    const pal = [[], [], [], []]; // [in, out, in dimmed, out dimmed][kind + 1]
    for (let k = -1; k < kindNames.length; k++) {
      const c = k >= 0 ? kindCol[k] : OTHER;
      pal[0][k + 1] = c;
      pal[1][k + 1] = mix(c, 0.55);
      pal[2][k + 1] = mix(c, 0.62);
      pal[3][k + 1] = mix(c, 0.8);
    }
    const relNames = T.relation;
    const relInfo = relNames.map((r) => (REL_INFO[r] || [r, '#b4bcc6', '#3e4c59', '#e3e7eb']).slice());

    if (BIG) relInfo.forEach((ri, r) => { if (relNames[r] === 'cites') ri[1] = '#cfd5dc'; });
    const SIZE_MIN = HUGE ? 1.5 : BIG ? 2 : N > 2000 ? 3 : 4;
    const SIZE_MAX = HUGE ? 11 : BIG ? 13 : 20;
    const SIZE_SEL = HUGE ? 6 : 8; // a selected document is never smaller
    const EDGE_SIZE = HUGE ? 0.4 : BIG ? 0.6 : 1;
    const sizeA = new Float32Array(N);
    const sizeInfo = { by: 'indegree', min: 0, max: 0, maxNode: -1 };
    function computeSizes(by) {
      const v = by === 'pagerank' ? prA : degA;
      let lo = Infinity, hi = -Infinity, hiNode = -1;
      for (let i = 0; i < N; i++) {
        if (v[i] < lo) lo = v[i];
        if (v[i] > hi) { hi = v[i]; hiNode = i; }
      }
      if (!N) { lo = 0; hi = 0; }
      const span = hi - lo;
      for (let i = 0; i < N; i++) {
        const f = span > 0 ? Math.sqrt((v[i] - lo) / span) : 0; // radius ~ sqrt: area ~ value
        sizeA[i] = SIZE_MIN + (SIZE_MAX - SIZE_MIN) * f;
      }
      sizeInfo.by = by;
      sizeInfo.min = lo;
      sizeInfo.max = hi;
      sizeInfo.maxNode = hiNode;
    }
    computeSizes('indegree');

    /* ------------------------------------------------------------ state */
    const fHidden = new Uint8Array(N); // hidden by the filters
    let nbMask = null; // Uint8Array when the neighbourhood is shown
    const relAllowed = new Uint8Array(Math.max(relNames.length, 1)).fill(1);
    const emphN = new Uint8Array(N); // 2 selected / on the path, 1 neighbour of the selection
    const emphE = new Uint8Array(M); // 2 on the path, 1 touches the selection
    let focusActive = false;
    let visN = N, visE = M;
    const state = {
      sel: [], // node indices in selection order
      nb: 0,
      path: null, // null: not shown; else {nodes: [...], edges: [...], from, to, reverse}
      peek: -1, // node shown in the panel without being selected (from the path list)
    };
    const isVis = (i) => !fHidden[i] && (nbMask === null || nbMask[i] === 1);

    /* ------------------------------------------------------------ the graph */
    const GraphCtor = graphology.Graph || graphology;
    const graph = new GraphCtor({ type: 'directed', multi, allowSelfLoops: true });
    for (let i = 0; i < N; i++) {
      const r = rows[i];
      graph.addNode(i, { x: +r[fx] || 0, y: +r[fy] || 0, label: r[F.label] || r[F.id] });
    }
    for (let j = 0; j < M; j++) graph.addDirectedEdgeWithKey(j, eS[j], eT[j]);
    const tBuilt = performance.now();

    const nodeReducer = (key, a) => {
      const i = +key;
      a.size = sizeA[i];
      if (fHidden[i] || (nbMask !== null && nbMask[i] === 0)) {
        a.hidden = true;
        return a;
      }
      const k = kindA[i] + 1, o = inC[i] ? 0 : 1;
      if (focusActive) {
        const e = emphN[i];
        a.color = pal[e ? o : 2 + o][k];
        if (e === 2) {
          if (a.size < SIZE_SEL) a.size = SIZE_SEL;
          a.highlighted = true;
          a.forceLabel = true;
          a.zIndex = 2;
        } else if (e === 1) {
          a.zIndex = 1;
        }
      } else {
        a.color = pal[o][k];
      }
      return a;
    };
    const edgeReducer = (key, a) => {
      const j = +key;
      const r = eR[j];
      if (r >= 0 && r < relAllowed.length && !relAllowed[r]) {
        a.hidden = true;
        return a;
      }
      const info = relInfo[r] || REL_INFO.cites;
      const e = emphE[j];
      if (e === 2) {
        a.color = PATH_COLOUR;
        a.size = EDGE_SIZE * 4;
        a.zIndex = 2;
      } else if (e === 1) {
        a.color = info[2];
        a.size = EDGE_SIZE * 2;
        a.zIndex = 1;
      } else {
        a.color = focusActive ? info[3] : info[1];
        a.size = EDGE_SIZE;
      }
      return a;
    };

    const container = $('cg-graph');
    const renderer = new Sigma(graph, container, {
      nodeReducer,
      edgeReducer,
      defaultEdgeType: BIG ? 'line' : 'arrow',
      defaultNodeColor: OTHER,
      defaultEdgeColor: '#b4bcc6',
      renderEdgeLabels: false,
      enableEdgeClickEvents: false,
      enableEdgeWheelEvents: false,
      enableEdgeHoverEvents: false,
      hideEdgesOnMove: BIG,
      hideLabelsOnMove: HUGE,
      labelRenderedSizeThreshold: HUGE ? 10 : BIG ? 8 : 7,
      labelDensity: BIG ? 0.4 : 0.8,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      labelSize: 12,
      labelColor: { color: '#1f2933' },
      zIndex: !BIG,
      minCameraRatio: 0.002,
      maxCameraRatio: 20,
    });
    const camera = renderer.getCamera();
    const tRendered = performance.now();

    /* ------------------------------------------------------------ id lookup and search index */
    let idIndex = null;
    function indexOfId(id) {
      if (idIndex === null) {
        idIndex = new Map();
        for (let i = 0; i < N; i++) idIndex.set(rows[i][F.id], i);
      }
      const i = idIndex.get(id);
      return i === undefined ? -1 : i;
    }

    let search = null; // built on first use
    function searchIndex() {
      if (search) return search;
      const byName = new Map(); // idKey(id) and idKey(label) -> [nodes]
      const byNumber = new Map(); // idKey(number) -> [nodes]
      const add = (m, k, i) => {
        if (!k) return;
        const l = m.get(k);
        if (l === undefined) m.set(k, [i]);
        else if (l[l.length - 1] !== i) l.push(i);
      };
      for (let i = 0; i < N; i++) {
        const r = rows[i];
        add(byName, idKey(r[F.id]), i);
        if (r[F.label]) add(byName, idKey(r[F.label]), i);
        if (r[F.number]) add(byNumber, idKey(r[F.number]), i);
      }
      search = { byName, byNumber, hay: null };
      return search;
    }
    // preference among kinds when a bare number is asked for
    const KIND_PREF = ['bt_drucksache', 'br_drucksache', 'bt_plenarprotokoll', 'bt_ausschussdrucksache',
      'lt_drucksache', 'landtag_drucksache', 'eu_legal_act', 'eu_com_doc', 'eu_council_doc', 'document', 'url', 'question'];
    const kindRank = kindNames.map((k) => { const p = KIND_PREF.indexOf(k); return p < 0 ? KIND_PREF.length : p; });
    const kindIdx = (name) => kindNames.indexOf(name);
    // the words before a number that name its kind; generic ones only prefer a kind
    const PREFIXES = [
      [/^(bundestags?-?drucksachen?|bt-?drucksachen?|bt-?drs\.?|btdrs\.?|bt-?ds\.?)\s*/, ['bt_drucksache'], true],
      [/^(bundesrats?-?drucksachen?|br-?drucksachen?|br-?drs\.?|brdrs\.?)\s*/, ['br_drucksache'], true],
      [/^(landtags?-?drucksachen?|lt-?drucksachen?|lt-?drs\.?|ltdrs\.?)\s*/, ['lt_drucksache', 'landtag_drucksache'], true],
      [/^(bt-?)?(plenarprotokoll|plpr\.?)\s*/, ['bt_plenarprotokoll'], true],
      [/^(bt-?)?(ausschussdrucksache|ausschuss-drucksache|a-?drs\.?)\s*/, ['bt_ausschussdrucksache'], true],
      [/^(ratsdok(ument)?\.?|rat-?dok\.?|st\.?)\s*/, ['eu_council_doc'], true],
      [/^celex:?\s*/, ['eu_legal_act'], true],
      [/^(drucksachen?|drs\.?|ds\.?)\s*/, ['bt_drucksache'], false],
    ];
    function sortByKindPref(list) {
      return list.slice().sort((a, b) => (kindRank[kindA[a]] ?? 99) - (kindRank[kindA[b]] ?? 99) ||
        (inC[b] - inC[a]) || (a - b));
    }
    function idMatches(q) {
      const S = searchIndex();
      const out = [];
      const seen = new Set();
      const push = (list) => { for (const i of list) if (!seen.has(i)) { seen.add(i); out.push(i); } };
      const k = idKey(q);
      if (!k) return out;
      const variants = [k];
      // "Verordnung (EU) 2021/821", "Richtlinie (EU) 2019/1024"
      variants.push(k.replace(/^verordnung/, 'vo').replace(/^richtlinie/, 'rl'));
      for (const v of variants) { const l = S.byName.get(v); if (l) push(sortByKindPref(l)); }
      const fq = fold(q).trim();
      let rest = fq, kinds = null, strict = false;
      for (const [re, ks, st] of PREFIXES) {
        const m = re.exec(fq);
        if (m && m[0].length < fq.length) {
          rest = fq.slice(m[0].length);
          kinds = ks.map(kindIdx).filter((x) => x >= 0);
          strict = st;
          break;
        }
      }
      const rk = idKey(rest);
      if (!/\d/.test(rk)) return out;
      let cand = S.byNumber.get(rk) || [];
      if (!cand.length && kinds && kinds.length) {
        // "Bundesrat-Drucksache 103/25" names 103/25(B) too
        const more = [];
        for (const [key, list] of S.byNumber) if (key.startsWith(rk + '(')) more.push(...list);
        cand = more;
      }
      if (kinds !== null && strict) cand = cand.filter((i) => kinds.includes(kindA[i]));
      cand = sortByKindPref(cand);
      if (kinds !== null && !strict && kinds.length) // generic "Drs.": the preferred kind first
        cand.sort((a, b) => (kinds.includes(kindA[b]) ? 1 : 0) - (kinds.includes(kindA[a]) ? 1 : 0));
      push(cand);
      return out;
    }
    function titleMatches(q, exclude, limit) {
      const S = searchIndex();
      const words = fold(q).split(/\s+/).filter(Boolean);
      if (!words.length) return { list: [], total: 0 };
      if (S.hay === null) {
        S.hay = new Array(N);
        for (let i = 0; i < N; i++) {
          const r = rows[i];
          S.hay[i] = fold((r[F.title] || '') + ' \u0001 ' + (r[F.label] || '') + ' ' + r[F.id]);
        }
      }
      const hits = [];
      for (let i = 0; i < N; i++) {
        const h = S.hay[i];
        let ok = true;
        for (let w = 0; w < words.length; w++) if (h.indexOf(words[w]) < 0) { ok = false; break; }
        if (ok && !exclude.has(i)) hits.push(i);
      }
      hits.sort((a, b) => (inC[b] - inC[a]) || (degA[b] - degA[a]) || (a - b));
      return { list: hits.slice(0, limit), total: hits.length };
    }
    function runSearch(q, limit) {
      const ids = idMatches(q);
      const t = titleMatches(q, new Set(ids), limit);
      return { list: ids.concat(t.list).slice(0, limit), total: ids.length + t.total };
    }

    /* ------------------------------------------------------------ filters */
    const groupsBox = $('cg-filter-groups');
    const filterGroups = {}; // name -> {inputs: [...]}
    function countBy(arr, lo, n) {
      const c = new Int32Array(n);
      for (let i = 0; i < arr.length; i++) c[arr[i] - lo]++;
      return c;
    }
    function makeGroup(name, title, options, open) {
      // options: [{value, label, count}]
      const det = el('details', 'cg-group');
      det.dataset.group = name;
      if (open) det.open = true;
      const sum = el('summary', null, title);
      const sumCount = el('span', 'cg-sum');
      sum.appendChild(sumCount);
      det.appendChild(sum);
      const an = el('div', 'cg-allnone');
      const bAll = el('button', null, 'all');
      bAll.type = 'button';
      const bNone = el('button', null, 'none');
      bNone.type = 'button';
      an.append(bAll, bNone);
      if (options.length > 2) det.appendChild(an);
      const box = el('div', 'cg-opts');
      const inputs = [];
      for (const o of options) {
        const lab = el('label', 'cg-check');
        const inp = el('input');
        inp.type = 'checkbox';
        inp.checked = true;
        inp.dataset.filter = name;
        inp.value = o.value;
        if (o.swatch) {
          const sw = el('span', 'cg-swatch');
          sw.style.background = o.swatch;
          lab.append(inp, sw);
        } else lab.appendChild(inp);
        lab.appendChild(el('span', 'cg-opt', o.label));
        lab.appendChild(el('span', 'cg-count', o.count.toLocaleString('en')));
        if (o.tip) lab.title = o.tip;
        box.appendChild(lab);
        inputs.push(inp);
        // on the input itself: a test's synthetic event need not bubble
        inp.addEventListener('change', () => { upd(); applyFilters(); });
        inp.addEventListener('input', () => { upd(); applyFilters(); });
      }
      det.appendChild(box);
      groupsBox.appendChild(det);
      const g = { inputs, sumCount, det };
      function upd() {
        const on = inputs.filter((x) => x.checked).length;
        sumCount.textContent = on === inputs.length ? 'all' : on + ' of ' + inputs.length;
      }
      g.update = upd;
      upd();
      bAll.addEventListener('click', () => { inputs.forEach((x) => { x.checked = true; }); upd(); applyFilters(); });
      bNone.addEventListener('click', () => { inputs.forEach((x) => { x.checked = false; }); upd(); applyFilters(); });
      filterGroups[name] = g;
      return g;
    }
    {
      const ci = countBy(issA, -1, T.issuer.length + 1);
      const ISSUER = { BT: 'Bundestag', BR: 'Bundesrat', EU: 'European Union', LT: 'Landtage' };
      const opts = T.issuer.map((s, t) => ({ value: s, label: ISSUER[s] ? s + ' \u2013 ' + ISSUER[s] : s, count: ci[t + 1] }));
      if (ci[0]) opts.push({ value: '', label: 'none (questions, web pages, files)', count: ci[0] });
      makeGroup('issuer', 'Issuer (Herausgeber)', opts, true);

      const cw = countBy(wpA, 0, maxWp + 1);
      const wo = [];
      for (let w = maxWp; w >= 1; w--) if (cw[w]) wo.push({ value: String(w), label: w + '. Wahlperiode', count: cw[w] });
      if (cw[0]) wo.push({ value: '0', label: 'none', count: cw[0] });
      makeGroup('wahlperiode', 'Wahlperiode', wo, false);

      const ct = countBy(typeA, -1, T.type.length + 1);
      const to = T.type.map((s, t) => ({ value: s, label: s, count: ct[t + 1] }));
      if (ct[0]) to.push({ value: '', label: 'none (unknown type)', count: ct[0] });
      makeGroup('type', 'Document type (Drucksachentyp)', to, false);

      const ck = countBy(kindA, -1, kindNames.length + 1);
      const ko = kindNames.map((s, k) => ({ value: s, label: kindLabel(k), count: ck[k + 1], swatch: kindCol[k], tip: s }));
      makeGroup('kind', 'Kind', ko, false);

      let nin = 0;
      for (let i = 0; i < N; i++) nin += inC[i];
      makeGroup('corpus', 'Corpus', [
        { value: 'in', label: 'in the corpus (read)', count: nin },
        { value: 'out', label: 'cited only (outside the corpus)', count: N - nin },
      ], true);

      const cr = countBy(eR, 0, Math.max(relNames.length, 1));
      makeGroup('relation', 'Relation (edges)', relNames.map((s, r) => ({ value: s, label: relInfo[r][0], count: cr[r], swatch: relInfo[r][2] })), true);
    }
    const authorInput = $('cg-filter-author');
    const dateFrom = $('cg-date-from');
    const dateTo = $('cg-date-to');
    const undated = $('cg-date-undated');
    {
      let lo = 0, hi = 0;
      for (let i = 0; i < N; i++) {
        const d = dateA[i];
        if (!d) continue;
        if (!lo || d < lo) lo = d;
        if (d > hi) hi = d;
      }
      const fmt = (d) => String(Math.floor(d / 10000)).padStart(4, '0') + '-' + String(Math.floor(d / 100) % 100).padStart(2, '0') + '-' + String(d % 100).padStart(2, '0');
      if (lo) {
        dateFrom.min = dateTo.min = fmt(lo);
        dateFrom.max = dateTo.max = fmt(hi);
        dateFrom.placeholder = fmt(lo);
        dateTo.placeholder = fmt(hi);
      }
    }
    const parseDateInput = (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? +s.slice(0, 4) * 10000 + +s.slice(5, 7) * 100 + +s.slice(8, 10) : 0);

    function allowedTable(name, values, offset) {
      // values: the table; offset 1 when index -1 (value "") is possible
      const g = filterGroups[name];
      const allow = new Uint8Array(values.length + offset).fill(1);
      if (!g) return allow;
      for (const inp of g.inputs) {
        if (inp.checked) continue;
        if (inp.value === '' && offset) allow[0] = 0;
        else {
          const t = values.indexOf(inp.value);
          if (t >= 0) allow[t + offset] = 0;
        }
      }
      return allow;
    }

    let lastFilterSig = null;
    function filterSig() {
      let sig = '';
      for (const g of Object.values(filterGroups)) for (const inp of g.inputs) sig += inp.checked ? '1' : '0';
      return sig + '|' + authorInput.value.trim() + '|' + dateFrom.value + '|' + dateTo.value + '|' + undated.checked;
    }
    function applyFilters() {
      const sig = filterSig();
      if (sig === lastFilterSig) return; // change and input of one click
      lastFilterSig = sig;
      const aIss = allowedTable('issuer', T.issuer, 1);
      const aType = allowedTable('type', T.type, 1);
      const aKind = allowedTable('kind', kindNames, 1);
      const aWp = new Uint8Array(maxWp + 1).fill(1);
      for (const inp of filterGroups.wahlperiode.inputs) if (!inp.checked) aWp[+inp.value] = 0;
      const aC = [1, 1];
      for (const inp of filterGroups.corpus.inputs) if (!inp.checked) aC[inp.value === 'in' ? 1 : 0] = 0;
      relAllowed.fill(1);
      for (const inp of filterGroups.relation.inputs) if (!inp.checked) { const r = relNames.indexOf(inp.value); if (r >= 0) relAllowed[r] = 0; }
      const needle = fold(authorInput.value.trim());
      let authorOk = null;
      if (needle) {
        authorOk = new Uint8Array(T.author.length);
        T.author.forEach((a, t) => { if (fold(a).includes(needle)) authorOk[t] = 1; });
      }
      const from = parseDateInput(dateFrom.value), to = parseDateInput(dateTo.value);
      const keepUndated = undated.checked;
      const fa = F.authors;
      for (let i = 0; i < N; i++) {
        let h = !aIss[issA[i] + 1] || !aType[typeA[i] + 1] || !aKind[kindA[i] + 1] || !aWp[wpA[i]] || !aC[inC[i]];
        if (!h) {
          const d = dateA[i];
          if (!d) h = !keepUndated;
          else h = (from && d < from) || (to && d > to);
        }
        if (!h && authorOk !== null) {
          const au = rows[i][fa];
          let ok = false;
          if (au) for (let k = 0; k < au.length; k++) if (authorOk[au[k][0]]) { ok = true; break; }
          h = !ok;
        }
        fHidden[i] = h ? 1 : 0;
      }
      afterVisibilityChange();
    }

    function computeNeighbourhood() {
      if (!state.nb || !state.sel.length) { nbMask = null; return; }
      const mask = new Uint8Array(N);
      let front = state.sel.slice();
      for (const s of front) mask[s] = 1;
      for (let d = 0; d < state.nb; d++) {
        const next = [];
        for (const u of front) {
          for (let k = OUT.start[u]; k < OUT.start[u + 1]; k++) { const v = eT[OUT.list[k]]; if (!mask[v]) { mask[v] = 1; next.push(v); } }
          for (let k = IN.start[u]; k < IN.start[u + 1]; k++) { const v = eS[IN.list[k]]; if (!mask[v]) { mask[v] = 1; next.push(v); } }
        }
        front = next;
      }
      nbMask = mask;
    }

    function countVisible() {
      let n = 0;
      for (let i = 0; i < N; i++) if (isVis(i)) n++;
      let m = 0;
      for (let j = 0; j < M; j++) {
        const r = eR[j];
        if ((r < 0 || r >= relAllowed.length || relAllowed[r]) && isVis(eS[j]) && isVis(eT[j])) m++;
      }
      visN = n;
      visE = m;
    }

    function afterVisibilityChange() {
      computeNeighbourhood();
      countVisible();
      updateStatus();
      renderer.scheduleRefresh();
      if (state.sel.length || state.peek >= 0) renderPanel();
    }

    function updateStatus() {
      const nf = (x) => x.toLocaleString('en');
      let s = (visN === N ? 'all ' + nf(N) + ' documents' : nf(visN) + ' of ' + nf(N) + ' documents') + ', ' +
        (visE === M ? 'all ' + nf(M) + ' citations' : nf(visE) + ' of ' + nf(M) + ' citations') + ' shown';
      if (state.nb && !state.sel.length) s += ' (neighbourhood: select a document)';
      $('cg-status').textContent = s;
    }

    function resetFilters() {
      for (const g of Object.values(filterGroups)) { g.inputs.forEach((x) => { x.checked = true; }); g.update(); }
      authorInput.value = '';
      dateFrom.value = '';
      dateTo.value = '';
      undated.checked = true;
      applyFilters();
    }

    let authorTimer = 0;
    authorInput.addEventListener('input', () => {
      // the flags follow at once on small graphs; on big ones after a pause in typing
      if (!BIG) { applyFilters(); return; }
      clearTimeout(authorTimer);
      authorTimer = setTimeout(applyFilters, 200);
    });
    authorInput.addEventListener('change', () => { clearTimeout(authorTimer); applyFilters(); });
    for (const inp of [dateFrom, dateTo]) {
      inp.addEventListener('change', applyFilters);
      inp.addEventListener('input', applyFilters);
    }
    undated.addEventListener('change', applyFilters);
    $('cg-reset-filters').addEventListener('click', resetFilters);

    /* ------------------------------------------------------------ selection, highlight, path */
    function edgeBetween(u, v) {
      for (let k = OUT.start[u]; k < OUT.start[u + 1]; k++) { const j = OUT.list[k]; if (eT[j] === v) return j; }
      return -1;
    }
    function bfsPath(from, to) { // citegraph path: breadth-first, neighbours in ascending index
      if (from === to) return [from];
      const parent = new Int32Array(N).fill(-1);
      parent[from] = from;
      const queue = new Int32Array(N);
      let head = 0, tail = 0;
      queue[tail++] = from;
      while (head < tail) {
        const u = queue[head++];
        for (let k = OUT.start[u]; k < OUT.start[u + 1]; k++) {
          const v = eT[OUT.list[k]];
          if (parent[v] !== -1) continue;
          parent[v] = u;
          if (v === to) {
            const p = [v];
            let w = v;
            while (w !== from) { w = parent[w]; p.push(w); }
            return p.reverse();
          }
          queue[tail++] = v;
        }
      }
      return null;
    }

    function updateEmphasis() {
      emphN.fill(0);
      emphE.fill(0);
      const sel = state.sel;
      for (const u of sel) {
        emphN[u] = 2;
        for (let k = OUT.start[u]; k < OUT.start[u + 1]; k++) { const j = OUT.list[k]; emphE[j] = 1; if (!emphN[eT[j]]) emphN[eT[j]] = 1; }
        for (let k = IN.start[u]; k < IN.start[u + 1]; k++) { const j = IN.list[k]; emphE[j] = 1; if (!emphN[eS[j]]) emphN[eS[j]] = 1; }
      }
      if (state.path && state.path.nodes.length) {
        for (const u of state.path.nodes) emphN[u] = 2;
        for (const j of state.path.edges) emphE[j] = 2;
      }
      focusActive = sel.length > 0 || !!(state.path && state.path.nodes.length);
    }

    function selectionChanged(opts) {
      opts = opts || {};
      if (!opts.keepPath) state.path = null;
      state.peek = -1;
      updateEmphasis();
      if (state.nb) afterVisibilityChange();
      else renderer.scheduleRefresh();
      $('cg-path').disabled = state.sel.length < 2;
      renderPathList();
      renderPanel();
      if (!opts.noHash) writeHash();
    }

    function select(i, add, opts) {
      if (i < 0 || i >= N) return;
      if (add) {
        const at = state.sel.indexOf(i);
        if (at >= 0) state.sel.splice(at, 1);
        state.sel.push(i);
      } else state.sel = [i];
      selectionChanged(opts);
      if (opts && opts.focus) focusNode(i);
    }
    function deselect(i) {
      const at = state.sel.indexOf(i);
      if (at < 0) return;
      state.sel.splice(at, 1);
      selectionChanged();
    }
    function clearSelection() {
      if (!state.sel.length && !state.path && state.peek < 0) return;
      state.sel = [];
      selectionChanged();
    }

    function showPath(opts) {
      opts = opts || {};
      if (state.sel.length < 2) return;
      const a = state.sel[0], b = state.sel[1];
      let nodes = bfsPath(a, b), reverse = false;
      if (!nodes) { nodes = bfsPath(b, a); reverse = !!nodes; }
      const edges = [];
      if (nodes) for (let k = 1; k < nodes.length; k++) edges.push(edgeBetween(nodes[k - 1], nodes[k]));
      state.path = { nodes: nodes || [], edges, from: a, to: b, reverse };
      updateEmphasis();
      renderer.scheduleRefresh();
      renderPathList();
      if (!opts.noHash) writeHash();
    }

    function renderPathList() {
      const ol = $('cg-path-list');
      const note = $('cg-path-note');
      ol.textContent = '';
      note.textContent = '';
      const p = state.path;
      if (!p) {
        if (state.sel.length >= 2) note.textContent = 'Path from ' + nodeLabel(state.sel[0]) + ' to ' + nodeLabel(state.sel[1]) + ': press the button.';
        else note.textContent = 'Select two documents (Shift+click, Shift+Enter in the search) for the path between them.';
        return;
      }
      if (!p.nodes.length) {
        ol.textContent = 'no path';
        note.textContent = 'No citation path between ' + nodeLabel(p.from) + ' and ' + nodeLabel(p.to) + ', in either direction.';
        return;
      }
      const steps = p.nodes.length - 1;
      note.textContent = (p.reverse
        ? 'No path from ' + nodeLabel(p.from) + ' to ' + nodeLabel(p.to) + '; the reverse: '
        : '') + steps + ' step' + (steps === 1 ? '' : 's') + ', from ' + nodeLabel(p.nodes[0]) + ' (citing) to ' + nodeLabel(p.nodes[steps]) + ' (cited).';
      p.nodes.forEach((u, k) => {
        const li = el('li');
        li.dataset.id = nodeId(u);
        li.appendChild(el('span', 'cg-other', nodeLabel(u)));
        if (k < p.edges.length && p.edges[k] >= 0) {
          const r = eR[p.edges[k]];
          li.appendChild(el('span', 'cg-rel cg-rel-' + (relNames[r] || 'cites'), (relNames[r] || 'cites') + ' \u2193'));
        }
        const t = rows[u][F.title];
        if (t) li.title = t;
        li.addEventListener('click', () => { state.peek = u; renderPanel(); focusNode(u); });
        ol.appendChild(li);
      });
    }

    /* ------------------------------------------------------------ camera */
    function focusNode(i) {
      const d = renderer.getNodeDisplayData(String(i));
      if (!d) return;
      const st = camera.getState();
      camera.animate({ x: d.x, y: d.y, ratio: Math.min(st.ratio, BIG ? 0.15 : 0.6) }, { duration: 400 });
    }

    /* ------------------------------------------------------------ panel */
    const panel = $('cg-panel');
    const LIST_FIRST = 200;
    function fmtWhere(p) {
      const f = T.file[p[0]];
      const file = f === undefined ? '?' : f;
      return file + (p[1] ? '#' + p[1] : '') + ':' + p[2] + ':' + p[3];
    }
    function citationItem(j, other) {
      const e = erows[j];
      const li = el('li', 'cg-citation');
      li.dataset.id = nodeId(other);
      const head = el('div');
      head.appendChild(el('span', 'cg-other', nodeLabel(other)));
      const rel = relNames[eR[j]] || 'cites';
      head.appendChild(el('span', 'cg-rel cg-rel-' + rel, rel));
      const cnt = e[FE.count];
      if (cnt > 1) head.appendChild(el('span', 'cg-rel', '\u00d7' + cnt));
      const locs = e[FE.locators];
      head.appendChild(el('span', 'cg-locator', Array.isArray(locs) ? locs.join(', ') : ''));
      if (!isVis(other)) head.appendChild(el('span', 'cg-badge cg-hid', 'hidden'));
      li.appendChild(head);
      const r = rows[other];
      const par = r[F.parent];
      const sub = [r[F.type] >= 0 ? T.type[r[F.type]] : null, r[F.date], r[F.title],
        typeof par === 'number' && par >= 0 && par < N ? 'in ' + nodeLabel(par) : null].filter(Boolean).join(' \u00b7 ');
      if (sub) li.appendChild(el('span', 'cg-other-title', sub));
      const pos = e[FE.positions];
      if (Array.isArray(pos)) {
        for (const p of pos) {
          const d = el('div', 'cg-pos');
          d.appendChild(el('span', 'cg-where', fmtWhere(p)));
          d.appendChild(el('span', 'cg-quote', p[4] === null || p[4] === undefined ? '' : p[4]));
          li.appendChild(d);
        }
      }
      return li;
    }
    function citationList(ulId, adj, otherOf, i) {
      const ul = el('ul', 'cg-cits');
      ul.id = ulId;
      const a = adj.start[i], b = adj.start[i + 1];
      const n = b - a;
      const upto = Math.min(n, LIST_FIRST);
      for (let k = a; k < a + upto; k++) { const j = adj.list[k]; ul.appendChild(citationItem(j, otherOf[j])); }
      const frag = doc.createDocumentFragment();
      frag.appendChild(ul);
      if (n > upto) {
        const more = el('button', 'cg-showall', 'show all ' + n.toLocaleString('en'));
        more.type = 'button';
        more.addEventListener('click', () => {
          for (let k = a + upto; k < b; k++) { const j = adj.list[k]; ul.appendChild(citationItem(j, otherOf[j])); }
          more.remove();
        });
        frag.appendChild(more);
      }
      return frag;
    }
    function metaRow(dl, term, value) {
      if (value === null || value === undefined || value === '') return null;
      dl.appendChild(el('dt', null, term));
      const dd = el('dd');
      if (value instanceof Node) dd.appendChild(value);
      else dd.textContent = String(value);
      dl.appendChild(dd);
      return dd;
    }
    function renderPanel() {
      panel.textContent = '';
      const i = state.peek >= 0 ? state.peek : state.sel.length ? state.sel[state.sel.length - 1] : -1;
      if (i < 0) {
        panel.appendChild(el('p', 'cg-note', 'Click a document in the graph, or search for one, to see its metadata and its citations in both directions.'));
        return;
      }
      if (state.sel.length > 1 || state.peek >= 0) {
        const box = el('div', 'cg-selected');
        box.appendChild(el('span', 'cg-note', 'Selected:'));
        state.sel.forEach((u, k) => {
          const chip = el('span', 'cg-chip' + (u === i ? ' cg-current' : ''), (k + 1) + '. ' + nodeLabel(u) + ' \u00d7');
          chip.title = 'Remove ' + nodeId(u) + ' from the selection';
          chip.dataset.id = nodeId(u);
          chip.addEventListener('click', () => deselect(u));
          box.appendChild(chip);
        });
        panel.appendChild(box);
      }
      const r = rows[i];
      const h = el('h2', null, nodeLabel(i));
      h.appendChild(el('span', 'cg-badge' + (inC[i] ? '' : ' cg-out'), inC[i] ? 'in the corpus' : 'cited only'));
      if (!isVis(i)) h.appendChild(el('span', 'cg-badge cg-hid', 'hidden by the filters'));
      panel.appendChild(h);
      const idEl = el('div', null, r[F.id]);
      idEl.id = 'cg-panel-id';
      panel.appendChild(idEl);
      if (r[F.title]) panel.appendChild(el('p', 'cg-title', r[F.title]));
      const dl = el('dl', 'cg-meta');
      metaRow(dl, 'Kind', kindLabel(kindA[i]));
      metaRow(dl, 'Type', r[F.type] >= 0 ? T.type[r[F.type]] : null);
      metaRow(dl, 'Date', r[F.date]);
      metaRow(dl, 'Wahlperiode', wpA[i] ? String(wpA[i]) : null);
      metaRow(dl, 'Issuer', issA[i] >= 0 ? T.issuer[issA[i]] : null);
      metaRow(dl, 'Number', r[F.number]);
      const au = r[F.authors];
      if (Array.isArray(au) && au.length) {
        const byRole = new Map();
        for (const [a, ro] of au) {
          const role = T.role[ro] || '';
          if (!byRole.has(role)) byRole.set(role, []);
          byRole.get(role).push(T.author[a] === undefined ? '?' : T.author[a]);
        }
        for (const [role, names] of byRole) metaRow(dl, ROLE_LABEL[role] || (role ? role[0].toUpperCase() + role.slice(1) : 'Author'), names.join('; '));
      }
      const par = r[F.parent];
      if (typeof par === 'number' && par >= 0 && par < N) {
        const a = el('a', null, nodeLabel(par));
        a.href = '#';
        a.addEventListener('click', (ev) => { ev.preventDefault(); select(par, ev.shiftKey, { focus: true }); });
        metaRow(dl, 'Part of', a);
      }
      metaRow(dl, 'Corpus', inC[i] ? 'in the corpus (read from its file)' : kindNames[kindA[i]] === 'question' ? 'a question of a document' : 'cited only (outside the corpus)');
      const fidx = r[F.file];
      if (typeof fidx === 'number' && fidx >= 0) metaRow(dl, 'File', T.file[fidx] + (r[F.record] ? '#' + r[F.record] : ''));
      if (r[F.record]) metaRow(dl, 'DIP record', 'record ' + r[F.record] + ' of the file');
      metaRow(dl, 'Cited by', degA[i].toLocaleString('en') + ' document' + (degA[i] === 1 ? '' : 's') + ' (in-degree)');
      metaRow(dl, 'PageRank', prA[i].toPrecision(3));
      if (r[F.url]) {
        const a = el('a', null, r[F.url]);
        a.id = 'cg-panel-link';
        // only web addresses: the data is the library's, but a link is a link
        a.href = /^https?:\/\//i.test(r[F.url]) ? r[F.url] : '#';
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        metaRow(dl, 'Official source', a);
      }
      panel.appendChild(dl);
      const nOut = OUT.start[i + 1] - OUT.start[i], nIn = IN.start[i + 1] - IN.start[i];
      panel.appendChild(el('h3', null, 'Cites (' + nOut.toLocaleString('en') + ')'));
      panel.appendChild(citationList('cg-cites', OUT, eT, i));
      panel.appendChild(el('h3', null, 'Cited by (' + nIn.toLocaleString('en') + ')'));
      panel.appendChild(citationList('cg-cited-by', IN, eS, i));
    }
    panel.addEventListener('click', (ev) => {
      const li = ev.target.closest && ev.target.closest('li.cg-citation');
      if (!li || !panel.contains(li)) return;
      if (ev.target.closest('a')) return;
      const sel = window.getSelection && window.getSelection();
      if (sel && String(sel).length > 0 && li.contains(sel.anchorNode)) return; // selecting text to copy
      const u = indexOfId(li.dataset.id);
      if (u >= 0) select(u, ev.shiftKey, { focus: true });
    });

    /* ------------------------------------------------------------ search box */
    const sInput = $('cg-search');
    const sList = $('cg-search-results');
    let sResults = [];
    let sActive = -1;
    let sTimer = 0;
    function showResults() {
      const q = sInput.value.trim();
      sList.textContent = '';
      sActive = -1;
      if (!q) { sResults = []; sList.hidden = true; return; }
      const res = runSearch(q, 50);
      sResults = res.list;
      if (!sResults.length) {
        sList.appendChild(el('li', 'cg-more', 'nothing found'));
      }
      sResults.forEach((i) => {
        const li = el('li');
        li.dataset.id = nodeId(i);
        li.setAttribute('role', 'option');
        li.appendChild(el('span', 'cg-res-label', nodeLabel(i)));
        const r = rows[i];
        const meta = [r[F.type] >= 0 ? T.type[r[F.type]] : kindLabel(kindA[i]), r[F.date]].filter(Boolean).join(', ');
        if (meta) li.appendChild(el('span', 'cg-res-hidden', meta));
        if (!isVis(i)) li.appendChild(el('span', 'cg-res-hidden', 'hidden'));
        if (r[F.title]) li.appendChild(el('span', 'cg-res-title', r[F.title]));
        else if (r[F.parent] >= 0 && r[F.parent] < N) li.appendChild(el('span', 'cg-res-title', 'in ' + nodeLabel(r[F.parent])));
        sList.appendChild(li);
      });
      if (res.total > sResults.length)
        sList.appendChild(el('li', 'cg-more', (res.total - sResults.length).toLocaleString('en') + ' more: type more words'));
      sList.hidden = false;
    }
    function setActive(k) {
      const items = sList.querySelectorAll('li[data-id]');
      if (!items.length) return;
      sActive = (k + items.length) % items.length;
      items.forEach((li, n) => li.classList.toggle('cg-active', n === sActive));
      items[sActive].scrollIntoView({ block: 'nearest' });
    }
    sInput.addEventListener('input', () => {
      clearTimeout(sTimer);
      if (!BIG) showResults();
      else sTimer = setTimeout(showResults, 150);
    });
    sInput.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown') { ev.preventDefault(); if (sList.hidden) showResults(); setActive(sActive + 1); } else if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(sActive - 1); } else if (ev.key === 'Enter') {
        ev.preventDefault();
        clearTimeout(sTimer);
        const q = sInput.value.trim();
        if (!q) return;
        let i = -1;
        if (sActive >= 0 && sActive < sResults.length && !sList.hidden) i = sResults[sActive];
        else {
          const res = runSearch(q, 50);
          if (res.list.length) i = res.list[0];
          showResults();
        }
        if (i >= 0) {
          select(i, ev.shiftKey, { focus: true });
          sList.hidden = true;
        }
      } else if (ev.key === 'Escape') {
        if (!sList.hidden) { sList.hidden = true; ev.stopPropagation(); } else { sInput.value = ''; }
      }
    });
    sList.addEventListener('mousedown', (ev) => ev.preventDefault()); // keep the focus in the box
    sList.addEventListener('click', (ev) => {
      const li = ev.target.closest('li[data-id]');
      if (!li) return;
      const i = indexOfId(li.dataset.id);
      if (i >= 0) { select(i, ev.shiftKey, { focus: true }); sList.hidden = true; }
    });
    sInput.addEventListener('focus', () => { if (sInput.value.trim() && sList.hidden) showResults(); });
    // The list closes a little after the box loses the focus, so that a click on
    // a result still lands; but not when the focus came back in the meantime
    // (a click elsewhere and straight back into the box, then typing).
    sInput.addEventListener('blur', () => {
      setTimeout(() => { if (doc.activeElement !== sInput) sList.hidden = true; }, 150);
    });

    /* ------------------------------------------------------------ other controls */
    const sizeSel = $('cg-size-by');
    sizeSel.addEventListener('change', () => {
      computeSizes(sizeSel.value === 'pagerank' ? 'pagerank' : 'indegree');
      renderer.refresh();
      buildLegend();
    });
    const nbSel = $('cg-neighbourhood');
    nbSel.addEventListener('change', () => {
      state.nb = +nbSel.value || 0;
      afterVisibilityChange();
      writeHash();
    });
    $('cg-path').addEventListener('click', () => showPath());
    $('cg-clear').addEventListener('click', clearSelection);
    doc.addEventListener('keydown', (ev) => {
      const t = ev.target;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
      if (ev.key === 'Escape' && !typing) clearSelection();
      else if (ev.key === '/' && !typing) { ev.preventDefault(); sInput.focus(); sInput.select(); }
    });

    renderer.on('clickNode', (e) => {
      const i = +e.node;
      const o = e.event && e.event.original;
      select(i, !!(o && (o.shiftKey || o.ctrlKey || o.metaKey)));
    });
    // the title of the hovered document, next to the pointer
    const tip = el('div', 'cg-note');
    tip.id = 'cg-tip';
    tip.style.cssText = 'position:absolute;pointer-events:none;background:rgba(255,255,255,.95);border:1px solid #d9dee3;border-radius:4px;padding:3px 6px;max-width:360px;font-size:12px;color:#1f2933;display:none;z-index:4;';
    $('cg-graph-wrap').appendChild(tip);
    renderer.on('enterNode', (e) => {
      const i = +e.node;
      const r = rows[i];
      tip.textContent = '';
      tip.appendChild(el('b', null, nodeLabel(i)));
      const meta = [r[F.type] >= 0 ? T.type[r[F.type]] : kindLabel(kindA[i]), r[F.date], inC[i] ? null : 'cited only'].filter(Boolean).join(', ');
      if (meta) tip.appendChild(el('div', null, meta));
      if (r[F.title]) tip.appendChild(el('div', null, r[F.title].length > 200 ? r[F.title].slice(0, 200) + '\u2026' : r[F.title]));
      const ev = e.event;
      tip.style.left = Math.min(ev.x + 14, container.clientWidth - 370) + 'px';
      tip.style.top = (ev.y + 14) + 'px';
      tip.style.display = 'block';
      container.style.cursor = 'pointer';
    });
    renderer.on('leaveNode', () => { tip.style.display = 'none'; container.style.cursor = ''; });

    /* ------------------------------------------------------------ time axis */
    const axis = $('cg-axis');
    const TA = D.layout === 'time' && D.time_axis && D.time_axis.from && D.time_axis.to ? D.time_axis : null;
    let undatedX = null;
    if (TA) {
      let sx = 0, n = 0;
      for (let i = 0; i < N; i++) if (!dateA[i]) { sx += +rows[i][fx]; n++; }
      if (n) undatedX = typeof TA.x_undated === 'number' ? TA.x_undated : sx / n;
    }
    const dayNum = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
    const parseDay = (s) => dayNum(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
    function drawAxis() {
      if (!TA) return;
      axis.textContent = '';
      const d0 = parseDay(TA.from), d1 = parseDay(TA.to);
      const span = d1 - d0 || 1;
      const xOf = (day) => TA.x_from + (TA.x_to - TA.x_from) * (day - d0) / span;
      const vx = (day) => renderer.graphToViewport({ x: xOf(day), y: 0 }).x;
      const W = container.clientWidth;
      const y0 = +TA.from.slice(0, 4), y1 = +TA.to.slice(0, 4) + 1;
      const pxYear = Math.abs(vx(dayNum(y0 + 1, 1, 1)) - vx(dayNum(y0, 1, 1)));
      const every = pxYear < 28 ? 10 : pxYear < 55 ? 5 : pxYear < 90 ? 2 : 1;
      const months = pxYear > 900 ? 1 : pxYear > 300 ? 3 : 0;
      const MN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      // no tick left of the first date: the undated band stands there
      for (let y = y0; y <= y1; y++) {
        const x = vx(Math.max(dayNum(y, 1, 1), d0));
        if (x >= -50 && x <= W + 50 && (y % every === 0 || y === y0) &&
            (y === y0 || dayNum(y, 1, 1) > d0)) {
          const t = el('div', 'cg-tick');
          t.style.left = x + 'px';
          t.appendChild(el('span', null, String(y)));
          axis.appendChild(t);
        }
        if (months) {
          for (let m = 1 + months; m <= 12; m += months) {
            if (dayNum(y, m, 1) <= d0) continue;
            const xm = vx(dayNum(y, m, 1));
            if (xm < -50 || xm > W + 50) continue;
            const t = el('div', 'cg-tick cg-minor');
            t.style.left = xm + 'px';
            t.appendChild(el('span', null, MN[m - 1]));
            axis.appendChild(t);
          }
        }
      }
      if (undatedX !== null) {
        const x = renderer.graphToViewport({ x: undatedX, y: 0 }).x;
        if (x > -40 && x < W + 40) {
          const u = el('div', 'cg-undated', 'undated');
          u.style.left = x + 'px';
          axis.appendChild(u);
        }
      }
    }
    if (TA) {
      renderer.on('afterRender', drawAxis);
      drawAxis();
    }

    /* ------------------------------------------------------------ legend */
    function buildLegend() {
      const lg = $('cg-legend');
      lg.textContent = '';
      lg.appendChild(el('h2', null, 'Legend'));
      lg.appendChild(el('h3', null, 'Node colour: kind'));
      const ul = el('ul');
      const ck = countBy(kindA, -1, kindNames.length + 1);
      kindNames.forEach((k, idx) => {
        const li = el('li');
        const sw = el('span', 'cg-swatch');
        sw.style.background = kindCol[idx];
        li.append(sw, el('span', null, kindLabel(idx) + ' (' + ck[idx + 1].toLocaleString('en') + ')'));
        ul.appendChild(li);
      });
      lg.appendChild(ul);
      lg.appendChild(el('h3', null, 'Corpus'));
      const u2 = el('ul');
      const c0 = kindCol[Math.max(0, kindIdx('bt_drucksache'))] || OTHER;
      for (const [c, t] of [[c0, 'strong colour: in the corpus (a document that was read)'], [mix(c0, 0.55), 'pale colour: cited only (outside the corpus), or a question']]) {
        const li = el('li');
        const sw = el('span', 'cg-swatch');
        sw.style.background = c;
        li.append(sw, el('span', null, t));
        u2.appendChild(li);
      }
      lg.appendChild(u2);
      lg.appendChild(el('h3', null, 'Edge colour: relation (citing \u2192 cited)'));
      const u3 = el('ul');
      relNames.forEach((rn, r) => {
        const li = el('li');
        const sw = el('span', 'cg-line');
        sw.style.borderTopColor = relInfo[r][2];
        li.append(sw, el('span', null, relInfo[r][0]));
        u3.appendChild(li);
      });
      {
        const li = el('li');
        const sw = el('span', 'cg-line');
        sw.style.borderTopColor = PATH_COLOUR;
        sw.style.borderTopWidth = '4px';
        li.append(sw, el('span', null, 'the path between two selected documents'));
        u3.appendChild(li);
      }
      lg.appendChild(u3);
      if (!BIG) lg.appendChild(el('p', null, 'Arrows point from the citing to the cited document.'));
      else lg.appendChild(el('p', null, 'Edges point from the citing to the cited document; they are hidden while the view moves.'));
      lg.appendChild(el('h3', null, 'Node size'));
      const what = sizeInfo.by === 'pagerank' ? 'PageRank' : 'in-degree: the number of documents citing it';
      lg.appendChild(el('p', null, 'Radius grows with the square root of the ' + what + ' (so the area is proportional to it), from ' +
        (sizeInfo.by === 'pagerank' ? sizeInfo.min.toPrecision(2) : sizeInfo.min) + ' to ' +
        (sizeInfo.by === 'pagerank' ? sizeInfo.max.toPrecision(2) : sizeInfo.max) +
        (sizeInfo.maxNode >= 0 ? ' (' + nodeLabel(sizeInfo.maxNode) + ')' : '') + '.'));
      lg.appendChild(el('h3', null, 'Selection'));
      lg.appendChild(el('p', null, 'Selected documents are boxed with their label, their citations drawn dark; the rest of the graph is dimmed.'));
      if (TA) {
        lg.appendChild(el('h3', null, 'Time axis'));
        lg.appendChild(el('p', null, 'Layout "time": x is the date, from ' + TA.from + ' to ' + TA.to +
          ' (years marked along the bottom). Documents without a date stand in the column on the left.'));
      } else {
        lg.appendChild(el('p', null, 'Positions come from a force-directed layout computed by citegraph: documents that cite each other stand close.'));
      }
    }
    buildLegend();

    /* ------------------------------------------------------------ URL fragment */
    let lastHash = null;
    function writeHash() {
      const parts = [];
      if (state.sel.length) parts.push('sel=' + state.sel.map((i) => encodeURIComponent(nodeId(i))).join(','));
      if (state.nb) parts.push('nb=' + state.nb);
      if (state.path) parts.push('path=1');
      const h = parts.length ? '#' + parts.join('&') : '';
      if (h === lastHash) return;
      lastHash = h;
      const url = location.href.replace(/#.*$/, '') + h;
      try {
        history.replaceState(null, '', url);
      } catch (e) {
        /* some browsers refuse history changes on file: pages; the page works without */
      }
    }
    function readHash() {
      const h = location.hash.replace(/^#/, '');
      const out = { sel: [], nb: 0, path: false };
      for (const part of h.split('&')) {
        const eq = part.indexOf('=');
        if (eq < 0) continue;
        const k = part.slice(0, eq), v = part.slice(eq + 1);
        if (k === 'sel') {
          for (const s of v.split(',')) {
            if (!s) continue;
            let id;
            try { id = decodeURIComponent(s); } catch (e) { id = s; }
            const i = indexOfId(id);
            if (i >= 0 && !out.sel.includes(i)) out.sel.push(i);
          }
        } else if (k === 'nb') out.nb = v === '1' ? 1 : v === '2' ? 2 : 0;
        else if (k === 'path') out.path = v === '1';
      }
      return out;
    }
    function restoreFromHash() {
      const h = readHash();
      state.sel = h.sel;
      state.nb = h.nb;
      nbSel.value = String(h.nb);
      selectionChanged({ noHash: true });
      afterVisibilityChange();
      if (h.path && state.sel.length >= 2) showPath({ noHash: true });
      lastHash = location.hash && location.hash !== '#' ? location.hash : '';
      writeHash();
    }
    window.addEventListener('hashchange', restoreFromHash);

    /* ------------------------------------------------------------ test API, ready */
    api.nodeCount = () => N;
    api.edgeCount = () => M;
    api.visibleNodeCount = () => visN;
    api.visibleEdgeCount = () => visE;
    api.isVisible = (id) => { const i = indexOfId(id); return i >= 0 && isVis(i); };
    api.selected = () => state.sel.map(nodeId);
    api.pathIds = () => (state.path ? state.path.nodes.map(nodeId) : []);
    api.select = (id, add) => { const i = indexOfId(id); if (i >= 0) select(i, !!add, { focus: true }); return i >= 0; };
    api.search = (q) => runSearch(String(q), 50).list.map(nodeId);
    api.renderer = renderer;
    api.graph = graph;

    countVisible();
    updateStatus();
    renderPathList();
    if (location.hash && location.hash.length > 1) restoreFromHash();
    else if (state.sel.length === 0) renderPanel();

    requestAnimationFrame(() => {
      // the frame sigma drew in its constructor is on the screen now
      const tReady = performance.now();
      api.timings = {
        parse_ms: Math.round(tParsed - t0), build_ms: Math.round(tBuilt - tParsed),
        first_render_ms: Math.round(tRendered - tBuilt), script_start_ms: Math.round(t0), ready_ms: Math.round(tReady),
      };
      api.ready = true;
      doc.body.dataset.ready = '1';
      performance.mark('cg-ready');
    });
  }
})();
