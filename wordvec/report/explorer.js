// wordvec explorer: look around in word vectors, in one page opened from disk.
//
// Plain JavaScript, no library and no build step: wordvec/report/explorer.py copies
// this file into the page, with the data as JSON (see its docstring for the layout).
// Every computation happens here, on the vectors the page holds:
//   * neighbours: cosine against every word; the rows are unit vectors, so the
//     cosine is a dot product, as in KeyedVectors.most_similar;
//   * analogies a : b :: c : ?, by 3CosAdd: the word nearest to b - a + c,
//     the three query words left out, as the evaluation does;
//   * maps: the 2-D coordinates made in Python (PCA by default), drawn on a canvas.
// window.explorer exposes the same functions to the browser tests.
"use strict";

(function () {
  const TOPN = 10;                  // neighbours listed per model
  const COMPLETIONS = 20;           // words offered while typing
  const HIT_PIXELS = 8;             // how near a click must be to a point
  // matplotlib's tab20, dark shades first: 20 groups before a colour repeats.
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78",
                   "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7",
                   "#dbdb8d", "#9edae5"];
  const UNGROUPED = "rgba(90, 90, 90, 0.35)";

  const data = JSON.parse(document.getElementById("wordvec-data").textContent);
  const words = data.words;
  const wordIndex = new Map(words.map((word, i) => [word, i]));
  const state = { selected: -1, neighbours: [] };   // neighbours: one list per model

  // ------------------------------------------------------------------ the vectors

  function decodeFloats(base64) {
    // Little-endian float32 written by numpy; every browser in use is little-endian.
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new Float32Array(bytes.buffer);
  }

  const models = data.models.map((model) => ({
    name: model.name,
    dim: model.dim,
    vectors: decodeFloats(model.vectors),   // (words.length * dim), unit rows
    coords: decodeFloats(model.coords),     // (words.length * 2)
    caption: model.map,
  }));

  function row(model, i) {
    return model.vectors.subarray(i * model.dim, (i + 1) * model.dim);
  }

  // cosine(w, query) for every word w: query must be a unit vector.
  function cosines(model, query) {
    const n = words.length, dim = model.dim, v = model.vectors;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const base = i * dim;
      for (let k = 0; k < dim; k++) dot += v[base + k] * query[k];
      out[i] = dot;
    }
    return out;
  }

  // The best `count` words by score, skipping `exclude`; ties keep the more frequent first.
  function best(scores, count, exclude) {
    const chosen = [];   // [index, score], best first, at most `count` long
    for (let i = 0; i < scores.length; i++) {
      if (exclude.has(i) || Number.isNaN(scores[i])) continue;   // NaN ranks last, as in Python
      const s = scores[i];
      if (chosen.length === count && s <= chosen[count - 1][1]) continue;
      let at = chosen.length;
      while (at > 0 && s > chosen[at - 1][1]) at--;
      chosen.splice(at, 0, [i, s]);
      if (chosen.length > count) chosen.pop();
    }
    return chosen.map(([i, s]) => ({ word: words[i], score: s }));
  }

  function normalise(vector) {
    let length = 0;
    for (const x of vector) length += x * x;
    length = Math.sqrt(length);
    return length > 0 ? vector.map((x) => x / length) : vector;
  }

  function neighbours(model, word, count = TOPN) {
    const i = wordIndex.get(word);
    return best(cosines(model, normalise(Float64Array.from(row(model, i)))), count, new Set([i]));
  }

  function analogy(model, a, b, c, count = 1) {
    const [ia, ib, ic] = [a, b, c].map((w) => wordIndex.get(w));
    const [ra, rb, rc] = [ia, ib, ic].map((i) => row(model, i));
    const target = new Float64Array(model.dim);
    for (let k = 0; k < model.dim; k++) target[k] = rb[k] + rc[k] - ra[k];
    return best(cosines(model, normalise(target)), count, new Set([ia, ib, ic]));
  }

  // ------------------------------------------------------------------ the page

  const message = document.getElementById("message");
  const answer = document.getElementById("answer");
  const wordInput = document.getElementById("word");
  const completions = document.getElementById("completions");
  const container = document.getElementById("models");

  function say(text, isError = false) {
    message.textContent = text;
    message.className = isError ? "error" : "";
  }

  function unknown(word) {
    const close = words.filter((w) => w.startsWith(word.slice(0, 3))).slice(0, 5);
    return `“${word}” is not among the ${words.length.toLocaleString("en")} words of this page` +
      (close.length ? `; did you mean ${close.join(", ")}?` : ".");
  }

  function summary() {
    const left = data.leftOut
      ? ` ${data.leftOut.toLocaleString("en")} of the models' ${data.top.toLocaleString("en")}` +
        " most frequent words are left out: not in every model."
      : "";
    const count = models.length === 1 ? "" : `, shared by the ${models.length} models`;
    document.getElementById("summary").textContent =
      `${words.length.toLocaleString("en")} words, the most frequent${count}.${left}` +
      " Search a word, or click one on a map: every map and list follows.";
  }

  function legend() {
    const groups = data.groups;
    const node = document.getElementById("legend");
    if (!groups.names.length) return;
    const counts = groups.names.map(() => 0);
    for (const g of groups.of) if (g >= 0) counts[g]++;
    groups.names.forEach((name, g) => {
      if (!counts[g]) return;   // a group none of whose words is on the page
      const item = document.createElement("span");
      item.className = "group";
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = PALETTE[g % PALETTE.length];
      item.append(swatch, `${name} (${counts[g]})`);
      node.append(item);
    });
    if (groups.names.length > PALETTE.length) {
      node.append(` (${groups.names.length} groups: colours repeat after ${PALETTE.length}.)`);
    }
    if (groups.dropped) {
      node.append(` ${groups.dropped} word(s) of the groups file are not on this page.`);
    }
  }

  // ------------------------------------------------------------------ the maps

  class WordMap {
    constructor(model, number) {
      this.model = model;
      this.panel = document.createElement("section");
      this.panel.className = "model";
      const heading = document.createElement("h2");
      heading.textContent = model.name;
      const caption = document.createElement("p");
      caption.className = "caption";
      caption.textContent = `${model.dim} dimensions; map: ${model.caption}. ` +
        "Drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 to reset.";
      this.canvas = document.createElement("canvas");
      this.canvas.tabIndex = 0;
      this.canvas.setAttribute("role", "img");
      this.canvas.setAttribute("aria-label", `map of the words of ${model.name}`);
      this.list = document.createElement("ol");
      this.list.className = "neighbours";
      this.list.setAttribute("aria-label", `nearest neighbours in ${model.name}`);
      this.panel.append(heading, caption, this.canvas, this.list);
      this.number = number;
      this.hover = -1;
      this.drawn = 0;
      this.listen();
    }

    resize() {
      const ratio = window.devicePixelRatio || 1;
      const width = this.canvas.clientWidth, height = this.canvas.clientHeight;
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.ratio = ratio;
      if (!this.view) this.reset();
    }

    reset() {
      // Fit every point, with a margin, keeping the map's proportions.
      const xy = this.model.coords;
      let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
      for (let i = 0; i < xy.length; i += 2) {
        x0 = Math.min(x0, xy[i]); x1 = Math.max(x1, xy[i]);
        y0 = Math.min(y0, xy[i + 1]); y1 = Math.max(y1, xy[i + 1]);
      }
      const w = this.canvas.clientWidth, h = this.canvas.clientHeight;
      const scale = 0.9 * Math.min(w / Math.max(x1 - x0, 1e-9), h / Math.max(y1 - y0, 1e-9));
      this.view = { scale, x: w / 2 - scale * (x0 + x1) / 2, y: h / 2 + scale * (y0 + y1) / 2 };
    }

    // Where word i sits on the canvas, in CSS pixels (y grows downwards on screen).
    position(i) {
      const v = this.view, xy = this.model.coords;
      return [v.x + v.scale * xy[2 * i], v.y - v.scale * xy[2 * i + 1]];
    }

    nearest(px, py) {
      let found = -1, bestDistance = HIT_PIXELS * HIT_PIXELS;
      for (let i = 0; i < words.length; i++) {
        const [x, y] = this.position(i);
        const d = (x - px) ** 2 + (y - py) ** 2;
        if (d < bestDistance) { bestDistance = d; found = i; }
      }
      return found;
    }

    draw() {
      const ctx = this.canvas.getContext("2d");
      ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
      const w = this.canvas.clientWidth, h = this.canvas.clientHeight;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, w, h);
      const groups = data.groups.of;
      let drawn = 0;
      for (let i = 0; i < words.length; i++) {
        const [x, y] = this.position(i);
        if (x < -2 || y < -2 || x > w + 2 || y > h + 2) continue;
        ctx.fillStyle = groups[i] >= 0 ? PALETTE[groups[i] % PALETTE.length] : UNGROUPED;
        ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
        drawn++;
      }
      this.drawn = drawn;
      // Marked words, most important first; a label that would cover one already
      // written is left out (its point stays, and hovering it names it).
      const labels = [];
      const marks = [];
      if (this.hover >= 0) marks.push([this.hover, "#000000", 4, true]);
      if (state.selected >= 0) marks.push([state.selected, "#a00000", 6, true]);
      for (const { word } of state.neighbours[this.number] || []) {
        marks.push([wordIndex.get(word), "#b04a00", 4, false]);
      }
      for (const mark of marks.slice().reverse()) this.point(ctx, ...mark);
      for (const mark of marks) this.label(ctx, labels, ...mark);
    }

    point(ctx, i, colour, radius) {
      const [x, y] = this.position(i);
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.fillStyle = colour;
      ctx.fill();
    }

    label(ctx, labels, i, colour, radius, bold) {
      const [x, y] = this.position(i);
      ctx.font = `${bold ? "bold " : ""}13px sans-serif`;
      const text = words[i], width = ctx.measureText(text).width + 4;
      const box = [x + radius + 2, y - 9, width, 16];
      const overlaps = (b) => box[0] < b[0] + b[2] && b[0] < box[0] + box[2] &&
                              box[1] < b[1] + b[3] && b[1] < box[1] + box[3];
      if (!bold && labels.some(overlaps)) return;
      labels.push(box);
      ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
      ctx.fillRect(...box);
      ctx.fillStyle = colour;
      ctx.fillText(text, box[0] + 2, y + 4);
    }

    zoom(factor, cx, cy) {
      const v = this.view;
      v.x = cx - (cx - v.x) * factor;
      v.y = cy - (cy - v.y) * factor;
      v.scale *= factor;
      this.draw();
    }

    listen() {
      const canvas = this.canvas;
      let drag = null;
      let dragged = false;   // the click that ends a drag selects nothing
      const local = (event) => {
        const box = canvas.getBoundingClientRect();
        return [event.clientX - box.left, event.clientY - box.top];
      };
      canvas.addEventListener("mousedown", (event) => {
        const [x, y] = local(event);
        drag = { x, y, moved: false };
      });
      window.addEventListener("mouseup", () => {
        dragged = Boolean(drag && drag.moved);
        drag = null;
      });
      canvas.addEventListener("mousemove", (event) => {
        const [x, y] = local(event);
        if (drag) {
          if (Math.abs(x - drag.x) + Math.abs(y - drag.y) > 2) drag.moved = true;
          this.view.x += x - drag.x;
          this.view.y += y - drag.y;
          drag.x = x; drag.y = y;
          this.draw();
          return;
        }
        const hover = this.nearest(x, y);
        if (hover !== this.hover) { this.hover = hover; this.draw(); }
      });
      canvas.addEventListener("mouseleave", () => { this.hover = -1; this.draw(); });
      canvas.addEventListener("click", (event) => {
        if (dragged) { dragged = false; return; }
        const [x, y] = local(event);
        const i = this.nearest(x, y);
        if (i >= 0) select(words[i]);
      });
      canvas.addEventListener("wheel", (event) => {
        if (event.deltaY === 0) return;   // a sideways scroll: not a zoom
        event.preventDefault();
        const [x, y] = local(event);
        this.zoom(event.deltaY < 0 ? 1.25 : 0.8, x, y);
      }, { passive: false });
      canvas.addEventListener("keydown", (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;   // the browser's own zoom
        const step = 40, w = canvas.clientWidth / 2, h = canvas.clientHeight / 2;
        const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0],
                        ArrowUp: [0, step], ArrowDown: [0, -step] };
        if (moves[event.key]) {
          this.view.x += moves[event.key][0];
          this.view.y += moves[event.key][1];
          this.draw();
        } else if (event.key === "+" || event.key === "=") {
          this.zoom(1.25, w, h);
        } else if (event.key === "-") {
          this.zoom(0.8, w, h);
        } else if (event.key === "0") {
          this.reset();
          this.draw();
        } else {
          return;
        }
        event.preventDefault();
      });
    }

    showNeighbours() {
      this.list.replaceChildren();
      for (const { word, score } of state.neighbours[this.number] || []) {
        const item = document.createElement("li");
        const link = document.createElement("button");
        link.type = "button";
        link.className = "word";
        link.textContent = word;
        link.addEventListener("click", () => select(word));
        item.append(link, ` ${score.toFixed(3)}`);
        this.list.append(item);
      }
    }
  }

  // ------------------------------------------------------------------ what the user does

  const maps = [];
  let lastQueryMs = 0;

  function select(word) {
    if (!wordIndex.has(word)) {
      say(unknown(word), true);
      return false;
    }
    const started = performance.now();
    state.selected = wordIndex.get(word);
    state.neighbours = models.map((model) => neighbours(model, word));
    lastQueryMs = performance.now() - started;
    wordInput.value = word;
    say(`Nearest neighbours of “${word}” by cosine, in each model` +
        ` (${lastQueryMs.toFixed(1)} ms).`);
    maps.forEach((map) => { map.showNeighbours(); map.draw(); });
    return true;
  }

  function solve(a, b, c) {
    answer.textContent = "";
    if (!a || !b || !c) {
      say("Fill in a, b and c, one word each: a is to b as c is to ?", true);
      return null;
    }
    const missing = [a, b, c].find((w) => !wordIndex.has(w));
    if (missing !== undefined) {
      say(unknown(missing), true);
      return null;
    }
    const answers = models.map((model) => analogy(model, a, b, c)[0]);
    if (answers.some((found) => found === undefined)) {
      say("This page has no word left to answer with, besides a, b and c.", true);
      return null;
    }
    select(answers[0].word);
    answer.textContent = `${a} is to ${b} as ${c} is to ` + answers.map((found, m) =>
      `${found.word} (${models[m].name}, ${found.score.toFixed(3)})`).join(", ") + ".";
    return answers;
  }

  function complete() {
    const prefix = wordInput.value.trim();
    completions.replaceChildren();
    if (!prefix) return;
    let count = 0;
    for (const word of words) {
      if (word.startsWith(prefix)) {
        const option = document.createElement("option");
        option.value = word;
        completions.append(option);
        if (++count === COMPLETIONS) break;
      }
    }
  }

  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const word = wordInput.value.trim();
    if (!word) say("Type a word first.", true);
    else select(word);
  });
  document.getElementById("analogy-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = (id) => document.getElementById(id).value.trim();
    solve(value("analogy-a"), value("analogy-b"), value("analogy-c"));
  });
  wordInput.addEventListener("input", complete);

  summary();
  legend();
  models.forEach((model, m) => {
    const map = new WordMap(model, m);
    container.append(map.panel);
    maps.push(map);
  });
  maps.forEach((map) => { map.resize(); map.draw(); });
  window.addEventListener("resize", () => maps.forEach((map) => { map.resize(); map.draw(); }));

  window.explorer = {
    words, models: models.map((m) => m.name),
    neighbours: (m, word, count) => neighbours(models[m], word, count),
    analogy: (m, a, b, c) => analogy(models[m], a, b, c),
    select, solve,
    selected: () => (state.selected >= 0 ? words[state.selected] : null),
    position: (m, word) => {
      const [x, y] = maps[m].position(wordIndex.get(word));
      const box = maps[m].canvas.getBoundingClientRect();
      return [box.left + x, box.top + y];
    },
    pointsDrawn: () => maps.map((map) => map.drawn),
    lastQueryMs: () => lastQueryMs,
    loadMs: performance.now(),   // since navigation started: the page is usable from here
    ready: true,
  };
}());
