/* The csm-check answers form: builds the page from the JSON data block, keeps the answers in
   this browser's local storage while someone works, and downloads them as an answers file
   (csmYaml.dump). No framework, no network; every text goes in with textContent. */
(function () {
  var data = JSON.parse(document.getElementById("form-data").textContent);
  var codes = data.languages.map(function (pair) { return pair[0]; });
  var known = [];
  data.writer.challenges.forEach(function (c) {
    c.criteria.forEach(function (pair) { known.push(pair[0]); });
  });
  var storageKey = "csm-check-form/" + data.model.id + "/" + data.model.version + "/" + data.formId;
  var FILE_NAME = "csm-answers.yaml";
  var HEADER_FIELDS = ["organisation", "respondent", "role", "assessed_on"];
  var language = data.language;
  var labels = [];  // [node, make(language) -> text], refreshed when the language changes
  var questions = {};  // criterion id -> its inputs and parts
  var progressParts = [];  // [update()] per challenge and overall
  var state;

  /* ---- small helpers ---- */

  function say(key, values, code) {
    var text = data.ui[code || language][key];
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) node.setAttribute(name, "");
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function label(node, make) {
    labels.push([node, make]);
    refresh([node, make]);
    return node;
  }

  function refresh(pair) {
    var text = pair[1](language);
    if (text !== null) pair[0].textContent = text;  // null: the maker filled the node itself
  }

  function ui(tag, key, attributes, values) {
    return label(el(tag, attributes), function (code) { return say(key, values, code); });
  }

  function model(tag, texts, attributes, prefix) {
    return label(el(tag, attributes), function (code) { return (prefix || "") + texts[code]; });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + String(now.getDate()).padStart(2, "0");
  }

  /* sanitize.clean and one_line: no control characters (newline and tab kept or folded). */
  var ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[^\n]/g;
  var INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u;
  function clean(text, keepNewlines) {
    var out = "";
    for (var char of text.replace(ANSI, "")) {
      if (char === "\n" || char === "\t") out += keepNewlines ? char : " ";
      else if (char === "\u200d" || !INVISIBLE.test(char)) out += char;
    }
    return out;
  }
  function oneLine(text) {
    return clean(text || "", false).split(/\s+/).filter(Boolean).join(" ") || null;
  }
  function cleanNote(text) {
    return clean(text || "", true).trim() || null;
  }

  /* ---- state: what is answered, kept in local storage ---- */

  function fresh() {
    var start = JSON.parse(JSON.stringify(data.start));
    if (!start.assessed_on) start.assessed_on = today();
    return start;
  }

  function answerOf(id) {
    return state.answers[id] || { level: null, note: "" };
  }

  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ language: language, state: state }));
      return true;
    } catch (error) {
      return false;
    }
  }

  function restore() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      if (kept && kept.state && kept.state.answers) {
        if (codes.indexOf(kept.language) >= 0) language = kept.language;
        return kept.state;
      }
    } catch (error) { /* unreadable: start afresh */ }
    return null;
  }

  /* The answers as csmYaml.dump takes them; null entries for n/a without a reason. */
  function forFile() {
    var answers = {};
    var missing = [];
    known.forEach(function (id) {
      var raw = answerOf(id);
      var note = cleanNote(raw.note);
      if (raw.level === "n/a") {
        if (!note) missing.push(id);
        answers[id] = { state: "not_applicable", level: null, note: note };
      } else if (raw.level === null || raw.level === undefined) {
        answers[id] = { state: "unanswered", level: null, note: note };
      } else answers[id] = { state: "answered", level: raw.level, note: note };
    });
    var file = { language: language, answers: answers };
    HEADER_FIELDS.forEach(function (key) { file[key] = oneLine(state[key]); });
    return { file: file, missing: missing };
  }

  /* ---- the page ---- */

  function status(key, values, kind) {
    var node = document.getElementById("status");
    node.textContent = say(key, values);
    node.className = kind || "";
  }

  function field(key, input, hint) {
    input.id = "f-" + key;
    input.value = "";
    input.addEventListener("input", function () { state[key] = input.value; save(); });
    return el("div", { class: "field" }, [ui("label", "form." + key, { for: input.id }), input, hint]);
  }

  function aboutYou() {
    var roles = el("datalist", { id: "roles" });
    label(roles, function (code) {
      roles.replaceChildren.apply(roles, data.roles[code].map(function (role) {
        return el("option", { value: role });
      }));
      return null;
    });
    var hint = ui("small", "form.role_hint", { id: "role-hint" });
    return el("fieldset", { class: "about" }, [
      ui("legend", "form.about"),
      field("organisation", el("input", { type: "text", maxlength: "200", autocomplete: "organization" })),
      field("respondent", el("input", { type: "text", maxlength: "200", autocomplete: "name" })),
      field("role", el("input", { type: "text", maxlength: "200", list: "roles", "aria-describedby": "role-hint" }), hint),
      field("assessed_on", el("input", { type: "date" })),
      roles,
    ]);
  }

  function counts(criteria) {
    var answered = criteria.filter(function (c) {
      var level = answerOf(c.id).level;
      return level !== null && level !== undefined;
    }).length;
    return { answered: answered, total: criteria.length };
  }

  function progress(criteria, key, attributes) {
    var bar = el("progress", { max: String(criteria.length), value: "0" });
    var words = el("span");
    progressParts.push(function () {
      var values = counts(criteria);
      bar.value = values.answered;
      words.textContent = say(key, values);
    });
    return el("div", attributes || { class: "progress" }, [bar, words]);
  }

  function level(criterion, value, text, description) {
    var input = el("input", { type: "radio", name: "level-" + criterion.id, value: String(value),
      id: "l-" + criterion.id + "-" + value });
    input.addEventListener("change", function () { setAnswer(criterion.id, { level: value }); });
    return el("label", { class: value === "n/a" ? "level na" : "level", for: input.id }, [
      input,
      el("span", { class: "num" }, [document.createTextNode(value === "n/a" ? "–" : String(value))]),
      el("span", { class: "words" }, [text, description]),
    ]);
  }

  function helpBox(criterion) {
    var parts = [ui("summary", "form.help"), model("p", criterion.help)];
    if (criterion.descriptions) {
      var list = el("dl", { class: "scale" });
      criterion.descriptions.forEach(function (description, index) {
        list.appendChild(model("dt", criterion.levels[index], {}, index + " "));
        list.appendChild(model("dd", description));
      });
      parts.push(list);
    }
    if (criterion.references.length) {
      parts.push(ui("p", "form.references", { class: "sources" }));
      parts.push(el("ul", {}, criterion.references.map(function (ref) { return model("li", ref); })));
    }
    return el("details", { class: "help" }, parts);
  }

  function question(criterion) {
    var legend = el("legend", {}, [model("span", criterion.question, { class: "text" })]);
    if (criterion.knockoutTag) legend.appendChild(model("span", criterion.knockoutTag, { class: "ko-tag" }));
    var levels = el("div", { class: "levels" }, criterion.levels.map(function (texts, index) {
      var description = criterion.descriptions ? model("small", criterion.descriptions[index]) : null;
      return level(criterion, index, model("span", texts), description);
    }));
    levels.appendChild(level(criterion, "n/a", ui("span", "form.not_applicable")));
    var noteId = "n-" + criterion.id;
    var note = el("textarea", { id: noteId, rows: "2", maxlength: "2000",
      "aria-describedby": "e-" + criterion.id });
    note.addEventListener("input", function () { setAnswer(criterion.id, { note: note.value }); });
    var noteLabel = el("label", { for: noteId });
    var error = ui("p", "form.reason_missing", { class: "error", id: "e-" + criterion.id, hidden: true });
    var below = criterion.minimum === null ? null :
      ui("p", "form.below_minimum", { class: "error", id: "w-" + criterion.id, hidden: true },
        { minimum: criterion.minimum });
    var clear = ui("button", "form.clear", { type: "button", class: "clear" });
    clear.addEventListener("click", function () { setAnswer(criterion.id, { level: null, note: "" }); });
    var box = el("fieldset", { class: "question", id: "q-" + criterion.id }, [
      legend,
      criterion.knockout ? model("p", criterion.knockout, { class: "ko" }) : null,
      helpBox(criterion),
      levels,
      below,
      el("div", { class: "note" }, [noteLabel, note, error]),
      el("div", { class: "actions" }, [clear]),
    ]);
    questions[criterion.id] = { box: box, note: note, noteLabel: noteLabel, error: error,
      below: below, minimum: criterion.minimum };
    label(noteLabel, function (code) {
      return say(answerOf(criterion.id).level === "n/a" ? "form.reason" : "form.note", {}, code);
    });
    return box;
  }

  function challenge(item) {
    var heading = model("h2", item.title, { id: "h-" + item.id }, item.number + ". ");
    return el("section", { class: "challenge", id: "c-" + item.id, "aria-labelledby": heading.id }, [
      heading,
      model("p", item.summary, { class: "summary" }),
      progress(item.criteria, "form.progress"),
    ].concat(item.criteria.map(question)));
  }

  function contents(all) {
    var list = el("ol", {}, data.challenges.map(function (item) {
      var link = model("a", item.title, { href: "#c-" + item.id }, item.number + ". ");
      return el("li", {}, [link, progress(item.criteria, "form.progress", { class: "progress small" })]);
    }));
    return el("nav", { class: "contents", "aria-labelledby": "contents-h" }, [
      ui("h2", "form.contents", { id: "contents-h" }),
      progress(all, "form.progress_all", { class: "progress all" }),
      list,
    ]);
  }

  function toolbar() {
    var download = ui("button", "form.download", { type: "button", id: "download", class: "primary" });
    download.addEventListener("click", downloadAnswers);
    var input = el("input", { type: "file", id: "load", accept: ".yaml,.yml,text/yaml" });
    input.addEventListener("change", function () {
      if (input.files.length) loadAnswers(input.files[0]);
      input.value = "";
    });
    return el("div", { class: "toolbar" }, [
      download,
      ui("label", "form.load", { for: "load", class: "button" }),
      input,
      el("p", { id: "status", role: "status", "aria-live": "polite" }),
    ]);
  }

  function header() {
    var select = el("select", { id: "language" }, data.languages.map(function (pair) {
      return el("option", { value: pair[0] }, [document.createTextNode(pair[1])]);
    }));
    select.value = language;
    select.addEventListener("change", function () { language = select.value; relabel(); save(); });
    var forget = ui("button", "form.forget", { type: "button", id: "forget" });
    forget.addEventListener("click", forgetAnswers);
    return el("header", {}, [
      label(el("h1"), function (code) { return data.model.title[code] + ": " + say("form.title", {}, code); }),
      ui("p", "form.intro", { class: "intro" }),
      el("div", { class: "language" }, [ui("label", "form.language", { for: "language" }), select]),
      el("div", { class: "storage" }, [ui("p", storing ? "form.storage" : "form.storage_off", { id: "storage" }), forget]),
    ]);
  }

  /* ---- what the person does ---- */

  function setAnswer(id, change) {
    var answer = Object.assign({}, answerOf(id), change);
    if (answer.level === null && !answer.note) delete state.answers[id];
    else state.answers[id] = answer;
    show(id);
    progressParts.forEach(function (update) { update(); });
    save();
  }

  function show(id) {
    var parts = questions[id];
    if (!parts) return;  // a question this form does not ask (--only): kept as it is
    var answer = answerOf(id);
    var value = answer.level === null || answer.level === undefined ? null : String(answer.level);
    parts.box.querySelectorAll("input[type=radio]").forEach(function (radio) {
      radio.checked = radio.value === value;
    });
    if (parts.note.value !== (answer.note || "")) parts.note.value = answer.note || "";
    var na = answer.level === "n/a";
    parts.note.required = na;
    parts.box.classList.toggle("answered", value !== null);
    var missing = na && !cleanNote(answer.note);
    parts.error.hidden = !missing;
    if (parts.below) parts.below.hidden = !(typeof answer.level === "number" && answer.level < parts.minimum);
    parts.note.setAttribute("aria-invalid", missing ? "true" : "false");
    parts.noteLabel.textContent = say(na ? "form.reason" : "form.note");
  }

  function showAll() {
    HEADER_FIELDS.forEach(function (key) { document.getElementById("f-" + key).value = state[key] || ""; });
    Object.keys(questions).forEach(show);
    progressParts.forEach(function (update) { update(); });
  }

  function relabel() {
    document.documentElement.lang = language;
    document.getElementById("language").value = language;
    labels.forEach(refresh);
    document.title = data.model.title[language] + ": " + say("form.title");
    showAll();
  }

  function downloadAnswers() {
    var built = forFile();
    Object.keys(questions).forEach(show);
    if (built.missing.length) {
      status("form.download_blocked", { count: built.missing.length }, "bad");
      var first = questions[built.missing[0]];
      if (first) first.note.focus();
      return;
    }
    var text = csmYaml.dump(built.file, data.writer);
    var url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    var link = el("a", { href: url, download: FILE_NAME });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    status("form.downloaded", { file: FILE_NAME }, "good");
  }

  function loadAnswers(file) {
    file.text().then(function (text) {
      var read;
      try {
        read = csmYaml.read(text, data.model.id, known, codes);
      } catch (error) {
        if (!(error instanceof csmYaml.ReadError)) throw error;
        var reason = say("form.parse." + error.key, error.values);
        status("form.load_failed", { file: file.name, reason: reason }, "bad");
        return;
      }
      state = { answers: read.answers };
      HEADER_FIELDS.forEach(function (key) { state[key] = read[key] || ""; });
      if (codes.indexOf(read.language) >= 0) language = read.language;  // as it was written
      relabel();
      save();
      var values = counts(known.map(function (id) { return { id: id }; }));
      status("form.loaded", { file: file.name, answered: values.answered, total: values.total }, "good");
    });
  }

  function forgetAnswers() {
    if (!window.confirm(say("form.forget_confirm"))) return;
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* nothing kept */ }
    state = fresh();
    showAll();
    status("form.forgotten", {}, "good");
  }

  /* ---- start ---- */

  state = restore() || fresh();
  var storing = save();
  var all = [];
  data.challenges.forEach(function (item) { all = all.concat(item.criteria); });
  var app = document.getElementById("app");
  app.appendChild(header());
  var main = el("main", {}, [aboutYou(), contents(all)].concat(data.challenges.map(challenge)));
  app.appendChild(main);
  app.appendChild(toolbar());
  relabel();
  window.csmForm = { dump: csmYaml.dump, read: csmYaml.read, writer: data.writer, state: function () { return state; } };
})();
