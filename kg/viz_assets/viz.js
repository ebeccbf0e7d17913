/* paper-kg view: tooltips, details panel and search on top of pyvis' `network`.
 * Every string from the corpus reaches the page as DOM text (textContent), never as HTML,
 * so a title holding an HTML tag with an event handler shows as those characters and runs nothing. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var net = window.network;
  var state = { ready: false, firstDrawMs: null, errors: [] };
  window.kgViz = state;
  if (!net) { state.errors.push("vis-network did not start"); return; }
  var container = document.getElementById("mynetwork");
  var tip = document.getElementById("kg-tooltip");
  var panel = document.getElementById("kg-details");
  var search = document.getElementById("kg-search");
  var mouse = { x: 0, y: 0 };
  var MAX_LIST = 300;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function nodeInfo(id) { return data.nodes[id] || { name: String(id), label: "" }; }
  function edgeInfo(id) { return data.edges[id] || {}; }
  // evidence: a sentence of the paper's abstract is kept as its place there ("at"), cut out here
  function evidence(item, paperId) {
    if (item.sentence) return item.sentence;
    var abstract = item.at ? nodeInfo(paperId).abstract : "";
    return abstract ? abstract.slice(item.at[0], item.at[1]) : "";
  }
  function colourOf(id) {
    var n = net.body.data.nodes.get(id);
    return n && n.color && n.color.background ? n.color.background : "#777";
  }
  function badge(id) {
    var b = el("span", nodeInfo(id).label || "node", "kg-badge");
    b.style.backgroundColor = colourOf(id);
    return b;
  }
  function list(values, limit) {
    var shown = values.slice(0, limit).join(", ");
    return values.length > limit ? shown + " … (+" + (values.length - limit) + ")" : shown;
  }
  function link(url) {
    var text = String(url);
    if (!/^https?:\/\//i.test(text)) return el("span", text);  // javascript: and the like stay text
    var a = el("a", text);
    a.href = text; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function jump(id, text) {
    var b = el("button", text, "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function field(dl, name, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  /* Tooltips */
  function tooltipFor(kind, id) {
    var box = document.createDocumentFragment();
    if (kind === "node") {
      var n = nodeInfo(id);
      box.appendChild(el("div", n.label, "kg-tip-type"));
      box.appendChild(el("strong", n.name));
      if (n.label === "Paper") {
        if (n.year) box.appendChild(el("div", n.year));
      } else {
        if (n.aliases && n.aliases.length) box.appendChild(el("div", "also: " + list(n.aliases, 8)));
        if (n.support !== undefined) box.appendChild(el("div", "support: " + n.support + (n.support === 1 ? " paper" : " papers")));
      }
      box.appendChild(el("div", n.degree + " connection" + (n.degree === 1 ? "" : "s") + " here · click for details", "kg-hint"));
    } else {
      var e = edgeInfo(id);
      box.appendChild(el("div", e.type, "kg-tip-type"));
      box.appendChild(el("strong", nodeInfo(e.from).name + " → " + nodeInfo(e.to).name));
      if (e.text) box.appendChild(el("div", "as written: “" + e.text + "”"));
      var said = evidence(e, e.from);
      if (said) box.appendChild(el("blockquote", said));
    }
    return box;
  }
  function place() {
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = mouse.x + 14, y = mouse.y + 14;
    if (x + w > window.innerWidth) x = mouse.x - w - 14;
    if (y + h > window.innerHeight) y = mouse.y - h - 14;
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }
  function showTip(kind, id) { tip.replaceChildren(tooltipFor(kind, id)); tip.hidden = false; place(); }
  function hideTip() { tip.hidden = true; }
  container.addEventListener("mousemove", function (ev) {
    mouse.x = ev.clientX; mouse.y = ev.clientY;
    if (!tip.hidden) place();
  });
  net.on("hoverNode", function (p) { if (overHub === null) showTip("node", p.node); });
  net.on("hoverEdge", function (p) { showTip("edge", p.edge); });
  net.on("blurNode", function () { if (overHub === null) hideTip(); });
  net.on("blurEdge", hideTip);
  net.on("dragStart", hideTip);
  net.on("zoom", hideTip);

  /* Details panel */
  var hint = panel.firstElementChild ? panel.firstElementChild.cloneNode(true) : null;
  function clearPanel() { panel.replaceChildren(); if (hint) panel.appendChild(hint.cloneNode(true)); }
  function showNode(id) {
    var n = nodeInfo(id);
    panel.replaceChildren();
    panel.scrollTop = 0;  // a jump from a long connections list opens the new node at its top
    panel.appendChild(badge(id));
    panel.appendChild(el("h2", n.name));
    var dl = el("dl");
    field(dl, "key", n.key);
    if (n.external_id) field(dl, "input id", n.external_id);
    if (n.merged_ids) field(dl, "merged copies' ids", list(n.merged_ids, 12));
    field(dl, "year", n.year);
    if (n.authors) field(dl, "authors", list(n.authors, 12));
    if (n.support !== undefined) field(dl, "support", n.support + (n.support === 1 ? " paper" : " papers"));
    if (n.aliases) field(dl, "aliases", list(n.aliases, 30));
    if (n.url) field(dl, "url", link(n.url));
    else if (n.label === "Paper") {  // no address in the corpus: a title search finds the paper online
      var find = link("https://arxiv.org/search/?searchtype=title&query=" + encodeURIComponent(n.name));
      find.textContent = "search arXiv for this title";
      field(dl, "find", find);
    }
    if (n.links && n.links.length) {
      var links = el("div");
      n.links.slice(0, 10).forEach(function (u) { links.appendChild(link(u)); links.appendChild(el("br")); });
      field(dl, "links", links);
    }
    if (n.sources) field(dl, "sources", list(n.sources, 6));
    var undrawn = n.undrawn || [], notShown = n.undrawn_count || 0;
    field(dl, "in view", n.degree + " connection" + (n.degree === 1 ? "" : "s") + " drawn"
          + (notShown ? ", " + notShown + " more not drawn (listed below)" : ""));
    panel.appendChild(dl);
    if (n.abstract) panel.appendChild(el("p", n.abstract));
    // proposals first, then by relationship type, so "what does it propose?" is the first line
    var order = { PROPOSES: 0, USES: 1, EVALUATES_ON: 2, ADDRESSES: 3, MEASURES: 4, RELEASES_CODE: 5, VARIANT_OF: 6 };
    var edges = net.getConnectedEdges(id).slice().sort(function (a, b) {
      var ta = order[edgeInfo(a).type], tb = order[edgeInfo(b).type];
      return (ta === undefined ? 9 : ta) - (tb === undefined ? 9 : tb);
    });
    if (n.label !== "Paper") namedWith(id);
    if (edges.length) {
      panel.appendChild(el("h3", "Connections drawn (" + edges.length + ")"));
      var ol = el("ol");
      edges.slice(0, MAX_LIST).forEach(function (eid) {
        var e = edgeInfo(eid);
        var outgoing = e.from === String(id);
        var other = outgoing ? e.to : e.from;
        var li = el("li");
        li.appendChild(el("span", (outgoing ? e.type + " → " : "← " + e.type + " ") + ""));
        li.appendChild(jump(other, nodeInfo(other).name));
        var said = evidence(e, e.from);
        if (said) li.appendChild(el("blockquote", said));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
      if (edges.length > MAX_LIST) panel.appendChild(el("p", "… and " + (edges.length - MAX_LIST) + " more", "kg-hint"));
    }
    // what the cut to this view left out: a paper's own coinage, named by it alone, is the first to go
    if (!undrawn.length) return;
    panel.appendChild(el("h3", "Not drawn in this view (" + notShown + ")"));
    var rest = el("ol");
    undrawn.forEach(function (u) {
      var li = el("li");
      li.appendChild(el("span", u.out ? u.type + " → " : "← " + u.type + " "));
      li.appendChild(el("span", (u.label ? u.label + " " : "") + "\u201c" + u.name + "\u201d"));
      var said = evidence(u, id);
      if (said) li.appendChild(el("blockquote", said));
      li.appendChild(el("div", "kg viz --around " + shellQuote(u.key || u.name) + " draws it", "kg-hint"));
      rest.appendChild(li);
    });
    panel.appendChild(rest);
    if (notShown > undrawn.length) {
      panel.appendChild(el("p", "… and " + (notShown - undrawn.length) + " more: kg viz --around " + shellQuote(n.key || n.name)
                                + " draws them (the nearest first, up to --max-nodes)", "kg-hint"));
    }
  }
  /* For an entity: what the drawn papers that name it name most besides it ("models related to Llama 2"). */
  var NAMED_WITH = 10;
  function namedWith(id) {
    var counts = {};
    net.getConnectedNodes(id).forEach(function (paper) {
      if (nodeInfo(paper).label !== "Paper") return;
      net.getConnectedNodes(paper).forEach(function (other) {
        if (String(other) !== String(id) && nodeInfo(other).label !== "Paper") counts[other] = (counts[other] || 0) + 1;
      });
    });
    var top = Object.keys(counts).filter(function (o) { return counts[o] > 1; })
      .sort(function (a, b) { return counts[b] - counts[a] || (nodeInfo(a).name < nodeInfo(b).name ? -1 : 1); })
      .slice(0, NAMED_WITH);
    if (!top.length) return;
    panel.appendChild(el("h3", "Named with it in two or more drawn papers"));
    var ul = el("ul");
    top.forEach(function (o) {
      var li = el("li");
      li.appendChild(el("span", nodeInfo(o).label + " "));
      li.appendChild(jump(o, nodeInfo(o).name));
      li.appendChild(el("span", " (" + counts[o] + " papers)", "kg-hint"));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function showEdge(eid) {
    var e = edgeInfo(eid);
    panel.replaceChildren();
    panel.scrollTop = 0;
    panel.appendChild(el("span", "relationship", "kg-badge")).style.backgroundColor = "#555";
    panel.appendChild(el("h2", e.type));
    var dl = el("dl");
    field(dl, "from", jump(e.from, nodeInfo(e.from).name));
    field(dl, "to", jump(e.to, nodeInfo(e.to).name));
    field(dl, "as written", e.text);
    field(dl, "role", e.role);
    field(dl, "rule", e.rule);
    field(dl, "confidence", e.confidence);
    if (e.url) field(dl, "url", link(e.url));
    panel.appendChild(dl);
    var said = evidence(e, e.from);
    if (said) { panel.appendChild(el("h3", "Evidence")); panel.appendChild(el("blockquote", said)); }
  }
  function legendStrip() {  // the width the open legend takes at the canvas' left edge
    var legend = document.getElementById("kg-legend");
    return legend && legend.getBoundingClientRect().width > 0 ? legend.offsetWidth + 12 : 0;  // folded, it is still a strip
  }
  /* The open legend explains the opening view, which fitView draws beside it. Zoomed or panned, the
   * graph runs under it and it would hide the names there, so it folds by itself, once: a reader who
   * has clicked in it (to open, close or filter) keeps it as they left it. */
  var legendBox = document.getElementById("kg-legend"), legendTouched = false;
  if (legendBox) legendBox.addEventListener("click", function (ev) { if (ev.isTrusted) legendTouched = true; });  // not focusNode's own
  function foldLegend() { if (legendBox && legendBox.open && !legendTouched) legendBox.open = false; }
  net.on("zoom", foldLegend);
  net.on("dragStart", foldLegend);
  function focusNode(id) {
    foldLegend();  // before legendStrip() measures it: the node lands beside the folded legend
    var body = net.body.nodes[id];
    if (body && body.options.hidden) {  // found by a search while its type is switched off: switch it back on
      var entry = document.querySelector('#kg-legend li[data-kg-label="' + String(body.options.kgType).replace(/"/g, "") + '"]');
      if (entry) entry.click();
    }
    focused = id;
    net.selectNodes([id]);
    // in a crowded view a paper's title is drawn only zoomed in: land where it is, beside the legend
    var scale = nodeInfo(id).label === "Paper" ? (data.paperScale || 1.0) : 1.0;
    net.focus(id, { scale: Math.max(net.getScale(), scale), offset: { x: legendStrip() / 2, y: 0 },
                    animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
    fade();
  }
  function unfocus() { focused = null; hideTip(); net.unselectAll(); clearPanel(); say(""); fade(); }
  /* A selection fades every node and edge it does not touch, so its neighbours stand out. */
  var FADED = 0.15, faded = false;
  /* The drawn nodes' and edges' own options are set in place, then one redraw: a DataSet update of
   * every item took 0.3 s a click on a 1,500-node page and 1 s on 5,000. */
  function fade() {
    var near = focused === null ? null : neighbourhoodOf(focused);
    if (!near && !faded) return;
    var nodes = net.body.nodes, edges = net.body.edges;
    Object.keys(nodes).forEach(function (nid) { nodes[nid].options.opacity = near && !near[nid] ? FADED : 1; });
    Object.keys(edges).forEach(function (eid) {
      var edge = edges[eid];
      var lit = !near || String(edge.fromId) === String(focused) || String(edge.toId) === String(focused);
      edge.options.color.opacity = lit ? 0.7 : 0.08;
    });
    faded = !!near;
    state.faded = faded;
    net.redraw();
  }
  function neighbourhoodOf(id) {
    var near = {};
    near[id] = true;
    net.getConnectedNodes(id).forEach(function (other) { near[other] = true; });
    return near;
  }
  /* The names drawn for hubs are the page's, not vis-network's: a click or hover on one means its node. */
  function hubAt(x, y) {
    var boxes = state.hubLabels || [];
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) return b.id;
    }
    return null;
  }
  function onDisc(id, at) {
    var body = net.body.nodes[id];
    if (!body) return false;
    var c = net.canvasToDOM({ x: body.x, y: body.y });
    var r = (body.shape && body.shape.radius || body.options.size || 5) * net.getScale() + 2;
    return (at.x - c.x) * (at.x - c.x) + (at.y - c.y) * (at.y - c.y) <= r * r;
  }
  net.on("click", function (p) {
    hideTip();
    // a node's disc under the pointer wins; else a hub's name drawn there (vis-network's own hit test
    // counts a node's hidden label box too, which took the clicks meant for a name drawn over it)
    var hub = p.nodes.length && onDisc(p.nodes[0], p.pointer.DOM) ? null : hubAt(p.pointer.DOM.x, p.pointer.DOM.y);
    if (hub !== null) { focusNode(hub); return; }
    if (p.nodes.length) { focused = p.nodes[0]; showNode(p.nodes[0]); fade(); }
    else if (p.edges.length) { focused = null; fade(); showEdge(p.edges[0]); }
    else unfocus();  // empty canvas: nothing is selected, so the panel shows nothing
  });
  var overHub = null;
  container.addEventListener("mousemove", function (ev) {
    var r = container.getBoundingClientRect();
    var at = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    var under = net.getNodeAt(at);
    var hub = under !== undefined && onDisc(under, at) ? null : hubAt(at.x, at.y);
    if (hub === overHub) return;
    overHub = hub;
    container.style.cursor = hub !== null ? "pointer" : "";
    if (hub !== null) showTip("node", hub); else hideTip();
  });

  /* Search: Enter jumps to the next node whose name, alias or key contains the text. */
  // lower case without accents: "Godel" finds Gödel and "Erdos" Erdős, as `kg query search_papers` reads them;
  // letters NFKD keeps whole are spelled as a keyboard without them writes them ("Lukasz" finds Łukasz)
  var UNDECOMPOSED = { "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i" };
  function plain(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[łøđßæœþı]/g, function (c) { return UNDECOMPOSED[c]; });
  }
  // "GSM-8k", "gsm 8k" and "GSM8K" are one name, as `kg query` reads them
  function fold(text) { return plain(text).replace(/[\s\-_.\/'’]+/g, ""); }
  var haystack = Object.keys(data.nodes).map(function (id) {
    var n = nodeInfo(id);
    // a paper's input id too, and those of the copies merged into it as duplicates
    var all = [n.name].concat(n.aliases || [], n.external_id ? [n.external_id] : [], n.merged_ids || []);
    var ids = [n.key || id].concat(n.external_id ? [n.external_id] : [], n.merged_ids || []).map(plain);
    return { id: id, name: plain(n.name), all: plain(all.join("\u0000")), ids: ids,
             key: plain(n.key || id), folded: fold(n.name), foldedAll: all.map(fold).join("\u0000") };
  });
  var elsewhere = [];  // the nodes left out of this view, each label's names (page.py's _by_label)
  Object.keys(data.elsewhere || {}).forEach(function (label) {
    data.elsewhere[label].forEach(function (name) {
      elsewhere.push({ name: name, label: label, key: plain(name), folded: fold(name) });
    });
  });
  elsewhere.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
  var status = document.getElementById("kg-search-status");
  function say(text, info) {
    status.textContent = text; status.hidden = !text; status.classList.toggle("kg-info", !!info);
    var note = document.getElementById("kg-message");  // below the view's note, not over its advice
    status.style.top = note && !note.hidden ? note.getBoundingClientRect().bottom + 4 + "px" : "";
  }
  function miss(q) {
    search.classList.add("kg-miss");
    net.unselectAll();
    clearPanel();
    var fq = fold(q);
    var other = exactlyElsewhere(q, [])
      || elsewhere.filter(function (h) { return h.key.indexOf(q) >= 0 || (fq && h.folded.indexOf(fq) >= 0); })[0];
    // not a node, but written in abstracts here: say so, and offer the first such paper
    var mentioned = other ? [] : Object.keys(data.nodes).filter(function (id) {
      var n = nodeInfo(id);
      return n.label === "Paper" && n.abstract && plain(n.abstract).indexOf(q) >= 0;
    });
    say(other ? "The " + notDrawn(other, " is in the graph but not in this view")
              : mentioned.length ? "“" + search.value.trim() + "” is no node (no rule found a name in it), but the abstract of "
                + mentioned.length + " paper" + (mentioned.length > 1 ? "s" : "") + " here mentions it, e.g. “" + nodeInfo(mentioned[0]).name + "”"
              : "No match for “" + search.value.trim() + "” in the graph" + meant(fq));
  }
  // a typo ("LibriSpeeech"): the node name closest in spelling, within two edits
  function meant(fq) {
    if (fq.length < 4) return "";
    var best = null, bestCost = 3;
    haystack.forEach(function (h) {
      if (Math.abs(h.folded.length - fq.length) >= bestCost) return;
      var cost = edits(fq, h.folded, bestCost);
      if (cost < bestCost) { best = h; bestCost = cost; }
    });
    return best ? "; did you mean “" + nodeInfo(best.id).name + "”?" : "";
  }
  function edits(a, b, limit) {  // Levenshtein distance, or limit once every path costs that much
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
        low = Math.min(low, cur[j]);
      }
      if (low >= limit) return limit;
      prev = cur;
    }
    return prev[b.length];
  }
  function wordStart(name, q) {  // whether q starts a word somewhere in name
    for (var at = name.indexOf(q); at >= 0; at = name.indexOf(q, at + 1)) {
      if (at === 0 || !/[a-z0-9]/.test(name.charAt(at - 1))) return true;
    }
    return false;
  }
  // an entity of exactly this name left out of the view, when what matched is something else
  // (titles holding "MALT" while the MALT method is not drawn): say where it is
  function exactlyElsewhere(q, found) {  // the left-out node of exactly this name, however spaced or hyphened
    var fq = fold(q);
    return elsewhere.filter(function (h) {
      return (h.key === q || (fq && h.folded === fq)) && !found.some(function (f) { return sameNode(f, h); });
    })[0];
  }
  // a drawn node of that name and type stands for it (two papers' coinages of one name): nothing to add
  function sameNode(hit, other) { return hit.name === other.key && nodeInfo(hit.id).label === other.label; }
  // the hit is confirmed first: the node left out is another one, which the search did not miss
  function offPage(q, found, hit) {
    var other = exactlyElsewhere(q, found);
    if (!other) return "";
    var n = nodeInfo(hit.id);
    return "found the " + described(n.label, cut(n.name, FOUND_CHARS)) + "; the " + notDrawn(other, " is not in this view");
  }
  var FOUND_CHARS = 60;  // the found node's name is whole in the panel: a long title is cut here, not the note
  function cut(text, limit) { return text.length <= limit ? text : text.slice(0, limit - 1).replace(/\s+$/, "") + "…"; }
  // as `kg viz` names nodes (kg.lookup.describe): the paper “TITLE”, Method “MALT”
  function described(label, name) { return (label === "Paper" ? "paper" : label || "node") + " “" + name + "”"; }
  function mergedInto(q, h) {  // found by the id of a copy merged into this paper: say so
    if ((nodeInfo(h.id).merged_ids || []).map(plain).indexOf(q) < 0) return "";
    return "“" + search.value.trim() + "” is the id of a copy merged into this paper as a duplicate";
  }
  function notDrawn(other, where) {
    return described(other.label, other.name) + where + ": kg viz --around " + shellQuote(other.name) + " draws it";
  }
  function shellQuote(text) {  // a command the reader can paste into a shell as it is
    return /^[A-Za-z0-9_.\/:@%+=-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";
  }
  var lastQuery = null, hits = [], at = 0, weakOnly = false;
  search.addEventListener("input", function () { search.classList.remove("kg-miss"); say(""); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    // an arXiv id with a version or a prefix ("arXiv:2403.09876v2"), or arXiv's DOI, is the paper stored without
    // them, and a DOI written as a link ("https://doi.org/10.1145/ABC.123") the paper stored with it bare (kg.ingest.identity.canonical_id)
    var q = plain(search.value.trim()).replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)(?=10\.)/, "")
      .replace(/^10\.48550\/arxiv\./, "").replace(/^arxiv:\s*/, "").replace(/^(\d{4}\.\d{4,5})v\d+$/, "$1");
    if (!q) return;
    if (q !== lastQuery) {
      lastQuery = q; at = 0;
      // the name itself (however spaced or hyphened) or an id of the node (its key, its input id or that
      // of a copy merged into it: "17" finds the paper 17 was merged into before "SemEval-2017 Task 4"),
      // then names starting with the text, holding it
      // at a word's start, inside a word, then aliases and keys; last, names that hold it only once
      // spaces and hyphens are dropped ("malt" in "Optimal Transport")
      var fq = fold(q);
      var rank = function (h) {
        if (h.name === q || (fq && h.folded === fq) || h.ids.indexOf(q) >= 0) return 0;
        var at = h.name.indexOf(q);
        if (at === 0) return 1;
        if (at > 0) return wordStart(h.name, q) ? 2 : 3;
        // a key ("dataset:gsm8k") is written without spaces: only a key's own text finds it, not "s4" in "kinetics400"
        if (h.all.indexOf(q) >= 0 || h.key === q || (q.indexOf(":") > 0 && h.key.indexOf(q) >= 0)) return 4;
        if (fq && h.folded.indexOf(fq) === 0) return 5;
        return fq && h.foldedAll.indexOf(fq) >= 0 ? 6 : 7;
      };
      var ranked = haystack.map(function (h, i) { return { h: h, r: rank(h), i: i }; })
        .filter(function (x) { return x.r < 7; })
        .sort(function (a, b) { return a.r - b.r || a.h.name.length - b.h.name.length || a.i - b.i; });
      // only names that hold the text across a space ("s4" in "Kinetics-400"), while an entity of
      // exactly that name is left out of the view: say where that one is instead of jumping
      weakOnly = ranked.length > 0 && ranked[0].r >= 5 && exactlyElsewhere(q, []) !== undefined;
      hits = ranked.map(function (x) { return x.h; });
    }
    if (!hits.length || weakOnly) { miss(q); return; }
    search.classList.remove("kg-miss");
    // one hit is confirmed as several are, so that a search that worked never looks like one that did nothing
    var count = hits.length > 1 ? (at % hits.length + 1) + " of " + hits.length + " matches · Enter for the next" : "1 of 1 match";
    var hit = hits[at % hits.length];
    say([count, mergedInto(q, hit), offPage(q, hits, hit)].filter(Boolean).join(" · "), true);
    focusNode(hit.id);
    at += 1;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") unfocus();
  });
  var message = document.getElementById("kg-message");
  var dismiss = document.getElementById("kg-message-close");
  if (message && dismiss) dismiss.addEventListener("click", function () { message.hidden = true; net.redraw(); });
  if (legendBox && window.innerWidth < 900) legendBox.open = false;  // a small screen keeps the graph in view

  /* Hub labels. Zoomed out, vis-network hides every label, so a big view opens as unnamed dots.
   * Name the entities whose own label is hidden or tiny, at a fixed screen size, most-supported
   * first (the papers that name them, then links), skipping any that would overlap a label already
   * placed or the legend: dense cores get a few names, not a pile, and the names are the hubs'.
   * A hub whose own label vis-network draws readably keeps that space: no lesser name is drawn
   * over it. Papers are left out: their titles are too long to place. */
  var HUB_LABEL_MAX = 40, HUB_LABEL_TOP = 8, HUB_LABEL_PX = 12, HUB_LABEL_VIS_DRAWN_PX = 8, HUB_LABEL_MIN_READABLE_PX = 11, HUB_CANDIDATES = 400;
  function weight(id) { var n = nodeInfo(id); return [n.support || 0, n.degree || 0]; }
  var hubs = Object.keys(data.nodes)
    .filter(function (id) { var n = nodeInfo(id); return n.label !== "Paper" && n.degree > 1; })
    .sort(function (a, b) {
      var wa = weight(a), wb = weight(b);
      return wb[0] - wa[0] || wb[1] - wa[1] || (a < b ? -1 : 1);
    })
    .slice(0, HUB_CANDIDATES);
  state.hubLabels = [];
  state.keptLabels = [];
  function ownLabelBox(body, scale) {  // where vis-network drew this node's label, in screen pixels
    var size = body.labelModule && body.labelModule.size;
    if (!size || !size.width) return null;
    var at = net.canvasToDOM({ x: size.left, y: size.top });
    return { x: at.x, y: at.y, w: size.width * scale, h: size.height * scale };
  }
  function overlaps(box, boxes) {
    return boxes.some(function (o) { return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h; });
  }
  /* The names are placed before vis-network draws, so that a hub named here has its own small
   * label left out of the frame (one name per node, never a large name over its own tiny copy),
   * and painted after it, over the edges. */
  var planned = [], silenced = {};
  function noLabel() {}
  /* A selected node (a click or a search) and its neighbours keep their names; every other name
   * steps aside, so the found node's name is not covered by a stranger's ("GSM8K" under a
   * repository's label in a crowded view). Escape, or a click on empty canvas, brings them back. */
  var QUIET_MIN_NODES = 150;  // a smaller view's names are readable as they are
  var focused = null;  // the node a click or a search chose (not a view's centre, nor a dragged node)
  function neighbourhood() {
    if (focused === null || Object.keys(data.nodes).length <= QUIET_MIN_NODES) return null;
    if (net.getSelectedNodes().indexOf(focused) < 0) return null;  // dragging selects another node
    return neighbourhoodOf(focused);
  }
  function planHubLabels(ctx, near) {
    var scale = net.getScale();
    var width = container.clientWidth, height = container.clientHeight;
    var legend = document.getElementById("kg-legend");
    var taken = [];
    if (legend) {
      var lr = legend.getBoundingClientRect(), cr = container.getBoundingClientRect();
      taken.push({ x: lr.left - cr.left, y: lr.top - cr.top, w: lr.width, h: lr.height });
    }
    var placed = [], kept = [], discs = [];
    // a name never covers a node drawn big enough to see (a star under "supervised fine-tuning"),
    // except that the few best-supported hubs are named even in a dense core, beside their disc
    Object.keys(net.body.nodes).forEach(function (id) {
      var body = net.body.nodes[id];
      var r = (body.shape && body.shape.radius || body.options.size || 0) * scale;
      if (r < 8 || body.options.hidden || body.x === undefined) return;
      var c = net.canvasToDOM({ x: body.x, y: body.y });
      if (c.x < -r || c.y < -r || c.x > width + r || c.y > height + r) return;
      discs.push({ x: c.x - r, y: c.y - r, w: 2 * r, h: 2 * r });
    });
    ctx.save();
    ctx.font = HUB_LABEL_PX + "px system-ui, sans-serif";
    for (var i = 0; i < hubs.length && placed.length < HUB_LABEL_MAX; i++) {
      var body = net.body.nodes[hubs[i]];
      if (!body || body.options.hidden || !body.options.label || (near && !near[hubs[i]])) continue;
      // vis draws this label itself from 8 px up: no lesser name may cover it. Under 11 px it is
      // small next to ours (a big hub's name in tiny print), so ours replaces it if it fits
      var drawn = body.labelModule.fontOptions.size * scale;
      var own = drawn >= HUB_LABEL_VIS_DRAWN_PX ? ownLabelBox(body, scale) : null;
      if (own) { own.id = hubs[i]; own.text = body.options.label; kept.push(own); }
      if (drawn >= HUB_LABEL_MIN_READABLE_PX) continue;
      var at = net.canvasToDOM({ x: body.x, y: body.y });
      var text = body.options.label;
      var w = ctx.measureText(text).width + 4, h = HUB_LABEL_PX + 4;
      var r = (body.shape.radius || body.options.size || 5) * scale;
      var spots = [{ x: at.x - w / 2, y: at.y + r + 1 }, { x: at.x - w / 2, y: at.y - r - 1 - h },  // below, above,
                   { x: at.x + r + 2, y: at.y - h / 2 }, { x: at.x - r - 2 - w, y: at.y - h / 2 },  // right, left,
                   { x: at.x + r, y: at.y + r }, { x: at.x - r - w, y: at.y + r },  // then the corners
                   { x: at.x + r, y: at.y - r - h }, { x: at.x - r - w, y: at.y - r - h }];
      if (i < HUB_LABEL_TOP) {  // a top hub in a dense core: one label's height further out, rather than no name
        spots.push({ x: at.x - w / 2, y: at.y + r + 2 + h }, { x: at.x - w / 2, y: at.y - r - 2 - 2 * h });
      }
      var others = own ? kept.filter(function (k) { return k !== own; }) : kept;
      var rules = i < HUB_LABEL_TOP ? [discs, []] : [discs];  // the top hubs may cover lesser discs, not names
      var box = null;
      for (var pass = 0; pass < rules.length && !box; pass++) {
        for (var k = 0; k < spots.length && !box; k++) {
          var spot = { x: spots[k].x, y: spots[k].y, w: w, h: h };
          if (spot.x < 0 || spot.y < 0 || spot.x + w > width || spot.y + h > height) continue;
          if (overlaps(spot, taken) || overlaps(spot, rules[pass]) || overlaps(spot, others) || overlaps(spot, placed)) continue;
          box = spot;
        }
      }
      if (!box) continue;
      box.id = hubs[i]; box.text = text; box.cx = box.x + w / 2;
      placed.push(box);
    }
    ctx.restore();
    return { placed: placed, kept: kept };
  }
  net.on("beforeDrawing", function (ctx) {
    var near = neighbourhood();
    var plan = planHubLabels(ctx, near);
    planned = plan.placed;
    var now = {};
    planned.forEach(function (box) { now[box.id] = true; });  // named by us, at a readable size
    var quiet = near ? Object.keys(net.body.nodes).filter(function (id) { return !near[id]; }) : [];
    quiet.forEach(function (id) { now[id] = true; });
    Object.keys(now).forEach(function (id) {
      if (!silenced[id] && net.body.nodes[id]) net.body.nodes[id].labelModule.draw = noLabel;
    });
    Object.keys(silenced).forEach(function (id) {
      if (!now[id] && net.body.nodes[id]) delete net.body.nodes[id].labelModule.draw;  // its own label again
    });
    silenced = now;
    state.hubLabels = planned;
    state.keptLabels = plan.kept;
    state.quietLabels = quiet.length;
  });
  net.on("afterDrawing", function (ctx) {
    ctx.save();
    var ratio = (net.canvas && net.canvas.pixelRatio) || window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = HUB_LABEL_PX + "px system-ui, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff"; ctx.fillStyle = "#222222"; ctx.lineJoin = "round";
    planned.forEach(function (box) {
      ctx.strokeText(box.text, box.cx, box.y + 2);
      ctx.fillText(box.text, box.cx, box.y + 2);
    });
    ctx.restore();
  });

  state.showNode = showNode;
  state.showEdge = showEdge;
  state.focusNode = focusNode;
  /* The whole view in sight, beside the legend: fit() alone zooms small views in until a handful
   * of nodes fill the screen, and puts edge nodes' labels at the border. */
  var READABLE_PX = 9, MAX_LABEL_BOOST = 2;
  function fitView() {
    var strip = legendStrip();
    var whole = null;  // every node with its label, in canvas units: the scale must fit it beside the strip
    net.body.data.nodes.getIds().forEach(function (id) {
      if (net.body.nodes[id] && net.body.nodes[id].options.hidden) return;
      var bb = net.getBoundingBox(id);
      whole = whole ? { left: Math.min(whole.left, bb.left), right: Math.max(whole.right, bb.right),
                        top: Math.min(whole.top, bb.top), bottom: Math.max(whole.bottom, bb.bottom) } : bb;
    });
    var rect = container.getBoundingClientRect(), margin = 24;
    if (!whole) { net.moveTo({ scale: 1.0, offset: { x: strip / 2, y: 0 } }); return; }
    var scale = Math.min(1.0, (rect.width - strip - 2 * margin) / Math.max(whole.right - whole.left, 1),
                         (rect.height - 2 * margin) / Math.max(whole.bottom - whole.top, 1));
    net.moveTo({ position: { x: (whole.left + whole.right) / 2, y: (whole.top + whole.bottom) / 2 }, scale: scale,
                 offset: { x: strip / 2, y: 0 } });
  }
  /* A small view that fits only zoomed out draws its names in small print: its labels grow (in canvas
   * units, up to 2x) until they read at 9 px on screen. Only small views: a crowded one would pile them up. */
  function readableLabels() {
    if (Object.keys(data.nodes).length > 150) return;
    var boost = Math.min(MAX_LABEL_BOOST, READABLE_PX / (11 * net.getScale()));  // 11: the smallest label, in canvas units
    if (boost <= 1) return;
    // each node's own scaling, whole: vis-network replaces a nested option object rather than merge it
    net.body.data.nodes.update(net.body.data.nodes.getIds().map(function (id) {
      var own = net.body.nodes[id].options.scaling.label;
      return { id: id, scaling: { label: { enabled: true, min: own.min * boost, max: own.max * boost,
                                           drawThreshold: own.drawThreshold, maxVisible: own.maxVisible } } };
    }));
    state.labelBoost = boost;
  }
  state.labelBoost = 1;
  net.once("afterDrawing", function () {
    state.ready = true;
    state.firstDrawMs = performance.now();
    fitView();
    if (data.center !== null && data.center !== undefined) {  // an ego view opens on its centre's details, the whole view in sight
      readableLabels();
      fitView();  // the grown labels widen the view's box
      showNode(data.center);
    }
  });
  var fitButton = document.getElementById("kg-fit");
  if (fitButton) fitButton.addEventListener("click", fitView);
  state.fitView = fitView;
  /* Legend entries switch their type of node on and off. */
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend li[data-kg-label]"), function (li) {
    li.addEventListener("keydown", function (ev) {  // a button to the keyboard too
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); li.click(); }
    });
    li.addEventListener("click", function () {
      var label = li.getAttribute("data-kg-label"), off = !li.classList.contains("kg-off");
      li.classList.toggle("kg-off", off);
      li.setAttribute("aria-pressed", off ? "false" : "true");
      net.body.data.nodes.update(net.body.data.nodes.get({ filter: function (n) { return n.kgType === label; } })
        .map(function (n) { return { id: n.id, hidden: off }; }));
    });
  });
  if (data.center !== null && data.center !== undefined) net.selectNodes([data.center]);
  net.redraw();
})();
